import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
let pbxToken: string;

interface Board {
  waiting: number;
  longestWaitSeconds: number;
  agents: { id: number; name: string; state: string; sinceSeconds: number | null }[];
  agentCounts: Record<string, number>;
  tickets: { open: number; unassigned: number; slaAtRisk: number; slaBreached: number };
  today: { answered: number; abandoned: number; answeredWithinTarget: number };
}

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(new Date('2026-03-03T09:00:00+08:00'));
  admin = await t.login('admin');
  const rotated = await t.request('POST', '/api/telephony/config/token', {
    token: admin,
    body: { projectId: t.fixture.projectA },
  });
  pbxToken = (rotated.json() as { token: string }).token;
  // Two seats of project A; only agent_a ever signs in to the phone. tech_a has no seat.
  for (const [name, ext] of [
    ['agent_a', '8001'],
    ['lead_a', '8002'],
  ] as const) {
    const res = await t.request('PUT', `/api/telephony/extensions/${t.fixture.users[name]}`, {
      token: admin,
      body: { extension: ext },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  // Project B's seat never shows on A's wall.
  await t.request('PUT', `/api/telephony/extensions/${t.fixture.users.manager_b}`, {
    token: admin,
    body: { extension: '8009' },
  });
});
afterAll(async () => t?.close());

const board = async (token = admin) => {
  const res = await t.request('GET', `/api/wallboard?projectId=${t.fixture.projectA}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Board;
};
const pbx = (body: Record<string, unknown>) =>
  t.request('POST', '/api/telephony/events', {
    headers: { 'x-guanjia-token': pbxToken },
    body: { direction: 'in', from: '13812345678', to: '4008001234', ...body },
  });

describe('wallboard', () => {
  it('shows every seat of the team, the never-signed-in as 离线', async () => {
    const agent = await t.login('agent_a');
    const signedIn = await t.request('PUT', '/api/agents/me/presence', {
      token: agent,
      body: { state: '在线' },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    t.clock.advanceMinutes(2);
    const b = await board();
    const f = t.fixture.users;
    expect(b.agents.map((a) => a.id)).toEqual([f.agent_a, f.lead_a]);
    expect(b.agents[0]).toMatchObject({ state: '在线', sinceSeconds: 120 });
    expect(b.agents[1]).toMatchObject({ name: '班长甲', state: '离线', sinceSeconds: null });
    expect(b.agentCounts).toEqual({ 通话中: 0, 在线: 1, 小休: 0, 离线: 1 });
  });

  it('counts waiting calls, the longest wait, answers within target and abandoned calls', async () => {
    await pbx({ event: 'newCall', callId: 'w-1', queue: '人工' });
    t.clock.advanceMinutes(0.5);
    await pbx({ event: 'newCall', callId: 'w-2', from: '13912340001', queue: '人工' });
    let b = await board();
    expect(b.waiting).toBe(2);
    expect(b.longestWaitSeconds).toBe(30);

    await pbx({ event: 'answer', callId: 'w-2', from: '13912340001', agent: '8001' });
    await pbx({ event: 'hangup', callId: 'w-1', cause: 'caller hung up' });
    b = await board();
    expect(b.waiting).toBe(0);
    expect(b.agents.find((a) => a.id === t.fixture.users.agent_a)?.state).toBe('通话中');
    expect(b.today).toMatchObject({ answered: 1, answeredWithinTarget: 1, abandoned: 1 });
  });

  it('reports the open ticket backlog: unassigned and SLA at risk', async () => {
    const before = (await board()).tickets;
    const res = await t.request('POST', '/api/tickets', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        type: '报修',
        channel: 'portal',
        unitId: t.fixture.unitsA[0],
        description: '楼道灯不亮',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await board()).tickets;
    expect(after.open).toBe(before.open + 1);
    expect(after.unassigned).toBe(before.unassigned + 1);
    expect(after.slaAtRisk + after.slaBreached).toBeLessThanOrEqual(after.open);
  });

  it('is out of reach for another project', async () => {
    const res = await t.request('GET', `/api/wallboard?projectId=${t.fixture.projectB}`, {
      token: await t.login('agent_a'),
    });
    expect(res.statusCode).toBe(404);
  });
});
