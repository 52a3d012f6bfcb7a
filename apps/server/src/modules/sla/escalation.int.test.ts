import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusMessage } from '../../platform/bus/bus';
import { createTestServer, type TestServer } from '../../testing/test-server';
import {
  clock,
  leafCategory,
  MONDAY_10,
  minutesAfter,
  ok,
  onDuty,
  type TicketView,
  type WorkOrderView,
} from '../tickets/testing/helpers';

let t: TestServer;
let agent: string;
const live: BusMessage[] = [];

interface Notice {
  kind: string;
  level: number;
  ticketId: number;
  title: string;
}
const notices = async (username: string) =>
  (await ok<{ items: Notice[] }>(t, 'GET', '/api/notifications?pageSize=100', await t.login(username))).items;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  agent = await t.login('agent_a');
  t.services.bus.subscribe((m) => live.push(m));
});
afterAll(async () => t?.close());

async function advanceTo(minutes: number) {
  t.clock.set(new Date(MONDAY_10.getTime() + minutes * 60_000));
  await t.services.queue.drain();
}

describe('SLA timers and the escalation chain', () => {
  let ticket: TicketView;

  it('nobody on duty: the urgent job waits in 待派单 and the 班长 is alerted after the dispatch target', async () => {
    ticket = await ok<TicketView>(
      t,
      'POST',
      '/api/tickets',
      agent,
      {
        projectId: t.fixture.projectA,
        type: '报修',
        priority: '急',
        unitId: t.fixture.unitsA[1],
        categoryId: await leafCategory(t, agent, '公共区域/电梯/电梯困人'),
        description: '2号楼电梯困人',
        contactPhone: '13912340001',
      },
      201,
    );
    expect(ticket.workOrders[0]!.status).toBe('待派单');
    await advanceTo(6);
    expect((await notices('lead_a')).map((n) => n.kind)).toContain('dispatch.escalated');
    expect(await notices('supervisor_a')).toEqual([]);
  });

  it('warns the 班长 at the first warning and the 主管 at the last one (5 min before)', async () => {
    await advanceTo(10.5);
    const lead = await notices('lead_a');
    expect(lead.filter((n) => n.kind === 'sla.warning').map((n) => n.level)).toEqual([1]);
    // The missed dispatch target already turned the badge red.
    const list = await ok<{ items: { id: number }[] }>(t, 'GET', '/api/tickets?sla=breached', agent);
    expect(list.items.map((i) => i.id)).toContain(ticket.id);
    await advanceTo(11.5);
    expect((await notices('supervisor_a')).map((n) => [n.kind, n.level])).toEqual([['sla.warning', 2]]);
    // The 班长 hears both warnings of the clock, as one entry that grew more urgent, never two.
    const warned = (await notices('lead_a')).filter((n) => n.kind === 'sla.warning');
    expect(warned.map((n) => [n.level, n.title.slice(0, 6)])).toEqual([[2, '【最后预警】']]);
    const seen = (await notices('lead_a')).map((n) => `${n.kind}|${n.title}`);
    expect(new Set(seen).size).toBe(seen.length);
    expect(await notices('manager_a')).toEqual([]);
  });

  it('tells the 项目经理 when the arrive clock breaches, live and in-app, and nobody in project B', async () => {
    await advanceTo(16);
    const manager = await notices('manager_a');
    expect(manager.map((n) => [n.kind, n.level, n.ticketId])).toEqual([['sla.breached', 3, ticket.id]]);
    expect((await notices('lead_a')).some((n) => n.kind === 'sla.breached')).toBe(true);
    expect(await notices('manager_b')).toEqual([]);
    const view = await ok<TicketView>(t, 'GET', `/api/tickets/${ticket.id}`, agent);
    expect(view.sla.state).toBe('breached');
    expect(clock(view.workOrders[0]!, 'arrive').state).toBe('breached');
    const breached = await ok<{ items: { id: number }[] }>(t, 'GET', '/api/tickets?sla=breached', agent);
    expect(breached.items.map((i) => i.id)).toContain(ticket.id);
    expect(
      live.some((m) => m.type === 'notification.created' && m.userId === t.fixture.users.manager_a),
    ).toBe(true);
    expect(live.some((m) => m.type === 'ticket.sla' && m.projectId === t.fixture.projectA)).toBe(true);
    // Announced once: draining again adds nothing.
    await advanceTo(17);
    expect(await notices('manager_a')).toHaveLength(1);
  });

  it('the minute sweep repairs a lost timer', async () => {
    const other = await ok<TicketView>(
      t,
      'POST',
      '/api/tickets',
      agent,
      {
        projectId: t.fixture.projectA,
        type: '报修',
        priority: '急',
        unitId: t.fixture.unitsA[2],
        description: '楼道跳闸',
        contactPhone: '13912340001',
      },
      201,
    );
    await t.services.database.query(
      `delete from jobs where name = 'sla.timer' and state = 'pending' and payload->>'ticketId' = $1`,
      [String(other.id)],
    );
    await advanceTo(17 + 16);
    const view = await ok<TicketView>(t, 'GET', `/api/tickets/${other.id}`, agent);
    expect(view.sla.state).toBe('breached');
    expect((await notices('manager_a')).filter((n) => n.ticketId === other.id).map((n) => n.kind)).toEqual([
      'sla.breached',
    ]);
  });
});

describe('pausing (挂起) extends the fix deadline by the paused business time', () => {
  it('an ordinary repair on the project calendar: lunch break not counted, pause not counted', async () => {
    t.clock.set(MONDAY_10);
    // 门窗 needs a carpenter: tech_a2 has 水电 and 木工.
    const tech = await t.login('tech_a2');
    await onDuty(t, tech, t.fixture.users.tech_a2);
    const ticket = await ok<TicketView>(
      t,
      'POST',
      '/api/tickets',
      agent,
      {
        projectId: t.fixture.projectA,
        type: '报修',
        unitId: t.fixture.unitsA[3],
        categoryId: await leafCategory(t, agent, '户内/门窗/门锁损坏'),
        description: '入户门锁坏了',
        contactPhone: '13912340001',
      },
      201,
    );
    let wo = ticket.workOrders[0]!;
    // Fixture hours 08:30–12:00 and 13:30–18:00: 1 working day = 480 minutes → Tuesday 10:00.
    expect(wo.sla.resolveDueAt).toBe('2026-11-24T02:00:00.000Z');
    expect(wo.sla.arriveDueAt).toBe(minutesAfter(MONDAY_10, 30));
    const step = async (action: string, body: Record<string, unknown> = {}) => {
      wo = await ok<WorkOrderView>(t, 'POST', `/api/work-orders/${wo.id}/${action}`, tech, {
        version: wo.version,
        ...body,
      });
    };
    expect(wo.technicianId).toBe(t.fixture.users.tech_a2);
    await step('accept');
    // 75 % of the 30-minute arrive target has passed at 10:22:30: the badge turns amber.
    t.clock.set(new Date('2026-11-23T10:23:00+08:00'));
    await t.services.queue.drain();
    const amber = await ok<{ items: { id: number }[] }>(t, 'GET', '/api/tickets?sla=warning', agent);
    expect(amber.items.map((i) => i.id)).toContain(ticket.id);
    await step('arrive');
    expect(clock(wo, 'arrive').state).toBe('met');
    await step('start');
    t.clock.set(new Date('2026-11-23T10:30:00+08:00'));
    await step('pause', { reason: '等配件' });
    expect(clock(wo, 'resolve').state).toBe('paused');
    t.clock.set(new Date('2026-11-23T14:00:00+08:00'));
    await step('resume');
    // 10:30–12:00 and 13:30–14:00 are working time: 120 paused minutes push Tuesday 10:00 to 12:00.
    expect(clock(wo, 'resolve')).toMatchObject({ state: 'running', pausedMinutes: 120 });
    expect(wo.sla.resolveDueAt).toBe('2026-11-24T04:00:00.000Z');
    await step('complete', { result: '更换锁芯' });
    expect(clock(wo, 'resolve').state).toBe('met');
  });
});
