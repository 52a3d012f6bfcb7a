import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { MIGRATIONS_FOLDER } from '../db/migrate';

interface AuditEvent {
  projectId: number | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

let t: TestServer;
let admin: string;
let quality: string;
const ids: Record<string, number> = {};

const createStaff = async (username: string, phone: string, projectIds: number[]) => {
  const res = await t.request('POST', '/api/staff', {
    token: admin,
    body: {
      username,
      displayName: username,
      password: 'staff-pass-1',
      phone,
      email: `${username}@example.cn`,
      roleIds: [t.fixture.roleIds.technician!],
      projectIds,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  ids[username] = (res.json() as { id: number }).id;
};

const audit = async (token: string, query = '') => {
  const res = await t.request('GET', `/api/events?pageSize=100${query}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  // A 品质专员 of project A: audit.read and staff.read, no pii.view.
  const res = await t.request('POST', '/api/staff', {
    token: admin,
    body: {
      username: 'quality_a',
      displayName: '品质专员甲',
      password: 'quality-pass-1',
      roleIds: [t.fixture.roleIds.quality!],
      projectIds: [t.fixture.projectA],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  quality = await t.login('quality_a', 'quality-pass-1');
  await createStaff('plumber_a', '13700001111', [t.fixture.projectA]);
  await createStaff('plumber_b', '13700002222', [t.fixture.projectB]);
  await createStaff('plumber_ab', '13700003333', [t.fixture.projectA, t.fixture.projectB]);
  const detail = (await t.request('GET', `/api/staff/${ids.plumber_a}`, { token: admin })).json() as {
    version: number;
  };
  const patched = await t.request('PATCH', `/api/staff/${ids.plumber_a}`, {
    token: admin,
    body: { phone: '13700004444', email: 'new@example.cn', version: detail.version },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  // Company-level events of other kinds: a role and a company-wide setting.
  const role = await t.request('POST', '/api/roles', {
    token: admin,
    body: { code: 'night_desk', name: '夜班', permissions: ['estate.read'] },
  });
  expect(role.statusCode, role.body).toBe(201);
  const setting = await t.request('PUT', '/api/settings/callcenter.answerWithinRings', {
    token: admin,
    body: { value: 4 },
  });
  expect(setting.statusCode, setting.body).toBe(200);
});
afterAll(async () => t?.close());

describe('GET /api/events for a 品质专员 of one project', () => {
  it('shows company-level events only about staff wholly inside the caller’s projects', async () => {
    const items = ((await audit(quality)).json() as { items: AuditEvent[] }).items;
    const companyLevel = items.filter((e) => e.projectId === null);
    // plumber_a and quality_a herself (her login) work only in A; nobody else's history shows.
    const allowed = new Set([String(ids.plumber_a), String((await me(quality)).id)]);
    expect(companyLevel.length).toBeGreaterThan(0);
    for (const e of companyLevel) {
      expect(e.entityType).toBe('user');
      expect(allowed.has(e.entityId), `${e.action} ${e.entityType} ${e.entityId}`).toBe(true);
    }
    expect(items.some((e) => e.action === 'staff.created' && e.entityId === String(ids.plumber_a))).toBe(
      true,
    );
    for (const hidden of ['role.created', 'setting.changed', 'company.bootstrapped'])
      expect(items.some((e) => e.action === hidden)).toBe(false);
    for (const e of items) expect(e.projectId === null || e.projectId === t.fixture.projectA).toBe(true);
    // Asking by entity does not open the door either.
    for (const other of [ids.plumber_b, ids.plumber_ab, t.fixture.users.admin]) {
      const res = await audit(quality, `&entityType=user&entityId=${other}`);
      expect((res.json() as { total: number }).total).toBe(0);
    }
  });

  it('reads a staff member’s phone and e-mail as changed, never the numbers the staff list masks', async () => {
    const staff = (await t.request('GET', `/api/staff/${ids.plumber_a}`, { token: quality })).json() as {
      phone: string;
    };
    expect(staff.phone).toBe('137****4444');
    const res = await audit(quality, `&entityType=user&entityId=${ids.plumber_a}`);
    const items = (res.json() as { items: AuditEvent[] }).items;
    const created = items.find((e) => e.action === 'staff.created')!;
    expect(created.after).toMatchObject({ phone: 'changed', email: 'changed', username: 'plumber_a' });
    const updated = items.find((e) => e.action === 'staff.updated')!;
    expect(updated.before).toMatchObject({ phone: '***', email: '***' });
    expect(updated.after).toMatchObject({ phone: 'changed', email: 'changed' });
    for (const secret of ['13700001111', '13700004444', 'plumber_a@example.cn', 'new@example.cn'])
      expect(res.body).not.toContain(secret);
  });

  it('keeps the numbers out of the log itself, for every reader', async () => {
    const rows = await t.services.database.query<{ payload: string }>(
      `select coalesce("before"::text, '') || coalesce("after"::text, '') as payload from events`,
    );
    for (const secret of ['13700001111', '13700002222', '13700003333', '13700004444', '@example.cn'])
      expect(
        rows.some((r) => r.payload.includes(secret)),
        secret,
      ).toBe(false);
  });

  it('a company-wide administrator still reads every company-level event', async () => {
    const items = ((await audit(admin)).json() as { items: AuditEvent[] }).items;
    for (const action of ['role.created', 'setting.changed'])
      expect(items.some((e) => e.action === action)).toBe(true);
    for (const who of [ids.plumber_b, ids.plumber_ab])
      expect(items.some((e) => e.action === 'staff.created' && e.entityId === String(who))).toBe(true);
  });
});

describe('the migration masking staff events stored before', () => {
  it('masks phones and e-mails already in the log, and nothing else', async () => {
    const db = t.services.database;
    const insert = async (action: string, entityType: string, before: unknown, after: unknown) =>
      (
        await db.query<{ id: string }>(
          `insert into events (occurred_at, company_id, source, action, entity_type, entity_id, "before", "after")
           values (now(), $1, 'user', $2, $3, '999', $4::jsonb, $5::jsonb) returning id`,
          [t.fixture.companyId, action, entityType, JSON.stringify(before), JSON.stringify(after)],
        )
      )[0]!.id;
    const created = await insert('staff.created', 'user', null, {
      username: 'old1',
      phone: '13911112222',
      email: 'old1@example.org',
      department: '工程部',
    });
    const bare = await insert('staff.created', 'user', null, { username: 'old2', phone: null });
    const updated = await insert(
      'staff.updated',
      'user',
      { phone: '13911112222', email: null, displayName: '老王' },
      { phone: null, email: 'old1@example.org', displayName: '王师傅' },
    );
    const resident = await insert('resident.updated', 'resident', { name: '张三' }, { phone: '13911113333' });
    const file = readdirSync(MIGRATIONS_FOLDER).find((f) => f.endsWith('_mask_staff_event_pii.sql'))!;
    const sql = readFileSync(path.join(MIGRATIONS_FOLDER, file), 'utf8');
    // Run twice: applying it again changes nothing.
    for (let i = 0; i < 2; i++)
      for (const statement of sql.split('--> statement-breakpoint')) await db.query(statement);
    const row = async (id: string) =>
      (
        await db.query<{ before: unknown; after: unknown }>(
          'select "before", "after" from events where id = $1',
          [id],
        )
      )[0]!;
    expect(await row(created)).toEqual({
      before: null,
      after: { username: 'old1', phone: 'changed', email: 'changed', department: '工程部' },
    });
    expect(await row(bare)).toEqual({ before: null, after: { username: 'old2', phone: null } });
    expect(await row(updated)).toEqual({
      before: { phone: '***', email: null, displayName: '老王' },
      after: { phone: null, email: 'changed', displayName: '王师傅' },
    });
    expect(await row(resident)).toEqual({ before: { name: '张三' }, after: { phone: '13911113333' } });
  });
});

async function me(token: string) {
  return (await t.request('GET', '/api/auth/me', { token })).json() as { id: number };
}
