import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ttsOf } from './tts/speak';

let t: TestServer;
let admin: string;
let tokenA: string;
let tokenB: string;
beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  const rotate = async (projectId: number) =>
    (
      (
        await t.request('POST', '/api/telephony/config/token', { token: admin, body: { projectId } })
      ).json() as {
        token: string;
      }
    ).token;
  tokenA = await rotate(t.fixture.projectA);
  tokenB = await rotate(t.fixture.projectB);
});
afterAll(async () => t?.close());

interface Reply {
  node: string;
  say?: string;
  gather?: { maxDigits: number; timeoutSec: number };
  record?: { maxSeconds: number };
  transfer?: { queue: string };
  hangup?: boolean;
}

const step = async (body: Record<string, unknown>, token = tokenA, projectId = t.fixture.projectA) => {
  const res = await t.request('POST', `/api/ivr/${projectId}/step`, {
    headers: { 'x-guanjia-token': token },
    body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Reply;
};

describe('IVR over HTTP', () => {
  it('needs the project’s own telephony token', async () => {
    const body = { callId: 'x', from: '13812345678' };
    const url = `/api/ivr/${t.fixture.projectA}/step`;
    expect((await t.request('POST', url, { body })).statusCode).toBe(401);
    expect((await t.request('POST', url, { body, headers: { 'x-guanjia-token': tokenB } })).statusCode).toBe(
      401,
    );
  });

  it('in working hours: greeting and main menu, then a transfer', async () => {
    t.clock.set(new Date('2026-03-03T10:00:00+08:00'));
    const first = await step({ callId: 'day-1', from: '13812345678' });
    expect(first).toMatchObject({ node: 'main', gather: { maxDigits: 1, timeoutSec: 5 } });
    expect(first.say).toContain('欢迎致电测试花园');
    expect(await step({ callId: 'day-1', from: '13812345678', input: '8' })).toMatchObject({
      node: 'main',
      say: expect.stringMatching(/^输入有误/),
    });
    expect(await step({ callId: 'day-1', from: '13812345678', input: '1' })).toMatchObject({
      transfer: { queue: '报修' },
    });
  });

  it('after hours: voicemail becomes a voicemail ticket called back the next working morning', async () => {
    t.clock.set(new Date('2026-03-03T22:00:00+08:00'));
    const call = { callId: 'night-1', from: '13812345678' };
    const first = await step(call);
    expect(first).toMatchObject({ node: 'intent', gather: { maxDigits: 1 } });
    expect(first.say).toContain('非工作时间');
    expect(await step({ ...call, input: '3' })).toMatchObject({
      node: 'voicemail',
      record: { maxSeconds: 120 },
    });
    const end = await step({ ...call, recordingUrl: 'https://pbx.example.com/vm/night-1.wav' });
    expect(end).toMatchObject({ hangup: true, say: expect.stringContaining('下一个工作日上午') });
    // Retried final step: the call is over, nothing more is filed.
    expect(await step({ ...call, recordingUrl: 'https://pbx.example.com/vm/night-1.wav' })).toMatchObject({
      hangup: true,
    });

    const list = (
      await t.request('GET', `/api/tickets?projectId=${t.fixture.projectA}&pageSize=50`, { token: admin })
    ).json() as { items: { id: number; channel: string }[] };
    const voicemails = list.items.filter((i) => i.channel === 'voicemail');
    expect(voicemails).toHaveLength(1);
    const ticket = (await t.request('GET', `/api/tickets/${voicemails[0]!.id}`, { token: admin })).json() as {
      type: string;
      status: string;
      residentId: number | null;
      attachments: { url: string }[];
      description: string;
    };
    expect(ticket).toMatchObject({
      type: '报修',
      status: '待受理',
      residentId: t.fixture.residentsA[0],
      attachments: [{ url: 'https://pbx.example.com/vm/night-1.wav' }],
    });

    const calls = (
      await t.request('GET', `/api/calls?callback=pending&projectId=${t.fixture.projectA}`, { token: admin })
    ).json() as { items: { callId: string; callbackDueAt: string; tickets: { id: number }[] }[] };
    const vm = calls.items.find((c) => c.callId === 'night-1');
    expect(vm?.tickets.map((x) => x.id)).toEqual([voicemails[0]!.id]);
    const due = new Date(vm!.callbackDueAt);
    expect(due.getTime()).toBeGreaterThan(t.clock.now().getTime());
    // The next working morning, in Shanghai time.
    expect(due.toISOString()).toMatch(/^2026-03-04T00:30:00/);

    // Self-service status: the caller hears about that ticket.
    const status = { callId: 'night-2', from: '+86 138 1234 5678' };
    await step(status);
    const said = await step({ ...status, input: '4' });
    expect(said).toMatchObject({ hangup: true, say: expect.stringContaining('当前状态：待受理') });
  });

  it('an unknown caller after hours still leaves a ticket with the number to call back', async () => {
    t.clock.set(new Date('2026-03-03T23:00:00+08:00'));
    const call = { callId: 'night-3', from: '13500001111' };
    await step(call);
    await step({ ...call, input: '1' });
    await step({ ...call });
    const list = (
      await t.request('GET', `/api/tickets?projectId=${t.fixture.projectA}&pageSize=50&type=投诉`, {
        token: admin,
      })
    ).json() as { items: { channel: string; contactPhone: string | null }[] };
    expect(list.items.filter((i) => i.channel === 'voicemail')).toHaveLength(1);
  });
});

describe('IVR flows in the console', () => {
  it('seeds the default flow, validates with clear errors and checks the version', async () => {
    const res = await t.request('GET', `/api/ivr/flows/${t.fixture.projectA}`, { token: admin });
    expect(res.statusCode).toBe(200);
    const current = res.json() as {
      flow: { start: string; nodes: Record<string, unknown> };
      version: number;
    };
    expect(current.flow.start).toBe('hours');

    const broken = {
      start: 'a',
      nodes: {
        a: { type: 'say', text: '您好', next: 'b' },
        b: { type: 'say', text: '再见', next: 'a' },
        c: { type: 'hangup' },
      },
    };
    const check = await t.request('POST', '/api/ivr/validate', { token: admin, body: { flow: broken } });
    expect(check.json()).toMatchObject({
      valid: false,
      errors: expect.arrayContaining([
        expect.objectContaining({ code: 'unreachable_node', node: 'c' }),
        expect.objectContaining({ code: 'no_exit', node: 'a' }),
      ]),
    });
    const rejected = await t.request('PUT', `/api/ivr/flows/${t.fixture.projectA}`, {
      token: admin,
      body: { flow: broken, version: current.version },
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json()).toMatchObject({ error: { code: 'invalid_flow', details: expect.any(Array) } });

    const simple = { start: 'hi', nodes: { hi: { type: 'hangup', text: '系统维护中，请稍后再拨。' } } };
    const saved = await t.request('PUT', `/api/ivr/flows/${t.fixture.projectA}`, {
      token: admin,
      body: { flow: simple, version: current.version },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await t.request('PUT', `/api/ivr/flows/${t.fixture.projectA}`, {
      token: admin,
      body: { flow: simple, version: current.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(await step({ callId: 'maint-1', from: '13812345678' })).toEqual({
      node: 'hi',
      say: '系统维护中，请稍后再拨。',
      hangup: true,
      // Spoken by the TTS engine when one is installed (ivr-audio.int.test.ts).
      ...(ttsOf(t.services).engine === 'none'
        ? {}
        : { audioUrl: expect.stringContaining('/api/ivr/audio/') }),
    });
    await t.request('PUT', `/api/ivr/flows/${t.fixture.projectA}`, {
      token: admin,
      body: { flow: current.flow, version: current.version + 1 },
    });
    // An agent cannot edit flows.
    const agent = await t.login('agent_a');
    expect(
      (await t.request('GET', `/api/ivr/flows/${t.fixture.projectA}`, { token: agent })).statusCode,
    ).toBe(403);
  });

  it('simulates a call key by key without writing anything', async () => {
    const before = (
      await t.request('GET', `/api/tickets?projectId=${t.fixture.projectB}`, { token: admin })
    ).json() as { total: number };
    const url = `/api/ivr/flows/${t.fixture.projectB}/simulate`;
    const sim = async (body: Record<string, unknown>) => {
      const res = await t.request('POST', url, { token: admin, body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { reply: Reply; state: unknown; tickets: { type: string }[] };
    };
    const a = await sim({ hours: 'closed' });
    expect(a.reply.node).toBe('intent');
    const b = await sim({ hours: 'closed', state: a.state, input: '2' });
    expect(b.reply.record).toBeDefined();
    const c = await sim({ hours: 'closed', state: b.state, recordingUrl: 'https://x.example.com/a.wav' });
    expect(c.reply.hangup).toBe(true);
    expect(c.tickets).toEqual([expect.objectContaining({ type: '建议' })]);
    const open = await sim({ hours: 'open' });
    expect(open.reply.node).toBe('main');
    const after = (
      await t.request('GET', `/api/tickets?projectId=${t.fixture.projectB}`, { token: admin })
    ).json() as { total: number };
    expect(after.total).toBe(before.total);
    const draft = await t.request('POST', url, {
      token: admin,
      body: { flow: { start: 'x', nodes: {} } },
    });
    expect(draft.statusCode).toBe(400);
  });
});
