import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { parseMail } from '../mail/parse-mail';
import { receiveMail } from '../mail/receive-mail';

let t: TestServer;
let admin: string;
const staff: Record<string, string> = {};
const offers: { type: string; entityId?: number; userId?: number }[] = [];
let socket: WebSocket;

beforeAll(async () => {
  t = await createTestServer({ listen: true });
  admin = await t.login('admin');
  for (const [name, ext] of [
    ['agent_a', '8001'],
    ['lead_a', '8002'],
  ] as const) {
    const res = await t.request('PUT', `/api/telephony/extensions/${t.fixture.users[name]}`, {
      token: admin,
      body: { extension: ext },
    });
    expect(res.statusCode, res.body).toBe(200);
    staff[name] = await t.login(name);
  }
  const queue = await t.request('POST', '/api/queues', {
    token: admin,
    body: { projectId: t.fixture.projectA, name: '人工' },
  });
  expect(queue.statusCode, queue.body).toBe(201);
  const box = await t.request('PUT', '/api/mail/config', {
    token: admin,
    body: { projectId: t.fixture.projectA, address: 'kefu@a.guanjia.local' },
  });
  expect(box.statusCode, box.body).toBe(200);
  // agent_a's console, listening on /api/live.
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  socket = new WebSocket(`ws://127.0.0.1:${address.port}/api/live?token=${staff.agent_a}`);
  await new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; entityId?: number };
      if (m.type === 'hello') resolve();
      else if (m.type === 'ticket.offered') offers.push(m);
    });
    socket.on('error', reject);
  });
});
afterAll(async () => {
  socket?.close();
  await t?.close();
});

const presence = async (who: string, body: Record<string, unknown>) => {
  const res = await t.request('PUT', '/api/agents/me/presence', { token: staff[who], body });
  expect(res.statusCode, res.body).toBe(200);
};
let n = 0;
/** A resident's e-mail taken in, then the jobs it started (the routing) run. */
async function mailArrives(subject: string) {
  n += 1;
  const raw = `From: r${n}@example.com\r\nTo: kefu@a.guanjia.local\r\nSubject: ${subject}\r\nMessage-ID: <web-${n}@example.com>\r\n\r\n${subject}`;
  const { ticketId } = await receiveMail(t.services, await parseMail(Buffer.from(raw)), [
    'kefu@a.guanjia.local',
  ]);
  await t.services.queue.drain();
  return ticketId;
}
const ticketOf = async (id: number) =>
  (await t.request('GET', `/api/tickets/${id}`, { token: admin })).json() as {
    ownerId: number | null;
    status: string;
    version: number;
  };
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('routing of web and e-mail items', () => {
  it('offers a waiting e-mail ticket to a ready agent, who hears it live; busy or absent agents get none', async () => {
    await presence('agent_a', { state: '在线' });
    await presence('lead_a', { state: '小休', reason: '午餐' });
    const first = await mailArrives('楼道灯不亮');
    expect((await ticketOf(first)).ownerId).toBe(t.fixture.users.agent_a);
    await until(() => offers.some((o) => o.entityId === first));
    expect(offers).toContainEqual(expect.objectContaining({ type: 'ticket.offered', entityId: first }));

    // agent_a still holds an offer not yet accepted, lead_a is on a break: the next one waits.
    const second = await mailArrives('垃圾桶满了');
    expect((await ticketOf(second)).ownerId).toBeNull();

    // lead_a comes back: the minute's routing run hands the waiting item over.
    await presence('lead_a', { state: '在线' });
    await t.services.queue.enqueue('routing.webItems', {});
    await t.services.queue.drain();
    expect((await ticketOf(second)).ownerId).toBe(t.fixture.users.lead_a);
    expect(offers.some((o) => o.entityId === second)).toBe(false);

    // Once agent_a accepts the first, agent_a is free for the next item.
    const accepted = await t.request('POST', `/api/tickets/${first}/accept`, {
      token: staff.agent_a,
      body: { version: (await ticketOf(first)).version },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const third = await mailArrives('电梯按钮失灵');
    expect((await ticketOf(third)).ownerId).toBe(t.fixture.users.agent_a);
    const events = await t.request('GET', `/api/tickets/${third}/events`, { token: admin });
    expect((events.json() as { items: { action: string }[] }).items.map((e) => e.action)).toContain(
      'ticket.routed',
    );
  });
});
