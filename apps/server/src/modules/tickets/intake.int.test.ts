import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../testing/test-database';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok, onDuty, type TicketView } from './testing/helpers';

// The intake answers from the rows it wrote (no read-back) and writes them, already dispatched, in one
// statement of a short transaction (intake-together.ts): its answer must be exactly what a GET shows,
// and every row a dispatch of a stored order writes must be there.
let t: TestServer;
let agent: string;
let lead: string;
let leak: number;
beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  agent = await t.login('agent_a');
  lead = await t.login('lead_a');
  leak = await leafCategory(t, agent, '户内/水/漏水');
});
afterAll(async () => t?.close());

const base = () => ({
  projectId: t.fixture.projectA,
  unitId: t.fixture.unitsA[1],
  residentId: t.fixture.residentsA[0],
  description: '厨房水管漏水',
});
const post = (body: Record<string, unknown>, key?: string) =>
  t.request('POST', '/api/tickets', {
    token: agent,
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
async function created(body: Record<string, unknown>): Promise<TicketView> {
  const res = await post(body);
  expect(res.statusCode, res.body).toBe(201);
  const view = res.json() as TicketView;
  expect(await ok(t, 'GET', `/api/tickets/${view.id}`, agent)).toEqual(view);
  return view;
}

describe('intake', () => {
  it('answers a waiting repair exactly as GET shows it', async () => {
    const view = await created({ ...base(), type: '报修', categoryId: leak });
    expect(view.workOrders[0]).toMatchObject({ status: '待派单', technicianId: null });
  });

  it('answers an automatically dispatched repair exactly as GET shows it', async () => {
    await onDuty(t, await t.login('tech_a'), t.fixture.users.tech_a);
    const view = await created({ ...base(), type: '报修', priority: '急', categoryId: leak });
    expect(view.workOrders[0]).toMatchObject({ status: '已派单', technicianId: t.fixture.users.tech_a });
  });

  it('answers a named-technician repair, a complaint, an appointment and a portal request as GET does', async () => {
    const named = await created({
      ...base(),
      type: '报修',
      categoryId: leak,
      workOrder: { technicianId: t.fixture.users.tech_a },
    });
    expect(named.workOrders[0]).toMatchObject({ status: '已派单', technicianId: t.fixture.users.tech_a });
    await created({ ...base(), type: '投诉', description: '楼上装修噪音' });
    await created({
      ...base(),
      type: '报修',
      priority: '预约',
      appointmentAt: '2026-11-24T15:00:00+08:00',
      categoryId: leak,
    });
    const portal = await created({ ...base(), type: '咨询', channel: 'portal', residentId: undefined });
    expect(portal.status).toBe('待受理');
  });

  it('refuses a named technician who cannot take the order, writing nothing', async () => {
    const before = await ok<{ total: number }>(t, 'GET', '/api/tickets', agent);
    const res = await post({
      ...base(),
      type: '报修',
      categoryId: leak,
      workOrder: { technicianId: t.fixture.users.tech_b },
    });
    expect(res.statusCode).toBe(400);
    expect((await ok<{ total: number }>(t, 'GET', '/api/tickets', agent)).total).toBe(before.total);
  });

  it('writes the timeline, the pool and technician hand-offs, the notification and the timer', async () => {
    const view = await created({ ...base(), type: '报修', priority: '急', categoryId: leak });
    const wo = view.workOrders[0]!;
    const { items } = await ok<{ items: { action: string; entityType: string }[] }>(
      t,
      'GET',
      `/api/tickets/${view.id}/events`,
      agent,
    );
    expect(items.map((e) => e.action)).toEqual([
      'ticket.created',
      'workorder.created',
      'workorder.dispatched',
    ]);
    const detail = await ok<{ handoffs: { technicianId: number | null; leftReason: string | null }[] }>(
      t,
      'GET',
      `/api/work-orders/${wo.id}`,
      lead,
    );
    expect(detail.handoffs.map((h) => [h.technicianId, h.leftReason])).toEqual([
      [null, 'dispatched'],
      [t.fixture.users.tech_a, null],
    ]);
    const q = (sql: string, params: unknown[]) =>
      t.services.database.query<{ n: string | number }>(sql, params);
    const [notices] = await q(
      "select count(*) as n from notifications where work_order_id = $1 and kind = 'workorder.assigned'",
      [wo.id],
    );
    expect(Number(notices?.n)).toBe(1);
    const [timers] = await q(
      "select count(*) as n from jobs where name = 'sla.timer' and state = 'pending' and payload->>'ticketId' = $1",
      [String(view.id)],
    );
    // One timer: the one armed after the dispatch (the ticket is written once, already dispatched).
    expect(Number(timers?.n)).toBe(1);
    // The round-robin stamp moved to this intake.
    const [stamp] = await t.services.database.query<{ at: Date }>(
      'select last_assigned_at as at from technician_status where user_id = $1',
      [t.fixture.users.tech_a],
    );
    expect(new Date(stamp!.at).toISOString()).toBe(wo.dispatchedAt);
  });

  // Only PostgreSQL has a second connection to hold the lock; the embedded engine runs one at a time.
  it.skipIf(testDbKind() !== 'postgres')(
    'writes the ticket undispatched rather than wait on a technician row another transaction holds',
    async () => {
      await onDuty(t, await t.login('tech_a'), t.fixture.users.tech_a);
      let locked!: () => void;
      let release!: () => void;
      const isLocked = new Promise<void>((r) => {
        locked = r;
      });
      const held = new Promise<void>((r) => {
        release = r;
      });
      const holder = t.services.database.rawTransaction(
        'select user_id from technician_status where on_duty for update',
        async () => {
          locked();
          await held;
        },
      );
      await isLocked;
      const started = performance.now();
      try {
        const view = await created({ ...base(), type: '报修', priority: '急', categoryId: leak });
        expect(view.workOrders[0]?.status).toBe('待派单');
        expect(view.workOrders[0]?.technicianId).toBeNull();
        expect(performance.now() - started).toBeLessThan(10_000);
      } finally {
        release();
        await holder;
      }
    },
  );

  it('numbers concurrent intakes of a project without gaps or repeats, and one key makes one ticket', async () => {
    const views = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post({ ...base(), type: '建议', description: `建议 ${i}` })),
    );
    const numbers = views.map((r) => (r.json() as TicketView).number).sort();
    const seq = numbers.map((n) => Number(n.split('-')[2]));
    expect(new Set(numbers).size).toBe(8);
    expect(seq[7]! - seq[0]!).toBe(7);
    const same = await Promise.all(
      Array.from({ length: 4 }, () =>
        post({ ...base(), type: '求助', description: '门禁卡失效' }, 'same-key'),
      ),
    );
    const ids = new Set(same.map((r) => (r.json() as TicketView).id));
    expect(ids.size).toBe(1);
    expect(same.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 201]);
  });
});
