import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import {
  leafCategory,
  MONDAY_10,
  ok,
  onDuty,
  type TicketView,
  type WorkOrderView,
} from '../tickets/testing/helpers';

let t: TestServer;
let lead: string;
let admin: string;
let techA: string;
let techA2: string;
let water: number;
let door: number;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  lead = await t.login('lead_a');
  admin = await t.login('admin');
  techA = await t.login('tech_a');
  techA2 = await t.login('tech_a2');
  await onDuty(t, techA, t.fixture.users.tech_a);
  await onDuty(t, techA2, t.fixture.users.tech_a2);
  water = await leafCategory(t, lead, '户内/水/水龙头损坏');
  door = await leafCategory(t, lead, '户内/门窗/门锁损坏');
});
afterAll(async () => t?.close());

const repair = (categoryId: number, description: string) =>
  ok<TicketView>(
    t,
    'POST',
    '/api/tickets',
    lead,
    {
      projectId: t.fixture.projectA,
      type: '报修',
      categoryId,
      unitId: t.fixture.unitsA[0],
      residentId: t.fixture.residentsA[0],
      description,
    },
    201,
  );
const setMode = (mode: string, categoryId?: number) =>
  ok(t, 'PUT', '/api/dispatch-rules', lead, {
    projectId: t.fixture.projectA,
    categoryId: categoryId ?? null,
    mode,
  }).catch(async () =>
    ok(t, 'PUT', '/api/dispatch-rules', admin, {
      projectId: t.fixture.projectA,
      categoryId: categoryId ?? null,
      mode,
    }),
  );

describe('dispatch', () => {
  it('two concurrent dispatches of one order: exactly one succeeds', async () => {
    await ok(t, 'PUT', '/api/dispatch-rules', admin, { projectId: t.fixture.projectA, mode: 'assign' });
    const ticket = await repair(water, '卫生间水龙头关不紧');
    const wo = ticket.workOrders[0]!;
    expect(wo.status).toBe('待派单');
    const [a, b] = await Promise.all([
      t.request('POST', `/api/work-orders/${wo.id}/dispatch`, {
        token: lead,
        body: { version: wo.version, technicianId: t.fixture.users.tech_a },
      }),
      t.request('POST', `/api/work-orders/${wo.id}/dispatch`, {
        token: admin,
        body: { version: wo.version, technicianId: t.fixture.users.tech_a2 },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const view = await ok<
      WorkOrderView & { handoffs: { technicianId: number | null; leftReason: string | null }[] }
    >(t, 'GET', `/api/work-orders/${wo.id}`, lead);
    expect(view.status).toBe('已派单');
    expect(view.handoffs.map((h) => h.leftReason)).toEqual(['dispatched', null]);
  });

  it('assign mode ranks candidates and refuses an off-duty or capped technician', async () => {
    const ticket = await repair(water, '洗手盆下水慢');
    const wo = ticket.workOrders[0]!;
    await ok(t, 'PUT', `/api/technicians/${t.fixture.users.tech_a}/duty`, lead, { onDuty: true, openCap: 0 });
    const { items } = await ok<{ items: { id: number; eligible: boolean; reasons: string[] }[] }>(
      t,
      'GET',
      `/api/work-orders/${wo.id}/candidates`,
      lead,
    );
    expect(items[0]).toMatchObject({ id: t.fixture.users.tech_a2, eligible: true });
    expect(items.find((c) => c.id === t.fixture.users.tech_a)).toMatchObject({
      eligible: false,
      reasons: ['at-cap'],
    });
    const refused = await t.request('POST', `/api/work-orders/${wo.id}/dispatch`, {
      token: lead,
      body: { version: wo.version, technicianId: t.fixture.users.tech_a },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: 'technician_unavailable', details: { reasons: ['at-cap'] } },
    });
    // Without a name the best eligible technician is chosen.
    const auto = await ok<WorkOrderView>(t, 'POST', `/api/work-orders/${wo.id}/dispatch`, lead, {
      version: wo.version,
    });
    expect(auto.technicianId).toBe(t.fixture.users.tech_a2);
    await ok(t, 'PUT', `/api/technicians/${t.fixture.users.tech_a}/duty`, lead, {
      onDuty: true,
      openCap: null,
    });
  });

  it('grab mode: only a technician with the skill and room under the cap takes it', async () => {
    await setMode('grab', door);
    const ticket = await repair(door, '入户门关不上');
    const wo = ticket.workOrders[0]!;
    expect(wo.status).toBe('待派单');
    const pool = await ok<{ items: { id: number }[] }>(t, 'GET', '/api/work-orders?view=pool', techA);
    expect(pool.items.map((i) => i.id)).toContain(wo.id);
    const wrongSkill = await t.request('POST', `/api/work-orders/${wo.id}/grab`, {
      token: techA,
      body: { version: wo.version },
    });
    expect(wrongSkill.json()).toMatchObject({
      error: { code: 'technician_unavailable', details: { reasons: ['missing-skill'] } },
    });
    const grabbed = await ok<WorkOrderView>(t, 'POST', `/api/work-orders/${wo.id}/grab`, techA2, {
      version: wo.version,
    });
    expect(grabbed).toMatchObject({ status: '已接单', technicianId: t.fixture.users.tech_a2 });
    // Someone else's job is invisible to a technician; tickets are for desk staff.
    expect((await t.request('GET', `/api/work-orders/${wo.id}`, { token: techA })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/tickets', { token: techA })).statusCode).toBe(403);
  });

  it('round-robin rotates among on-duty technicians; nobody eligible leaves it waiting', async () => {
    await setMode('round-robin');
    // Rotation is by "least recently assigned": let time pass between intakes as it does on a real desk.
    t.clock.advanceMinutes(1);
    const first = (await repair(water, '阳台水管滴水')).workOrders[0]!.technicianId;
    t.clock.advanceMinutes(1);
    const second = (await repair(water, '厨房水槽堵')).workOrders[0]!.technicianId;
    expect(new Set([first, second])).toEqual(new Set([t.fixture.users.tech_a, t.fixture.users.tech_a2]));
    await onDuty(t, techA, t.fixture.users.tech_a, false);
    await onDuty(t, techA2, t.fixture.users.tech_a2, false);
    const waiting = (await repair(water, '热水器接口漏水')).workOrders[0]!;
    expect(waiting).toMatchObject({ status: '待派单', technicianId: null });
    const none = await t.request('POST', `/api/work-orders/${waiting.id}/dispatch`, {
      token: lead,
      body: { version: waiting.version },
    });
    expect(none.json()).toMatchObject({ error: { code: 'no_technician_available' } });
    // Coming on duty offers the waiting order at once.
    await onDuty(t, techA, t.fixture.users.tech_a);
    const after = await ok<WorkOrderView>(t, 'GET', `/api/work-orders/${waiting.id}`, lead);
    expect(after).toMatchObject({ status: '已派单', technicianId: t.fixture.users.tech_a });
  });

  it('invalid transitions answer 409 with the allowed actions; stale versions 409 too', async () => {
    const mine = await ok<{ items: WorkOrderView[] }>(
      t,
      'GET',
      '/api/work-orders?view=mine&status=已派单',
      techA,
    );
    const wo = mine.items[0]!;
    const early = await t.request('POST', `/api/work-orders/${wo.id}/arrive`, {
      token: techA,
      body: { version: wo.version },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      error: { code: 'invalid_transition', details: { allowed: ['accept', 'return', 'transfer', 'cancel'] } },
    });
    const stale = await t.request('POST', `/api/work-orders/${wo.id}/accept`, {
      token: techA,
      body: { version: wo.version + 5 },
    });
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
  });

  it('a returned order goes back to the pool, the 班长 hears of it, and someone else gets it', async () => {
    await onDuty(t, techA2, t.fixture.users.tech_a2);
    await setMode('least-load');
    const ticket = await repair(water, '楼上渗水到卫生间');
    let wo = ticket.workOrders[0]!;
    const holder = wo.technicianId!;
    const token = holder === t.fixture.users.tech_a ? techA : techA2;
    wo = await ok<WorkOrderView>(t, 'POST', `/api/work-orders/${wo.id}/accept`, token, {
      version: wo.version,
    });
    await ok(t, 'POST', `/api/work-orders/${wo.id}/return`, token, {
      version: wo.version,
      reason: '需要专业防水',
    });
    const after = await ok<WorkOrderView>(t, 'GET', `/api/work-orders/${wo.id}`, lead);
    expect(after.status).toBe('已派单');
    expect(after.technicianId).not.toBe(holder);
    const notes = await ok<{ items: { kind: string; title: string }[] }>(
      t,
      'GET',
      '/api/notifications',
      lead,
    );
    expect(notes.items.some((n) => n.kind === 'dispatch.escalated' && n.title.startsWith('退单'))).toBe(true);
  });
});
