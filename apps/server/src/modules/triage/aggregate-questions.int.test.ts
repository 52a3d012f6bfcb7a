import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { aggregateQuestions } from './aggregate-questions';

let t: TestServer;
let agent: string;
let expert: string;

// Consultations during the week; the job runs the following Monday morning.
const THURSDAY_10 = new Date('2026-03-05T10:00:00+08:00');
const MONDAY_0310 = new Date('2026-03-09T03:10:00+08:00');

beforeAll(async () => {
  t = await createTestServer();
  agent = await t.login('agent_a');
  // 客服主管 sits the expert seat in the fixture (kb.expert).
  expert = await t.login('supervisor_a');
});
afterAll(async () => t?.close());

interface Question {
  id: number;
  status: string;
  question: string;
  source: string;
  askedById: number | null;
  memberTickets: { id: number; number: string }[];
  version: number;
}

async function consult(description: string, minutes: number): Promise<number> {
  t.clock.set(new Date(THURSDAY_10.getTime() + minutes * 60_000));
  const res = await t.request('POST', '/api/tickets', {
    token: agent,
    body: { projectId: t.fixture.projectA, type: '咨询', contactPhone: '13912345678', description },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

async function autoQuestions(): Promise<Question[]> {
  const res = await t.request('GET', `/api/kb/questions?projectId=${t.fixture.projectA}&pageSize=100`, {
    token: expert,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Question[] }).items.filter((q) => q.source === 'auto');
}

describe('问题汇总: consultations that found no article become one question for the 专家席', () => {
  it('clusters five similar consultations into one candidate, once per week', async () => {
    const similar = [
      '电动车可以在地下车库充电吗',
      '请问电动车能在地下车库充电吗',
      '地下车库可以给电动车充电吗',
      '电动车在地下车库充电可以吗',
      '问一下电动车地下车库充电的事',
    ];
    const members: number[] = [];
    for (const [i, text] of similar.entries()) members.push(await consult(text, i * 30));
    await consult('物业费每平米多少钱', 200);
    await consult('快递柜在哪里', 230);

    t.clock.set(MONDAY_0310);
    expect(await aggregateQuestions(t.services, t.clock.now())).toEqual({ created: 1, grown: 0 });
    const [q, ...others] = await autoQuestions();
    expect(others).toEqual([]);
    expect(q).toMatchObject({ status: 'open', askedById: null });
    expect(similar).toContain(q?.question);
    expect(q?.memberTickets.map((m) => m.id).sort((a, b) => a - b)).toEqual(members.sort((a, b) => a - b));
    expect(q?.memberTickets.every((m) => m.number.length > 0)).toBe(true);
    const one = await t.request('GET', `/api/kb/questions/${q?.id}`, { token: expert });
    expect((one.json() as Question).memberTickets).toEqual(q?.memberTickets);

    // Running again (a second node, a retry) adds nothing.
    expect(await aggregateQuestions(t.services, t.clock.now())).toEqual({ created: 0, grown: 0 });
    expect((await autoQuestions()).map((x) => x.memberTickets.length)).toEqual([5]);

    // The next Thursday, a consultation asking the same question joins the open candidate.
    const late = await consult('电动车可以在地下车库充电吗?', 7 * 24 * 60);
    t.clock.set(new Date(MONDAY_0310.getTime() + 7 * 24 * 3_600_000));
    expect(await aggregateQuestions(t.services, t.clock.now())).toEqual({ created: 0, grown: 1 });
    const [grown, ...none] = await autoQuestions();
    expect(none).toEqual([]);
    expect(grown?.memberTickets.map((m) => m.id)).toContain(late);

    // Answering it is the existing flow: the answer lands on every member consultation's timeline.
    const answered = await t.request('POST', `/api/kb/questions/${grown?.id}/answer`, {
      token: expert,
      body: { answer: '可以。B2层东侧有充电桩，扫码付费，禁止飞线充电。', version: grown?.version },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const timeline = (
      await t.request('GET', `/api/tickets/${members[0]}/events`, { token: agent })
    ).json() as {
      items: { action: string }[];
    };
    expect(timeline.items.map((e) => e.action)).toContain('kb.question_answered');
  });
});
