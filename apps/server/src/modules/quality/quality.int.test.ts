import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let qa: string;
let agent: string;
beforeAll(async () => {
  t = await createTestServer();
  const admin = await t.login('admin');
  qa = await t.login('qa_a');
  agent = await t.login('agent_a');
  t.clock.set(new Date('2026-03-03T10:00:00+08:00'));
  const { token } = (
    await t.request('POST', '/api/telephony/config/token', {
      token: admin,
      body: { projectId: t.fixture.projectA },
    })
  ).json() as { token: string };
  await t.request('PUT', `/api/telephony/extensions/${t.fixture.users.agent_a}`, {
    token: admin,
    body: { extension: '8001' },
  });
  // Three answered calls and one phone ticket of agent_a.
  for (const n of [1, 2, 3])
    for (const event of ['newCall', 'answer', 'hangup'])
      await t.request('POST', '/api/telephony/events', {
        headers: { 'x-guanjia-token': token },
        body: {
          event,
          callId: `qa-${n}`,
          direction: 'in',
          from: '13812345678',
          to: '4008001234',
          agent: '8001',
        },
      });
  const ticket = await t.request('POST', '/api/tickets', {
    token: agent,
    body: {
      projectId: t.fixture.projectA,
      type: '咨询',
      residentId: t.fixture.residentsA[0],
      description: '停车月卡怎么办理',
    },
  });
  expect(ticket.statusCode, ticket.body).toBe(201);
});
afterAll(async () => t?.close());

interface Review {
  id: number;
  subjectType: string;
  agentId: number;
  status: string;
  total: number | null;
  version: number;
}

describe('QA seat', () => {
  it('samples, scores, shows findings to the agent, handles one appeal, and averages the month', async () => {
    const body = {
      projectId: t.fixture.projectA,
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
    };
    const sampled = await t.request('POST', '/api/qa/sample', { token: qa, body: { ...body, percent: 50 } });
    expect(sampled.statusCode, sampled.body).toBe(200);
    // 50 % of 3 calls → 2; 50 % of 1 ticket → at least 1.
    expect(sampled.json()).toMatchObject({ created: 3, calls: 3, tickets: 1 });
    const again = await t.request('POST', '/api/qa/sample', { token: qa, body: { ...body, percent: 50 } });
    expect(again.json()).toMatchObject({ created: 0 });
    expect((await t.request('POST', '/api/qa/sample', { token: agent, body })).statusCode).toBe(403);

    const list = (await t.request('GET', '/api/qa/reviews?status=待评分', { token: qa })).json() as {
      items: Review[];
    };
    expect(list.items).toHaveLength(3);
    const [first, second] = list.items as [Review, Review];

    const bad = await t.request('POST', `/api/qa/reviews/${first.id}/score`, {
      token: qa,
      body: { deductions: { unknownItem: 5 }, version: first.version },
    });
    expect(bad.statusCode).toBe(400);
    const scored = await t.request('POST', `/api/qa/reviews/${first.id}/score`, {
      token: qa,
      body: {
        deductions: { rings: 10, farewell: 3 },
        comment: '超过三声才接听，未使用致歉语',
        version: first.version,
      },
    });
    expect(scored.statusCode, scored.body).toBe(200);
    const s1 = scored.json() as Review;
    expect(s1).toMatchObject({ status: '已评分', total: 87 });
    await t.request('POST', `/api/qa/reviews/${second.id}/score`, {
      token: qa,
      body: { deductions: {}, version: second.version },
    });

    // The agent sees their findings (and only theirs); a colleague sees none of them.
    const mine = (await t.request('GET', '/api/qa/reviews', { token: agent })).json() as { items: Review[] };
    expect(mine.items.every((r) => r.agentId === t.fixture.users.agent_a)).toBe(true);
    expect(mine.items).toHaveLength(3);
    const lead = await t.login('lead_a');
    expect(
      ((await t.request('GET', '/api/qa/reviews', { token: lead })).json() as { total: number }).total,
    ).toBe(0);

    const appeal = await t.request('POST', `/api/qa/reviews/${first.id}/appeal`, {
      token: agent,
      body: { reason: '系统振铃时我正在通话，已转接', version: s1.version },
    });
    expect(appeal.statusCode, appeal.body).toBe(200);
    const a1 = appeal.json() as Review;
    expect(a1.status).toBe('申诉中');
    const twice = await t.request('POST', `/api/qa/reviews/${first.id}/appeal`, {
      token: agent,
      body: { reason: '再申诉', version: a1.version },
    });
    expect(twice.statusCode).toBe(409);
    const settled = await t.request('POST', `/api/qa/reviews/${first.id}/score`, {
      token: qa,
      body: { deductions: { farewell: 3 }, comment: '申诉成立，接听项不扣分', version: a1.version },
    });
    expect(settled.json()).toMatchObject({ status: '已复核', total: 97 });
    const final = settled.json() as Review;
    const closed = await t.request('POST', `/api/qa/reviews/${first.id}/score`, {
      token: qa,
      body: { deductions: {}, version: final.version },
    });
    expect(closed.statusCode).toBe(409);

    const month = await t.request('GET', `/api/qa/monthly?projectId=${t.fixture.projectA}&month=2026-03`, {
      token: qa,
    });
    expect(month.json()).toMatchObject({
      agents: [{ agentId: t.fixture.users.agent_a, reviews: 2, score: 98.5 }],
    });
  });
});
