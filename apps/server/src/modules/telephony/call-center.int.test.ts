import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
let token: string;
const staff: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  token = (
    (
      await t.request('POST', '/api/telephony/config/token', {
        token: admin,
        body: { projectId: t.fixture.projectA },
      })
    ).json() as { token: string }
  ).token;
  // Three phone seats in project A: agent_a, lead_a, supervisor_a.
  for (const [name, ext] of [
    ['agent_a', '8001'],
    ['lead_a', '8002'],
    ['supervisor_a', '8003'],
  ] as const) {
    const res = await t.request('PUT', `/api/telephony/extensions/${t.fixture.users[name]}`, {
      token: admin,
      body: { extension: ext },
    });
    expect(res.statusCode, res.body).toBe(200);
    staff[name] = await t.login(name);
  }
});
afterAll(async () => t?.close());

const pbx = (body: Record<string, unknown>) =>
  t.request('POST', '/api/telephony/events', { headers: { 'x-guanjia-token': token }, body });
const route = async (callId: string, queue: string) => {
  const res = await t.request('POST', '/api/telephony/route', {
    headers: { 'x-guanjia-token': token },
    body: { callId, queue },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { action: string; agent?: string; agentId?: number; position?: number };
};
const presence = async (who: string, body: Record<string, unknown>) => {
  const res = await t.request('PUT', '/api/agents/me/presence', { token: staff[who], body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { state: string; reason: string | null };
};
const inbound = (callId: string, from: string) => ({ callId, direction: 'in', from, to: '4008001234' });

describe('agent presence, routing and the wallboard', () => {
  it('validates presence: a break needs a reason, 通话中 is not self-service', async () => {
    const bad = await t.request('PUT', '/api/agents/me/presence', {
      token: staff.agent_a,
      body: { state: '小休' },
    });
    expect(bad.statusCode).toBe(400);
    const busy = await t.request('PUT', '/api/agents/me/presence', {
      token: staff.agent_a,
      body: { state: '通话中' },
    });
    expect(busy.statusCode).toBe(400);
    expect(await presence('lead_a', { state: '小休', reason: '午餐' })).toMatchObject({
      state: '小休',
      reason: '午餐',
    });
    const tech = await t.login('tech_a');
    expect(
      (await t.request('PUT', '/api/agents/me/presence', { token: tech, body: { state: '在线' } }))
        .statusCode,
    ).toBe(403);
  });

  it('routes to the longest-idle ready agent, never to one on a break; VIP callers jump the queue', async () => {
    const queue = await t.request('POST', '/api/queues', {
      token: admin,
      body: { projectId: t.fixture.projectA, name: '人工', strategy: 'longest-idle' },
    });
    expect(queue.statusCode, queue.body).toBe(201);
    const dup = await t.request('POST', '/api/queues', {
      token: admin,
      body: { projectId: t.fixture.projectA, name: '人工' },
    });
    expect(dup.statusCode).toBe(409);

    t.clock.set(new Date('2026-03-03T09:00:00+08:00'));
    await presence('supervisor_a', { state: '在线' });
    t.clock.advanceMinutes(5);
    await presence('agent_a', { state: '在线' });
    t.clock.advanceMinutes(1);

    // Two callers wait; the second (王芳) is a VIP.
    await pbx({ event: 'newCall', ...inbound('r-1', '13812345678'), queue: '人工' });
    t.clock.advanceMinutes(0.5);
    await pbx({ event: 'newCall', ...inbound('r-2', '13912340001'), queue: '人工' });
    // Although r-1 asks first, the VIP is served first with the longest-idle agent (supervisor_a);
    // lead_a is on a break and never chosen.
    expect(await route('r-1', '人工')).toMatchObject({ action: 'route', agent: '8001' });
    expect(await route('r-2', '人工')).toMatchObject({ action: 'route', agent: '8003' });

    // A third caller waits: nobody is free.
    await pbx({ event: 'newCall', ...inbound('r-3', '13700000001'), queue: '人工' });
    expect(await route('r-3', '人工')).toMatchObject({ action: 'wait', position: 1 });

    const board = async () => {
      const res = await t.request('GET', `/api/wallboard?projectId=${t.fixture.projectA}`, {
        token: staff.lead_a,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        queues: { name: string; waiting: number; longestWaitSeconds: number }[];
        agents: { id: number; state: string; reason: string | null; currentCallId: number | null }[];
        today: {
          answered: number;
          abandoned: number;
          answeredWithinTarget: number;
          targetSeconds: number;
          perAgent: { agentId: number; answered: number }[];
        };
      };
    };
    t.clock.advanceMinutes(0.25);
    expect((await board()).queues).toEqual([{ name: '人工', waiting: 1, longestWaitSeconds: 15 }]);

    // agent_a answers r-1 after 4 s (within three rings); supervisor answers r-2 after 20 s.
    t.clock.advanceMinutes(-0.25);
    await pbx({
      event: 'answer',
      ...inbound('r-1', '13812345678'),
      agent: '8001',
      at: '2026-03-03T09:06:04+08:00',
    });
    await pbx({
      event: 'answer',
      ...inbound('r-2', '13912340001'),
      agent: '8003',
      at: '2026-03-03T09:06:50+08:00',
    });
    let b = await board();
    const state = (id: number) => b.agents.find((a) => a.id === id);
    expect(state(t.fixture.users.agent_a)).toMatchObject({ state: '通话中' });
    expect(state(t.fixture.users.lead_a)).toMatchObject({ state: '小休', reason: '午餐' });

    // r-3 gives up; r-1 ends and agent_a is ready again.
    await pbx({ event: 'hangup', ...inbound('r-3', '13700000001'), at: '2026-03-03T09:08:00+08:00' });
    await pbx({ event: 'hangup', ...inbound('r-1', '13812345678'), at: '2026-03-03T09:09:00+08:00' });
    b = await board();
    expect(state(t.fixture.users.agent_a)).toMatchObject({ state: '在线', currentCallId: null });
    expect(b.today).toMatchObject({ answered: 2, abandoned: 1, answeredWithinTarget: 1, targetSeconds: 15 });
    expect(b.today.perAgent.map((p) => [p.agentId, p.answered])).toEqual([
      [t.fixture.users.agent_a, 1],
      [t.fixture.users.supervisor_a, 1],
    ]);

    // The answer target follows the settings (Q01): four rings of five seconds.
    const set = await t.request('PUT', '/api/settings/callcenter.answerWithinRings', {
      token: admin,
      body: { projectId: t.fixture.projectA, value: 5 },
    });
    expect(set.statusCode, set.body).toBe(200);
    b = await board();
    expect(b.today).toMatchObject({ answeredWithinTarget: 2, targetSeconds: 25 });
  });

  it('round-robin and skill queues', async () => {
    const rr = (
      await t.request('POST', '/api/queues', {
        token: admin,
        body: { projectId: t.fixture.projectA, name: '轮询', strategy: 'round-robin' },
      })
    ).json() as { id: number; version: number };
    await presence('lead_a', { state: '在线' });
    const picks: string[] = [];
    for (const n of [1, 2]) {
      await pbx({ event: 'newCall', ...inbound(`rr-${n}`, `1360000000${n}`), queue: '轮询' });
      const r = await route(`rr-${n}`, '轮询');
      picks.push(r.agent ?? 'wait');
      // The call is answered and finished at once, freeing the agent.
      await pbx({ event: 'answer', ...inbound(`rr-${n}`, `1360000000${n}`), agent: r.agent });
      await pbx({ event: 'hangup', ...inbound(`rr-${n}`, `1360000000${n}`) });
    }
    expect(new Set(picks).size).toBe(2);

    const patched = await t.request('PATCH', `/api/queues/${rr.id}`, {
      token: admin,
      body: { strategy: 'skill', skills: ['电梯'], version: rr.version },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const stale = await t.request('PATCH', `/api/queues/${rr.id}`, {
      token: admin,
      body: { name: '别名', version: rr.version },
    });
    expect(stale.statusCode).toBe(409);
    await pbx({ event: 'newCall', ...inbound('sk-1', '13600000003'), queue: '轮询' });
    // Nobody has the 电梯 skill: the caller waits rather than reaching the wrong agent.
    expect(await route('sk-1', '轮询')).toMatchObject({ action: 'wait' });
    const unknown = await t.request('POST', '/api/telephony/route', {
      headers: { 'x-guanjia-token': token },
      body: { callId: 'sk-1', queue: '不存在' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
