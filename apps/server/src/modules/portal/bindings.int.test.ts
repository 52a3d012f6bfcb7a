import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies } from '../../platform/auth/schema';
import { events } from '../../platform/events/schema';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { deliveries } from '../delivery/schema';
import { buildings, projects, units } from '../org/schema';
import { insertResident } from '../residents/create-resident';

let t: TestServer;
let admin: string;
let agent: string;
const ZHANG = '13812345678';
const STRANGER = '15000001111';
const TENANT = '15000002222';

interface Binding {
  id: number;
  status: string;
  kind: string;
  version: number;
  rejectReason: string | null;
  residentId: number | null;
}
interface Me {
  company: { code: string | null; name: string };
  timezone: string;
  units: { id: number; label: string; relation: string }[];
}

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(new Date('2026-03-02T10:00:00+08:00'));
  admin = await t.login('admin');
  agent = await t.login('agent_a');
});
afterAll(async () => t?.close());

/** The newest code SMS in the outbox (the other company's codes are not in this admin's delivery log). */
async function lastCode(phone: string): Promise<string | null> {
  const [hit] = await t.services.database.db
    .select({ body: deliveries.body })
    .from(deliveries)
    .where(and(eq(deliveries.sourceType, 'portal_code'), eq(deliveries.recipient, `+86${phone}`)))
    .orderBy(desc(deliveries.id))
    .limit(1);
  return hit ? (/验证码为(\d{6})/.exec(hit.body)?.[1] ?? null) : null;
}

async function portalLogin(phone: string, company?: string): Promise<string> {
  const sent = await t.request('POST', '/api/portal/auth/code', { body: { phone, company } });
  expect(sent.statusCode, sent.body).toBe(202);
  await t.services.queue.drain();
  const code = await lastCode(phone);
  expect(code, `code for ${phone}`).toMatch(/^\d{6}$/);
  const res = await t.request('POST', '/api/portal/auth/login', { body: { phone, code, company } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { token: string }).token;
}

const me = async (token: string) => (await t.request('GET', '/api/portal/me', { token })).json() as Me;

async function pending(): Promise<Binding[]> {
  const res = await t.request('GET', '/api/portal-bindings?status=待审核', { token: agent });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Binding[] }).items;
}

describe('portal binding requests', () => {
  it('a phone not in the archive signs in through the company link, asks, is approved and sees the unit', async () => {
    // Without the company link a stranger gets no code: the portal does not tell who lives here.
    await t.request('POST', '/api/portal/auth/code', { body: { phone: STRANGER } });
    await t.services.queue.drain();
    expect(await lastCode(STRANGER)).toBeNull();
    expect(
      (await t.request('POST', '/api/portal/auth/code', { body: { phone: STRANGER, company: 'nope' } }))
        .statusCode,
    ).toBe(404);

    const token = await portalLogin(STRANGER, 'test');
    expect(await me(token)).toMatchObject({ company: { code: 'test', name: '测试物业' }, units: [] });

    // The picker: projects → buildings → units of this company only, names and labels only.
    const projectList = (await t.request('GET', '/api/portal/estate', { token })).json() as {
      items: { id: number; name: string }[];
    };
    expect(projectList.items.map((p) => p.name)).toEqual(['测试花园', '测试大厦']);
    const blds = (
      await t.request('GET', `/api/portal/estate?projectId=${t.fixture.projectA}`, { token })
    ).json() as { items: { id: number; name: string }[] };
    expect(blds.items.map((b) => b.name)).toEqual(['1号楼', '2号楼']);
    const unitList = (
      await t.request('GET', `/api/portal/estate?buildingId=${blds.items[1]!.id}`, { token })
    ).json() as { items: { id: number; name: string }[]; total: number };
    expect(unitList.total).toBe(4);
    const unit = unitList.items.find((u) => u.name === '2-1-101')!;

    const asked = await t.request('POST', '/api/portal/bindings', {
      token,
      body: {
        unitId: unit.id,
        name: '赵敏',
        relation: '业主',
        note: '新购房,已办理交房',
        attachments: [{ url: '/uploads/proof.jpg', name: '房产证.jpg' }],
      },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: '待审核', unitLabel: '2-1-101', kind: 'bind' });
    const again = await t.request('POST', '/api/portal/bindings', {
      token,
      body: { unitId: unit.id, name: '赵敏', relation: '业主' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'already_requested' } });

    const queue = await pending();
    const request = queue.find((r) => r.id === (asked.json() as Binding).id)!;
    // The built-in 座席 role has no pii.view (issue 13): the desk sees the number masked.
    expect(request).toMatchObject({ name: '赵敏' });
    const phone = (request as Binding & { phone: string }).phone;
    expect(phone).toMatch(/\*{4}/);
    expect(phone.slice(-4)).toBe(STRANGER.slice(-4));
    const stale = await t.request('POST', `/api/portal-bindings/${request.id}/approve`, {
      token: agent,
      body: { version: request.version + 1 },
    });
    expect(stale.statusCode).toBe(409);
    const ok = await t.request('POST', `/api/portal-bindings/${request.id}/approve`, {
      token: agent,
      body: { version: request.version },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: '已通过', version: request.version + 1 });
    const twice = await t.request('POST', `/api/portal-bindings/${request.id}/approve`, {
      token: agent,
      body: { version: request.version + 1 },
    });
    expect(twice.statusCode).toBe(409);

    // The same session now sees the unit, and the archive has the new owner with the phone.
    expect((await me(token)).units).toEqual([
      expect.objectContaining({ id: unit.id, label: '2-1-101', relation: '业主' }),
    ]);
    const residentId = (ok.json() as Binding).residentId!;
    const archive = await t.request('GET', `/api/residents/${residentId}`, { token: admin });
    expect(archive.json()).toMatchObject({ name: '赵敏' });
    const audit = await t.services.database.db
      .select({ action: events.action })
      .from(events)
      .where(and(eq(events.entityType, 'portal_binding'), eq(events.entityId, String(request.id))));
    expect(audit.map((e) => e.action)).toEqual(['portal_binding.requested', 'portal_binding.approved']);
  });

  it('a known resident asks for another unit; a rejection shows its reason to him', async () => {
    const token = await portalLogin(ZHANG);
    const res = await t.request('POST', '/api/portal/bindings', {
      token,
      body: { unitId: t.fixture.unitsA[2], name: '张伟', relation: '租户', leaseEndsOn: '2026-02-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'lease_past' } });
    const already = await t.request('POST', '/api/portal/bindings', {
      token,
      body: { unitId: t.fixture.unitsA[0], name: '张伟', relation: '业主' },
    });
    expect(already.statusCode).toBe(409);
    expect(already.json()).toMatchObject({ error: { code: 'already_bound' } });

    const asked = await t.request('POST', '/api/portal/bindings', {
      token,
      body: { unitId: t.fixture.unitsA[2], name: '张伟', relation: '业主' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id, version } = asked.json() as Binding;
    const noReason = await t.request('POST', `/api/portal-bindings/${id}/reject`, {
      token: agent,
      body: { version },
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await t.request('POST', `/api/portal-bindings/${id}/reject`, {
      token: agent,
      body: { version, reason: '房产证姓名与申请人不符,请到服务中心办理' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const mine = (await t.request('GET', '/api/portal/bindings', { token })).json() as { items: Binding[] };
    expect(mine.items.find((b) => b.id === id)).toMatchObject({
      status: '已驳回',
      rejectReason: '房产证姓名与申请人不符,请到服务中心办理',
    });
    expect((await me(token)).units.map((u) => u.id)).toEqual([t.fixture.unitsA[0]]);
  });

  it('an owner adds a tenant; once approved the tenant signs in and sees the unit; removal unlinks', async () => {
    const owner = await portalLogin(ZHANG);
    const unitId = t.fixture.unitsA[0]!;
    const noLease = await t.request('POST', '/api/portal/household', {
      token: owner,
      body: { unitId, name: '孙丽', phone: TENANT, relation: '租户' },
    });
    expect(noLease.json()).toMatchObject({ error: { code: 'lease_required' } });
    const asked = await t.request('POST', '/api/portal/household', {
      token: owner,
      body: { unitId, name: '孙丽', phone: TENANT, relation: '租户', leaseEndsOn: '2027-02-28' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id, version } = asked.json() as Binding;
    expect(
      (await t.request('POST', `/api/portal-bindings/${id}/approve`, { token: agent, body: { version } }))
        .statusCode,
    ).toBe(200);

    const tenant = await portalLogin(TENANT);
    expect((await me(tenant)).units).toEqual([expect.objectContaining({ id: unitId, relation: '租户' })]);
    // A tenant is not the owner: he cannot change the household.
    const notOwner = await t.request('POST', '/api/portal/household', {
      token: tenant,
      body: { unitId, name: '孙小丽', phone: '15000003333', relation: '家属' },
    });
    expect(notOwner.statusCode).toBe(409);
    expect(notOwner.json()).toMatchObject({ error: { code: 'not_owner' } });

    const household = (await t.request('GET', '/api/portal/household', { token: owner })).json() as {
      items: {
        residentId: number;
        name: string;
        relation: string;
        leaseEndsOn: string | null;
        me: boolean;
      }[];
    };
    const member = household.items.find((m) => m.name === '孙丽')!;
    expect(member).toMatchObject({ relation: '租户', leaseEndsOn: '2027-02-28', me: false });
    expect(household.items.find((m) => m.me)).toMatchObject({ name: '张伟' });

    const removal = await t.request('POST', '/api/portal/household/removals', {
      token: owner,
      body: { unitId, residentId: member.residentId, note: '租约提前结束' },
    });
    expect(removal.statusCode, removal.body).toBe(201);
    const r = removal.json() as Binding;
    expect(r.kind).toBe('removal');
    await t.request('POST', `/api/portal-bindings/${r.id}/approve`, {
      token: agent,
      body: { version: r.version },
    });
    expect((await me(tenant)).units).toEqual([]);
  });

  it('desk staff of another project neither see nor decide the request', async () => {
    const token = await portalLogin(STRANGER, 'test');
    const asked = await t.request('POST', '/api/portal/bindings', {
      token,
      body: { unitId: t.fixture.unitsB[0], name: '赵敏', relation: '租户' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id, version } = asked.json() as Binding;
    expect((await pending()).map((b) => b.id)).not.toContain(id);
    const res = await t.request('POST', `/api/portal-bindings/${id}/approve`, {
      token: agent,
      body: { version },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('a phone registered with two property companies', () => {
  it('signs in to the company of the link it opened and never sees the other company', async () => {
    const { db } = t.services.database;
    // Usernames are unique across the installation, so the other company is inserted bare.
    const [other] = await db.insert(companies).values({ name: '另一家物业', code: 'other' }).returning();
    const [project] = await db
      .insert(projects)
      .values({ companyId: other!.id, code: 'X', name: '别家小区' })
      .returning();
    const [building] = await db
      .insert(buildings)
      .values({ projectId: project!.id, code: '9', name: '9号楼' })
      .returning();
    const [unit] = await db
      .insert(units)
      .values({ projectId: project!.id, buildingId: building!.id, room: '901', label: '9-901' })
      .returning();
    await insertResident(db, { userId: null, companyId: other!.id, source: 'system' }, t.clock.now(), {
      projectId: project!.id,
      name: '张伟',
      phones: [ZHANG],
      units: [{ unitId: unit!.id, relation: '业主' }],
    });

    // Which company is not guessed: the number is in both, so the link must say.
    const ambiguous = await t.request('POST', '/api/portal/auth/code', { body: { phone: ZHANG } });
    expect(ambiguous.statusCode).toBe(409);
    expect(ambiguous.json()).toMatchObject({ error: { code: 'company_required' } });

    const inOther = await portalLogin(ZHANG, 'other');
    // Its code SMS is the other company's: the first company's delivery log does not show it.
    const log = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=200', {
      token: admin,
    });
    const otherCode = await lastCode(ZHANG);
    expect((log.json() as { items: { body: string }[] }).items.some((d) => d.body.includes(otherCode!))).toBe(
      false,
    );
    const otherMe = await me(inOther);
    expect(otherMe.company.code).toBe('other');
    expect(otherMe.units.map((u) => u.label)).toEqual(['9-901']);
    const otherTickets = (await t.request('GET', '/api/portal/tickets', { token: inOther })).json() as {
      total: number;
    };
    expect(otherTickets.total).toBe(0);
    const picker = (await t.request('GET', '/api/portal/estate', { token: inOther })).json() as {
      items: { name: string }[];
    };
    expect(picker.items.map((p) => p.name)).toEqual(['别家小区']);
    // A unit of the first company is out of reach from the second company's session.
    const cross = await t.request('POST', '/api/portal/tickets', {
      token: inOther,
      body: { unitId: t.fixture.unitsA[0], type: '报修', description: '跨公司报修' },
    });
    expect(cross.statusCode).toBe(400);
    const crossBind = await t.request('POST', '/api/portal/bindings', {
      token: inOther,
      body: { unitId: t.fixture.unitsA[1], name: '张伟', relation: '业主' },
    });
    expect(crossBind.statusCode).toBe(404);

    const inTest = await portalLogin(ZHANG, 'test');
    expect((await me(inTest)).units.map((u) => u.label)).toEqual(['1-1-101']);
  });
});

describe('portal times', () => {
  it('follow the project time zone, not a hard-coded one', async () => {
    const { db } = t.services.database;
    await db.update(projects).set({ timezone: 'Asia/Tokyo' }).where(eq(projects.id, t.fixture.projectA));
    const created = await t.request('POST', '/api/incidents', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        kind: '停水',
        emergency: true,
        title: '管道抢修',
        residentText: '预计{{incident.until}}恢复供水',
        expectedEndAt: '2026-03-02T18:00:00+08:00',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = await portalLogin(ZHANG, 'test');
    expect(await me(token)).toMatchObject({ timezone: 'Asia/Tokyo' });
    const res = await t.request('GET', '/api/portal/incidents', { token });
    // 18:00 in Shanghai is 19:00 in Tokyo.
    expect(res.json()).toMatchObject({
      items: [{ text: '预计3月2日 19:00恢复供水', timezone: 'Asia/Tokyo' }],
    });
  });
});
