import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok } from '../tickets/testing/helpers';

interface Overview {
  resident: { id: number; idNumber: string | null; piiMasked: boolean; phones: { number: string }[] };
  household: { residentId: number; name: string; relation: string; unitId: number }[];
  tickets: {
    items: { id: number; status: string; residentId: number | null }[];
    total: number;
    open: number;
  };
  complaints: { items: { id: number }[]; total: number };
  calls: { items: unknown[]; total: number };
  callbacks: { items: unknown[]; total: number };
  notices: { items: unknown[]; total: number };
  bindings: { items: unknown[]; total: number };
  notes: { items: { note: string; actorName: string | null }[]; total: number };
  timeline: { kind: string; id: number }[];
}

let t: TestServer;
let admin: string;
let agent: string;
let lead: string;
let tenantId: number;
let tenantTicket: number;
let ownTicket: number;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  lead = await t.login('lead_a');
  const leak = await leafCategory(t, admin, '户内/水/漏水');
  // 张伟 owns unitsA[0]; a tenant lives there too and reports a burst pipe.
  const tenant = await ok<{ id: number }>(
    t,
    'POST',
    '/api/residents',
    admin,
    {
      projectId: t.fixture.projectA,
      name: '租客小赵',
      phones: ['13700001111'],
      units: [{ unitId: t.fixture.unitsA[0], relation: '租户' }],
    },
    201,
  );
  tenantId = tenant.id;
  const repair = (residentId: number, description: string, type = '报修') => ({
    projectId: t.fixture.projectA,
    type,
    priority: '一般',
    channel: 'phone',
    unitId: t.fixture.unitsA[0],
    residentId,
    ...(type === '报修' ? { categoryId: leak } : {}),
    description,
  });
  const own = await ok<{ id: number; version: number }>(
    t,
    'POST',
    '/api/tickets',
    agent,
    repair(t.fixture.residentsA[0]!, '阳台灯不亮'),
    201,
  );
  await ok(t, 'POST', `/api/tickets/${own.id}/cancel`, admin, {
    version: own.version,
    reason: '业主自行处理',
  });
  ownTicket = own.id;
  t.clock.advanceMinutes(5);
  tenantTicket = (
    await ok<{ id: number }>(t, 'POST', '/api/tickets', agent, repair(tenantId, '卫生间水管爆裂'), 201)
  ).id;
  await ok(t, 'POST', '/api/tickets', agent, repair(t.fixture.residentsA[0]!, '物业费收得太高', '投诉'), 201);
});
afterAll(async () => t?.close());

describe('GET /api/residents/:id/overview', () => {
  it("shows the tenant's open ticket on the owner's 360, open tickets first", async () => {
    const o = await ok<Overview>(t, 'GET', `/api/residents/${t.fixture.residentsA[0]}/overview`, agent);
    const ids = o.tickets.items.map((x) => x.id);
    expect(ids).toContain(tenantTicket);
    expect(ids).toContain(ownTicket);
    // The cancelled one comes after every open one.
    expect(ids.indexOf(ownTicket)).toBe(ids.length - 1);
    expect(o.tickets).toMatchObject({ total: 3, open: 2 });
    expect(o.complaints.total).toBe(1);
    expect(o.household).toEqual([
      expect.objectContaining({ residentId: tenantId, name: '租客小赵', relation: '租户' }),
    ]);
    expect(o.timeline.filter((i) => i.kind === 'ticket')).toHaveLength(3);
  });

  it('masks the ID number for the 座席 and shows it to a role with pii.view', async () => {
    const masked = await ok<Overview>(t, 'GET', `/api/residents/${t.fixture.residentsA[0]}/overview`, agent);
    expect(masked.resident.piiMasked).toBe(true);
    expect(masked.resident.idNumber).not.toBe('110101199003071233');
    expect(masked.resident.idNumber).toMatch(/\*/);
    const shown = await ok<Overview>(t, 'GET', `/api/residents/${t.fixture.residentsA[0]}/overview`, lead);
    expect(shown.resident).toMatchObject({ piiMasked: false, idNumber: '110101199003071233' });
  });

  it("answers 404 for another project's resident and 400 for a bad id", async () => {
    const other = await t.request('GET', `/api/residents/${t.fixture.residentsB[0]}/overview`, {
      token: agent,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: { code: 'not_found' } });
    const bad = await t.request('GET', '/api/residents/abc/overview', { token: agent });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toHaveProperty('error.code');
  });

  it('adds a note to the 360 timeline with who wrote it', async () => {
    const o = await ok<Overview>(
      t,
      'POST',
      `/api/residents/${t.fixture.residentsA[0]}/notes`,
      agent,
      { note: '老人独居，来电请放慢语速' },
      201,
    );
    expect(o.notes.items[0]).toMatchObject({ note: '老人独居，来电请放慢语速', actorName: '座席甲' });
    expect(o.timeline.some((i) => i.kind === 'note')).toBe(true);
    const empty = await t.request('POST', `/api/residents/${t.fixture.residentsA[0]}/notes`, {
      token: agent,
      body: { note: '  ' },
    });
    expect(empty.statusCode).toBe(400);
    const other = await t.request('POST', `/api/residents/${t.fixture.residentsB[0]}/notes`, {
      token: agent,
      body: { note: 'x' },
    });
    expect(other.statusCode).toBe(404);
  });

  it("calls the resident back: the number for a tel: link (no PBX), logged; 404 for another project's", async () => {
    const dial = await ok<{ mode: string; number: string }>(
      t,
      'POST',
      `/api/residents/${t.fixture.residentsA[0]}/dial`,
      agent,
    );
    expect(dial).toMatchObject({ mode: 'tel', number: '13812345678' });
    const events = await ok<{ items: { action: string }[] }>(
      t,
      'GET',
      `/api/events?entityType=resident&entityId=${t.fixture.residentsA[0]}`,
      admin,
    );
    expect(events.items.some((e) => e.action === 'resident.contact_dialed')).toBe(true);
    const other = await t.request('POST', `/api/residents/${t.fixture.residentsB[0]}/dial`, { token: agent });
    expect(other.statusCode).toBe(404);
  });
});
