import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from './testing/helpers';

let t: TestServer;
let agent: string;
let tech: string;
let leak: number;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  agent = await t.login('agent_a');
  tech = await t.login('tech_a');
  await onDuty(t, tech, t.fixture.users.tech_a);
  leak = await leafCategory(t, agent, '户内/水/漏水');
});
afterAll(async () => t?.close());

const urgentRepair = () => ({
  projectId: t.fixture.projectA,
  type: '报修',
  priority: '急',
  channel: 'phone',
  unitId: t.fixture.unitsA[0],
  residentId: t.fixture.residentsA[0],
  categoryId: leak,
  description: '厨房水管漏水，水流到楼下',
});

describe('urgent repair: intake → dispatch → arrive → complete → dissatisfied callback', () => {
  let ticket: TicketView;

  it('logs the repair with a human number and dispatches it to the on-duty plumber', async () => {
    const res = await t.request('POST', '/api/tickets', {
      token: agent,
      body: urgentRepair(),
      headers: { 'idempotency-key': 'call-1' },
    });
    expect(res.statusCode, res.body).toBe(201);
    ticket = res.json() as TicketView;
    expect(ticket.number).toBe('BX-A-20261123-0001');
    expect(ticket.status).toBe('处理中');
    const [wo] = ticket.workOrders;
    expect(wo).toMatchObject({ status: '已派单', technicianId: t.fixture.users.tech_a });
    expect(clock(wo!, 'arrive')).toMatchObject({ state: 'running', deadline: minutesAfter(MONDAY_10, 15) });
    expect(clock(wo!, 'resolve').deadline).toBe(minutesAfter(MONDAY_10, 360));
    expect(wo!.sla.arriveDueAt).toBe(minutesAfter(MONDAY_10, 15));
  });

  it('answers a retried request with the same ticket (Idempotency-Key)', async () => {
    const again = await t.request('POST', '/api/tickets', {
      token: agent,
      body: urgentRepair(),
      headers: { 'idempotency-key': 'call-1' },
    });
    expect(again.statusCode).toBe(200);
    expect((again.json() as TicketView).id).toBe(ticket.id);
    const list = await ok<{ items: { id: number }[] }>(
      t,
      'GET',
      `/api/tickets?q=${encodeURIComponent('厨房水管')}`,
      agent,
    );
    expect(list.items.map((i) => i.id)).toEqual([ticket.id]);
  });

  it('the technician accepts and arrives within 15 minutes: the arrive clock is met', async () => {
    const mine = await ok<{ items: WorkOrderView[] }>(t, 'GET', '/api/work-orders?view=mine', tech);
    const wo = mine.items.find((w) => w.ticketId === ticket.id)!;
    const accepted = await ok<WorkOrderView>(t, 'POST', `/api/work-orders/${wo.id}/accept`, tech, {
      version: wo.version,
    });
    t.clock.advanceMinutes(12);
    const arrived = await ok<WorkOrderView>(t, 'POST', `/api/work-orders/${wo.id}/arrive`, tech, {
      version: accepted.version,
    });
    expect(arrived.status).toBe('已到场');
    expect(clock(arrived, 'arrive')).toMatchObject({ state: 'met', elapsedBusinessMinutes: 12 });
    const done = await ok<WorkOrderView>(t, 'POST', `/api/work-orders/${wo.id}/complete`, tech, {
      version: arrived.version,
      materials: [{ item: 'PPR 水管 20mm', qty: 2, unit: '米', unitPrice: 8.5 }],
      photosAfter: ['https://files.example/after-1.jpg'],
      signature: 'data:image/png;base64,iVBORw0KGgo=',
      result: '更换破裂水管',
    });
    expect(done.status).toBe('已完成');
  });

  it('completion moves the ticket to 待回访 with a callback due within 48 h (Q37)', async () => {
    ticket = await ok<TicketView>(t, 'GET', `/api/tickets/${ticket.id}`, agent);
    expect(ticket.status).toBe('待回访');
    expect(ticket.callback).toMatchObject({ status: '待回访', dueAt: minutesAfter(MONDAY_10, 12 + 48 * 60) });
    expect(ticket.allowedActions).toEqual(['callback', 'reopen']);
    const queue = await ok<{ items: { ticketId: number }[] }>(t, 'GET', '/api/callbacks', agent);
    expect(queue.items.map((c) => c.ticketId)).toContain(ticket.id);
  });

  it('an unreached resident is retried; a dissatisfied one reopens the ticket and raises a complaint', async () => {
    t.clock.advanceMinutes(60);
    ticket = await ok<TicketView>(t, 'POST', `/api/tickets/${ticket.id}/callback`, agent, {
      version: ticket.version,
      reached: false,
    });
    expect(ticket).toMatchObject({ status: '待回访', callback: { attempts: 1 } });
    ticket = await ok<TicketView>(t, 'POST', `/api/tickets/${ticket.id}/callback`, agent, {
      version: ticket.version,
      reached: true,
      satisfied: false,
      scores: { overall: 2, speed: 4, attitude: 3 },
      comment: '修完还在滴水',
    });
    expect(ticket.status).toBe('处理中');
    expect(ticket.reopenCount).toBe(1);
    const complaintId = ticket.callbacks[0]!.complaintTicketId!;
    const complaint = await ok<TicketView & { type: string }>(t, 'GET', `/api/tickets/${complaintId}`, agent);
    expect(complaint).toMatchObject({ type: '投诉', status: '处理中', sourceTicketId: ticket.id });
    expect(complaint.number).toMatch(/^TS-A-20261123-\d{4}$/);
    // Q50: a reply within 4 working days.
    expect(clock(complaint, 'reply').state).toBe('running');
    // The repair goes back on the board as a rework order.
    expect(ticket.workOrders).toHaveLength(2);
    expect(ticket.workOrders[1]!.status).not.toBe('已完成');
  });

  it('the timeline lists every step and names the people in it', async () => {
    const { items, people } = await ok<{
      items: { action: string; actorId: number | null }[];
      people: Record<string, string>;
    }>(t, 'GET', `/api/tickets/${ticket.id}/events`, agent);
    expect(items.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'ticket.created',
        'workorder.created',
        'workorder.dispatched',
        'workorder.accept',
        'workorder.arrive',
        'workorder.complete',
        'ticket.resolved',
        'callback.unreached',
        'callback.recorded',
        'ticket.reopened',
      ]),
    );
    // An agent has no staff.read, yet sees who acted: the technician by name, not by number.
    const technician = items.find((e) => e.action === 'workorder.arrive')?.actorId;
    expect(technician).toBe(t.fixture.users.tech_a);
    expect(people[String(technician)]).toMatch(/\S/);
    for (const e of items) if (e.actorId !== null) expect(people[String(e.actorId)]).toBeTruthy();
  });
});
