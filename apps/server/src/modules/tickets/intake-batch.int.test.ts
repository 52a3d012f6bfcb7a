import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok, onDuty, type TicketView } from './testing/helpers';

// Concurrent intakes share their statements and one dispatch transaction (intake-batchers.ts): the
// dispatch rules must hold across a batch exactly as they do one ticket at a time.
let t: TestServer;
let agent: string;
let leak: number;
beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  agent = await t.login('agent_a');
  leak = await leafCategory(t, agent, '户内/水/漏水');
  for (const name of ['tech_a', 'tech_a2'] as const)
    await onDuty(t, await t.login(name), t.fixture.users[name]);
});
afterAll(async () => t?.close());

const repairs = (n: number, tag: string) =>
  Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const res = await t.request('POST', '/api/tickets', {
        token: agent,
        body: {
          projectId: t.fixture.projectA,
          unitId: t.fixture.unitsA[1],
          type: '报修',
          priority: '急',
          categoryId: leak,
          contactPhone: '13812345678',
          description: `${tag} 厨房水管漏水 ${i}`,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as TicketView;
    }),
  );

const heldBy = async (views: TicketView[]) => {
  const counts = new Map<number | null, number>();
  for (const v of views) {
    const current = await ok<TicketView>(t, 'GET', `/api/tickets/${v.id}`, agent);
    // The answer of the intake is what GET shows.
    expect(current).toEqual(v);
    const technician = current.workOrders[0]?.technicianId ?? null;
    counts.set(technician, (counts.get(technician) ?? 0) + 1);
  }
  return counts;
};

describe('batched intake dispatch', () => {
  it('shares concurrent repairs out in rotation between the plumbers on duty', async () => {
    const views = await repairs(10, 'rr');
    const counts = await heldBy(views);
    expect(counts.get(t.fixture.users.tech_a)).toBe(5);
    expect(counts.get(t.fixture.users.tech_a2)).toBe(5);
    for (const v of views) expect(v.workOrders[0]?.status).toBe('已派单');
    // The plumber holding an order sees the resident's phone in full, to call before coming up.
    const mine = views.find((v) => v.workOrders[0]?.technicianId === t.fixture.users.tech_a)!;
    const tech = await t.login('tech_a');
    const view = await ok<{ ticket: { contactPhone: string } }>(
      t,
      'GET',
      `/api/work-orders/${mine.workOrders[0]!.id}`,
      tech,
    );
    expect(view.ticket.contactPhone).toMatch(/13812345678$/);
    // Another technician does not see that order at all.
    const tech2 = await t.login('tech_a2');
    const theirs = await t.request('GET', `/api/work-orders/${mine.workOrders[0]!.id}`, { token: tech2 });
    expect(theirs.statusCode).toBe(404);
  });

  it('never passes a cap: what nobody can take waits in the pool, undispatched', async () => {
    const { database } = t.services;
    // Each plumber may hold two more orders than now.
    for (const id of [t.fixture.users.tech_a, t.fixture.users.tech_a2])
      await database.query(
        `update technician_status set open_cap = (select count(*) from work_orders
            where technician_id = $1 and status not in ('已完成', '已取消')) + 2 where user_id = $1`,
        [id],
      );
    const views = await repairs(7, 'cap');
    const counts = await heldBy(views);
    expect(counts.get(t.fixture.users.tech_a)).toBe(2);
    expect(counts.get(t.fixture.users.tech_a2)).toBe(2);
    expect(counts.get(null)).toBe(3);
    const waiting = views.filter((v) => v.workOrders[0]?.technicianId === null);
    for (const v of waiting) expect(v.workOrders[0]?.status).toBe('待派单');
    const events = await database.query<{ n: string | number }>(
      `select count(*) as n from events where action = 'workorder.dispatched' and entity_id = any($1::text[])`,
      [views.map((v) => String(v.workOrders[0]?.id))],
    );
    expect(Number(events[0]?.n)).toBe(4);
  });
});
