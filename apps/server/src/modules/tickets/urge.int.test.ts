import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok, onDuty, type TicketView } from './testing/helpers';

type Urged = TicketView & { urgeCount: number; lastUrgedAt: string | null };
interface Notice {
  kind: string;
  title: string;
  ticketId: number | null;
}

let t: TestServer;
let admin: string;
let agent: string;
let tech: string;
let ticket: TicketView;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  tech = await t.login('tech_a');
  await onDuty(t, tech, t.fixture.users.tech_a);
  const leak = await leafCategory(t, agent, '户内/水/漏水');
  ticket = await ok<TicketView>(
    t,
    'POST',
    '/api/tickets',
    agent,
    {
      projectId: t.fixture.projectA,
      type: '报修',
      priority: '急',
      channel: 'phone',
      unitId: t.fixture.unitsA[0],
      residentId: t.fixture.residentsA[0],
      categoryId: leak,
      description: '厨房水管漏水',
    },
    201,
  );
});
afterAll(async () => t?.close());

describe('POST /api/tickets/:id/urge (催单)', () => {
  it('counts the chase, logs it and tells the technician holding the job', async () => {
    expect(ticket.workOrders[0]?.technicianId).toBe(t.fixture.users.tech_a);
    t.clock.advanceMinutes(20);
    const once = await ok<Urged>(t, 'POST', `/api/tickets/${ticket.id}/urge`, agent, { note: '师傅还没到' });
    expect(once).toMatchObject({
      urgeCount: 1,
      lastUrgedAt: new Date(MONDAY_10.getTime() + 20 * 60_000).toISOString(),
    });
    const twice = await ok<Urged>(t, 'POST', `/api/tickets/${ticket.id}/urge`, agent, {});
    expect(twice.urgeCount).toBe(2);

    const timeline = await ok<{
      items: { action: string; after: { urgeCount: number; note: string | null } }[];
    }>(t, 'GET', `/api/tickets/${ticket.id}/events`, agent);
    const urged = timeline.items.filter((e) => e.action === 'ticket.urged');
    expect(urged.map((e) => e.after.urgeCount).sort()).toEqual([1, 2]);
    expect(urged.some((e) => e.after.note === '师傅还没到')).toBe(true);

    const inbox = await ok<{ items: Notice[] }>(t, 'GET', '/api/notifications', tech);
    const mine = inbox.items.filter((n) => n.kind === 'ticket.urged' && n.ticketId === ticket.id);
    expect(mine).toHaveLength(2);
    expect(mine.map((n) => n.title).join()).toContain('第 2 次');
    // The agent who pressed 催单 (the ticket's owner) is not notified of their own chase.
    const own = await ok<{ items: Notice[] }>(t, 'GET', '/api/notifications', agent);
    expect(own.items.filter((n) => n.kind === 'ticket.urged')).toHaveLength(0);
  });

  it('refuses a closed or cancelled ticket with the error envelope', async () => {
    const current = await ok<TicketView>(t, 'GET', `/api/tickets/${ticket.id}`, admin);
    await ok(t, 'POST', `/api/tickets/${ticket.id}/cancel`, admin, {
      version: current.version,
      reason: '重复',
    });
    const res = await t.request('POST', `/api/tickets/${ticket.id}/urge`, { token: agent, body: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'ticket_not_open', details: { status: '已取消' } } });
  });

  it('validates the body and hides other projects', async () => {
    const long = await t.request('POST', `/api/tickets/${ticket.id}/urge`, {
      token: agent,
      body: { note: 'x'.repeat(501) },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toHaveProperty('error.code');
    const techDenied = await t.request('POST', `/api/tickets/${ticket.id}/urge`, { token: tech, body: {} });
    expect(techDenied.statusCode).toBe(403);
  });
});

describe('POST /api/tickets/:id/dial (回访 dial button)', () => {
  let pbx: Server;
  let received: { to: string }[] = [];

  beforeAll(async () => {
    pbx = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push(JSON.parse(body) as { to: string });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => pbx.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => pbx.close(() => resolve())));

  it('without click-to-call: hands the number for a tel: link and logs the reveal', async () => {
    const dial = await ok<{ mode: string; number: string; callId: number | null }>(
      t,
      'POST',
      `/api/tickets/${ticket.id}/dial`,
      agent,
    );
    expect(dial).toEqual({ mode: 'tel', callId: null, number: '13812345678' });
    const events = await ok<{ items: { action: string }[] }>(
      t,
      'GET',
      `/api/events?entityType=ticket&entityId=${ticket.id}`,
      admin,
    );
    expect(events.items.some((e) => e.action === 'ticket.contact_dialed')).toBe(true);
  });

  it('with click-to-call: the PBX dials, the agent sees the number masked', async () => {
    const port = (pbx.address() as { port: number }).port;
    const config = (
      await t.request('GET', `/api/telephony/config?projectId=${t.fixture.projectA}`, { token: admin })
    ).json() as { version: number | null };
    const saved = await t.request('PUT', '/api/telephony/config', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        dialUrl: `http://127.0.0.1:${port}/dial`,
        ...(config.version ? { version: config.version } : {}),
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await ok(t, 'PUT', `/api/telephony/extensions/${t.fixture.users.agent_a}`, admin, { extension: '8001' });
    received = [];
    const dial = await ok<{ mode: string; number: string; callId: number | null }>(
      t,
      'POST',
      `/api/tickets/${ticket.id}/dial`,
      agent,
    );
    expect(dial).toMatchObject({ mode: 'pbx', number: '138****5678' });
    expect(dial.callId).toBeGreaterThan(0);
    expect(received).toEqual([expect.objectContaining({ to: '13812345678', from: '8001' })]);
    const call = await ok<{ tickets: { id: number }[] }>(t, 'GET', `/api/calls/${dial.callId}`, agent);
    expect(call.tickets.map((x) => x.id)).toEqual([ticket.id]);
  });
});
