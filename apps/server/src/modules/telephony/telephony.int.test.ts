import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
let agent: string;
let token: string;
let liveUrl: string;
beforeAll(async () => {
  t = await createTestServer({ listen: true });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  liveUrl = `ws://127.0.0.1:${address.port}/api/live`;
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  const rotated = await t.request('POST', '/api/telephony/config/token', {
    token: admin,
    body: { projectId: t.fixture.projectA },
  });
  expect(rotated.statusCode, rotated.body).toBe(200);
  token = (rotated.json() as { token: string }).token;
  const ext = await t.request('PUT', `/api/telephony/extensions/${t.fixture.users.agent_a}`, {
    token: admin,
    body: { extension: '8001' },
  });
  expect(ext.statusCode, ext.body).toBe(200);
});
afterAll(async () => t?.close());

interface CallView {
  id: number;
  state: string;
  waitSeconds: number | null;
  talkSeconds: number | null;
  callbackState: string | null;
  agentId: number | null;
  from: string;
  tickets: { id: number }[];
}

const pbx = (body: Record<string, unknown>, headers: Record<string, string> = { 'x-guanjia-token': token }) =>
  t.request('POST', '/api/telephony/events', { headers, body });
const call = async (id: number, as = admin) =>
  (await t.request('GET', `/api/calls/${id}`, { token: as })).json() as CallView;
const inbound = (callId: string, from = '13812345678') => ({
  callId,
  direction: 'in',
  from,
  to: '4008001234',
});

describe('telephony webhook', () => {
  it('authenticates with the project token (header or query), never a session', async () => {
    const body = { event: 'newCall', ...inbound('auth-1') };
    expect((await pbx(body, {})).statusCode).toBe(401);
    expect((await pbx(body, { 'x-guanjia-token': 'wrong' })).statusCode).toBe(401);
    expect((await pbx(body, { authorization: `Bearer ${admin}` })).statusCode).toBe(401);
    const viaQuery = await t.request('POST', `/api/telephony/events?token=${token}`, { body });
    expect(viaQuery.statusCode, viaQuery.body).toBe(200);
    const script = await pbx({ event: 'hangup', ...inbound('auth-1'), recordingUrl: 'javascript:alert(1)' });
    expect(script.statusCode).toBe(400);
    const bad = await pbx({ event: 'ring', callId: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('logs a call through newCall → answer → hangup, once per event, and pops it on the agent’s socket', async () => {
    const ws = new WebSocket(`${liveUrl}?token=${agent}`);
    const popped: { type: string; entityId?: number; data?: { event: string } }[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (raw) => {
        const m = JSON.parse(String(raw)) as { type: string };
        if (m.type === 'hello') resolve();
        else popped.push(m);
      });
      ws.on('error', reject);
    });
    const first = await pbx({ event: 'newCall', ...inbound('seq-1'), agent: '8001', queue: '报修' });
    expect(first.json()).toMatchObject({ action: 'ok', duplicate: false });
    const id = (first.json() as { callId: number }).callId;
    t.clock.advanceMinutes(0.2);
    expect((await pbx({ event: 'answer', ...inbound('seq-1'), agent: '8001' })).statusCode).toBe(200);
    const dup = await pbx({ event: 'answer', ...inbound('seq-1'), agent: '8001' });
    expect(dup.json()).toMatchObject({ action: 'ok', duplicate: true, callId: id });
    t.clock.advanceMinutes(1.5);
    await pbx({
      event: 'hangup',
      ...inbound('seq-1'),
      recordingUrl: 'https://pbx.example.com/rec/seq-1.wav',
      cause: 'normalClearing',
    });
    const view = await call(id);
    expect(view).toMatchObject({
      state: 'ended',
      waitSeconds: 12,
      talkSeconds: 90,
      callbackState: null,
      agentId: t.fixture.users.agent_a,
      from: '13812345678',
    });
    for (let i = 0; i < 50 && popped.filter((m) => m.type === 'call').length < 2; i++)
      await new Promise((r) => setTimeout(r, 20));
    const pops = popped.filter((m) => m.type === 'call');
    expect(pops.map((m) => [m.entityId, m.data?.event])).toEqual([
      [id, 'newCall'],
      [id, 'answer'],
    ]);
    ws.close();
    // What the console's pop-up reads for that call: the call and its caller's 360.
    const pop = (await t.request('GET', `/api/calls/${id}/caller`, { token: agent })).json() as {
      call: { id: number };
      caller: { known: boolean; residents: { name: string }[] };
    };
    expect(pop.call.id).toBe(id);
    expect(pop.caller).toMatchObject({ known: true, residents: [{ name: '张伟' }] });
    const events = (
      await t.request('GET', `/api/events?entityType=call&entityId=${id}&pageSize=50`, { token: admin })
    ).json() as { items: { action: string }[] };
    expect(events.items.map((e) => e.action).sort()).toEqual(['call.answer', 'call.hangup', 'call.newCall']);
  });

  it('takes a hangup that overtakes its answer', async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 1, 0, s)).toISOString();
    const r = await pbx({ event: 'newCall', ...inbound('ooo-1'), at: at(0) });
    const id = (r.json() as { callId: number }).callId;
    await pbx({ event: 'hangup', ...inbound('ooo-1'), at: at(70) });
    expect(await call(id)).toMatchObject({ state: 'ended', callbackState: 'pending' });
    await pbx({ event: 'answer', ...inbound('ooo-1'), agent: '8001', at: at(10) });
    // The late answer takes the call off the callback list again.
    expect(await call(id)).toMatchObject({
      state: 'ended',
      waitSeconds: 10,
      talkSeconds: 60,
      callbackState: null,
    });
    // A hangup with no newCall at all still opens the call.
    const lone = await pbx({ event: 'hangup', ...inbound('ooo-2', '13912340001') });
    expect(await call((lone.json() as { callId: number }).callId)).toMatchObject({ state: 'ended' });
  });

  it('rejects blocked numbers and keeps them off the callback list', async () => {
    const blocked = await t.request('POST', '/api/telephony/blocked', {
      token: admin,
      body: { projectId: t.fixture.projectA, number: '+86 150 0000 0001', reason: '骚扰电话' },
    });
    expect(blocked.statusCode, blocked.body).toBe(201);
    const again = await t.request('POST', '/api/telephony/blocked', {
      token: admin,
      body: { projectId: t.fixture.projectA, number: '15000000001' },
    });
    expect(again.statusCode).toBe(409);
    const r = await pbx({ event: 'newCall', ...inbound('blk-1', '15000000001') });
    expect(r.json()).toMatchObject({ action: 'reject' });
    await pbx({ event: 'hangup', ...inbound('blk-1', '15000000001') });
    expect(await call((r.json() as { callId: number }).callId)).toMatchObject({ callbackState: null });
  });

  it('missed inbound calls wait on the callback list until a click-to-call is answered', async () => {
    const received: Record<string, unknown>[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push(JSON.parse(body) as Record<string, unknown>);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const missed = await pbx({ event: 'newCall', ...inbound('miss-1', '13600000009') });
      const missedId = (missed.json() as { callId: number }).callId;
      t.clock.advanceMinutes(0.5);
      await pbx({ event: 'hangup', ...inbound('miss-1', '13600000009'), cause: 'abandoned' });
      const list = (
        await t.request('GET', `/api/calls?callback=pending&projectId=${t.fixture.projectA}`, {
          token: agent,
        })
      ).json() as { items: CallView[]; total: number };
      expect(list.items.map((c) => c.id)).toContain(missedId);

      // Not configured yet → a clear 400.
      const unconfigured = await t.request('POST', '/api/telephony/dial', {
        token: agent,
        body: { projectId: t.fixture.projectA, number: '13600000009' },
      });
      expect(unconfigured.statusCode).toBe(400);
      const config = (
        await t.request('GET', `/api/telephony/config?projectId=${t.fixture.projectA}`, { token: admin })
      ).json() as { version: number; hasToken: boolean };
      expect(config.hasToken).toBe(true);
      const saved = await t.request('PUT', '/api/telephony/config', {
        token: admin,
        body: {
          projectId: t.fixture.projectA,
          dialUrl: `http://127.0.0.1:${port}/dial`,
          version: config.version,
        },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const stale = await t.request('PUT', '/api/telephony/config', {
        token: admin,
        body: { projectId: t.fixture.projectA, dialUrl: null, version: config.version },
      });
      expect(stale.statusCode).toBe(409);

      const dialed = await t.request('POST', '/api/telephony/dial', {
        token: agent,
        body: { projectId: t.fixture.projectA, number: '136 0000 0009' },
      });
      expect(dialed.statusCode, dialed.body).toBe(201);
      const out = dialed.json() as CallView & { callId: string; direction: string };
      expect(out).toMatchObject({ direction: 'out', state: 'dialing', agentId: t.fixture.users.agent_a });
      expect(received).toEqual([
        { callId: out.callId, projectId: t.fixture.projectA, from: '8001', to: '13600000009' },
      ]);
      // Still pending while it rings; settled once the resident answers.
      const leg = { callId: out.callId, direction: 'out', from: '8001', to: '13600000009', agent: '8001' };
      await pbx({ event: 'newCall', ...leg });
      expect((await call(missedId)).callbackState).toBe('pending');
      await pbx({ event: 'answer', ...leg });
      expect(await call(missedId)).toMatchObject({ callbackState: 'done' });
      const after = (
        await t.request('GET', `/api/calls?callback=pending&projectId=${t.fixture.projectA}`, {
          token: agent,
        })
      ).json() as { items: CallView[] };
      expect(after.items.map((c) => c.id)).not.toContain(missedId);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('reports a PBX that refuses the dial request', async () => {
    const server = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const config = (
        await t.request('GET', `/api/telephony/config?projectId=${t.fixture.projectA}`, { token: admin })
      ).json() as { version: number };
      await t.request('PUT', '/api/telephony/config', {
        token: admin,
        body: {
          projectId: t.fixture.projectA,
          dialUrl: `http://127.0.0.1:${port}/dial`,
          version: config.version,
        },
      });
      const res = await t.request('POST', '/api/telephony/dial', {
        token: agent,
        body: { projectId: t.fixture.projectA, number: '13600000009' },
      });
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({ error: { code: 'dial_failed', details: { cause: 'HTTP 503' } } });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('caller-ID lookup (screen pop 360)', () => {
  interface Lookup {
    known: boolean;
    kind: string | null;
    extension: string | null;
    number: string;
    residents: {
      id: number;
      name: string;
      vip: boolean;
      units: { label: string }[];
      phones: { number: string }[];
      openTickets: { id: number }[];
    }[];
    lastContacts: { kind: string }[];
  }
  const lookup = async (number: string, as = agent, projectId?: number) => {
    const res = await t.request(
      'GET',
      `/api/telephony/lookup?number=${encodeURIComponent(number)}${projectId ? `&projectId=${projectId}` : ''}`,
      { token: as },
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Lookup;
  };

  it.each([
    ['13812345678', '张伟'],
    ['+8613812345678', '张伟'],
    ['0086 138 1234 5678', '张伟'],
    ['+86 139-1234-0001', '王芳'],
    ['02168881234', '李娜'],
    ['+862168881234', '李娜'],
    ['021-68881234-8001', '李娜'],
  ])('%s finds %s', async (number, name) => {
    const r = await lookup(number);
    expect(r.known).toBe(true);
    expect(r.residents.map((x) => x.name)).toEqual([name]);
  });

  it('completes a local landline with the project’s area code and keeps the extension apart', async () => {
    const r = await lookup('68881234转8001', agent, t.fixture.projectA);
    expect(r).toMatchObject({ known: true, kind: 'landline', extension: '8001' });
  });

  it('unknown numbers, numbers of another project and garbage are "unknown", not errors', async () => {
    expect(await lookup('13700000000')).toMatchObject({ known: false, residents: [] });
    // 刘洋 of project B has this number: agent_a works in A only.
    expect(await lookup('13712345678')).toMatchObject({ known: false });
    expect(await lookup('anonymous')).toMatchObject({ known: false, kind: null });
  });

  it('returns every resident sharing a number, with units, VIP, open tickets and last contacts', async () => {
    const created = await t.request('POST', '/api/residents', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        name: '张小伟',
        phones: ['13812345678'],
        units: [{ unitId: t.fixture.unitsA[0], relation: '家属' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = await t.request('POST', '/api/tickets', {
      token: agent,
      body: {
        projectId: t.fixture.projectA,
        type: '咨询',
        residentId: t.fixture.residentsA[0],
        description: '物业费缴费方式咨询',
      },
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const ticketId = (ticket.json() as { id: number }).id;
    const r = await lookup('13812345678');
    expect(r.residents.map((x) => x.name)).toEqual(['张伟', '张小伟']);
    const zhang = r.residents[0]!;
    expect(zhang.units.map((u) => u.label)).toHaveLength(1);
    expect(zhang.openTickets.map((x) => x.id)).toContain(ticketId);
    expect(r.lastContacts.length).toBeLessThanOrEqual(10);
    expect(r.lastContacts.map((c) => c.kind)).toEqual(expect.arrayContaining(['ticket', 'call']));
    expect((await lookup('13912340001')).residents[0]?.vip).toBe(true);

    // A call links to the ticket raised in it (many-to-many; twice is a no-op).
    const calls = (
      await t.request('GET', '/api/calls?number=13812345678&pageSize=5', { token: agent })
    ).json() as { items: CallView[]; total: number };
    const callId = calls.items[0]!.id;
    for (let i = 0; i < 2; i++) {
      const linked = await t.request('POST', `/api/calls/${callId}/tickets`, {
        token: agent,
        body: { ticketId },
      });
      expect(linked.statusCode, linked.body).toBe(200);
      expect((linked.json() as CallView).tickets.map((x) => x.id)).toEqual([ticketId]);
    }
  });

  it('masks numbers for roles without pii.view', async () => {
    const qa = await t.login('qa_a');
    const r = await lookup('13812345678', qa);
    expect(r.number).toBe('138****5678');
    expect(r.residents[0]?.phones[0]?.number).toBe('138****5678');
    const list = (await t.request('GET', '/api/calls?pageSize=200', { token: qa })).json() as {
      items: CallView[];
    };
    expect(list.items.every((c) => !/^\d{11}$/.test(c.from))).toBe(true);
    // And a technician cannot read calls at all.
    const tech = await t.login('tech_a');
    expect((await t.request('GET', '/api/calls', { token: tech })).statusCode).toBe(403);
  });
});
