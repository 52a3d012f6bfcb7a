import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../testing/test-database';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok, onDuty, type TicketView } from './testing/helpers';

// The intake writes the ticket, its work order, their dispatch, clocks, events and timer in one
// transaction (create-ticket.ts): its answer must be exactly what a GET shows, and every row a dispatch
// of a stored order writes must be there.
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
    const repair = (technicianId: number) =>
      post({ ...base(), type: '报修', categoryId: leak, workOrder: { technicianId } });
    // Not a technician of this project: a bad reference.
    expect((await repair(t.fixture.users.tech_b)).statusCode).toBe(400);
    // Off duty: 409 with the reasons, so the agent picks someone else.
    const off = await repair(t.fixture.users.tech_a2);
    expect(off.statusCode).toBe(409);
    expect(off.json()).toMatchObject({ error: { code: 'technician_unavailable' } });
    expect((await ok<{ total: number }>(t, 'GET', '/api/tickets', agent)).total).toBe(before.total);
  });

  it('leaves an order the agent wants a dispatcher to look at in the pool, sweep or not', async () => {
    await onDuty(t, await t.login('tech_a'), t.fixture.users.tech_a);
    const view = await created({
      ...base(),
      type: '报修',
      categoryId: leak,
      workOrder: { autoDispatch: false },
    });
    expect(view.workOrders[0]).toMatchObject({ status: '待派单', dispatchMode: 'assign' });
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 60_000));
    await t.services.queue.drain();
    const later = await ok<TicketView>(t, 'GET', `/api/tickets/${view.id}`, agent);
    expect(later.workOrders[0]?.status).toBe('待派单');
  });

  it('links the call and the outage, and closes an answered question, in the same request', async () => {
    const view = await created({
      ...base(),
      type: '咨询',
      description: '物业费可以用微信交吗',
      answer: '可以，在公众号“缴费”菜单里交',
    });
    expect(view).toMatchObject({ status: '已关闭', answer: '可以，在公众号“缴费”菜单里交' });
    // A call of another project is refused and nothing is written.
    const before = await ok<{ total: number }>(t, 'GET', '/api/tickets', agent);
    const res = await post({ ...base(), type: '咨询', description: '问停车', callId: 999_999 });
    expect(res.statusCode).toBe(404);
    expect((await ok<{ total: number }>(t, 'GET', '/api/tickets', agent)).total).toBe(before.total);
    // Only 咨询/表扬/建议 are answered at intake.
    expect((await post({ ...base(), type: '报修', answer: '好的' })).statusCode).toBe(400);
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
    'waits for a technician row another transaction holds, then dispatches (one locking protocol)',
    async () => {
      await onDuty(t, await t.login('tech_a'), t.fixture.users.tech_a);
      // The earlier repairs filled his default cap: room for one more, so the intake wants his row.
      await t.services.database.query('update technician_status set open_cap = 100 where user_id = $1', [
        t.fixture.users.tech_a,
      ]);
      const holder = new pg.Client({ connectionString: t.services.config.databaseUrl });
      await holder.connect();
      await holder.query('begin');
      await holder.query('select user_id from technician_status where on_duty for update');
      const intake = created({ ...base(), type: '报修', priority: '急', categoryId: leak });
      let answered = false;
      void intake.then(() => {
        answered = true;
      });
      // The intake waits on the row lock (seen in pg_stat_activity), without answering.
      for (let i = 0; i < 500; i += 1) {
        const { rows } = await holder.query(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(answered).toBe(false);
      await holder.query('commit');
      await holder.end();
      const view = await intake;
      expect(view.workOrders[0]?.status).toBe('已派单');
    },
  );

  it('numbers concurrent intakes of a project without gaps or repeats, and one key makes one ticket', async () => {
    const views = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post({ ...base(), type: '建议', description: `建议 ${i}` })),
    );
    const numbers = views.map((r) => (r.json() as TicketView).number).sort();
    // JY-A-20261123-0001: the estate's code is in every number.
    for (const n of numbers) expect(n).toMatch(/^JY-A-\d{8}-\d{4}$/);
    const seq = numbers.map((n) => Number(n.split('-')[3]));
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
