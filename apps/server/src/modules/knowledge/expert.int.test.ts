import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let agent: string;
let lead: string;
let expert: string;
let live: string;
beforeAll(async () => {
  t = await createTestServer({ listen: true });
  agent = await t.login('agent_a');
  lead = await t.login('lead_a');
  // 客服主管 sits the expert seat in the fixture (kb.expert).
  expert = await t.login('supervisor_a');
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  live = `ws://127.0.0.1:${address.port}/api/live`;
});
afterAll(async () => t?.close());

interface Question {
  id: number;
  status: string;
  question: string;
  answer: string | null;
  ticketId: number | null;
  ticketNumber: string | null;
  callerPhone: string | null;
  askedByName: string | null;
  articleId: number | null;
  version: number;
}

function listen(token: string): Promise<{ messages: { type: string; entityId?: number }[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${live}?token=${token}`);
    const messages: { type: string; entityId?: number }[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; entityId?: number };
      messages.push(message);
      if (message.type === 'hello') resolve({ messages, close: () => ws.close() });
    });
    ws.on('error', reject);
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('专家席: a question nobody could answer', () => {
  it('goes to the expert, comes back to the agent and the ticket, and becomes an article', async () => {
    const ticket = await t.request('POST', '/api/tickets', {
      token: agent,
      body: {
        projectId: t.fixture.projectA,
        type: '咨询',
        contactPhone: '13912345678',
        description: '业主询问电动车能否在地下车库充电',
      },
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const ticketId = (ticket.json() as { id: number }).id;

    const asked = await t.request('POST', '/api/kb/questions', {
      token: agent,
      body: {
        projectId: t.fixture.projectA,
        ticketId,
        question: '电动车可以在地下车库充电吗？有没有充电桩？',
      },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const q = asked.json() as Question;
    expect(q).toMatchObject({ status: 'open', ticketId, askedById: t.fixture.users.agent_a });

    // Only the asker and the experts see it.
    const leadView = (await t.request('GET', '/api/kb/questions', { token: lead })).json() as {
      items: Question[];
    };
    expect(leadView.items.map((i) => i.id)).not.toContain(q.id);
    expect((await t.request('GET', `/api/kb/questions/${q.id}`, { token: lead })).statusCode).toBe(404);

    const queue = (await t.request('GET', '/api/kb/questions?status=open', { token: expert })).json() as {
      items: Question[];
      total: number;
    };
    expect(queue.items.find((i) => i.id === q.id)).toMatchObject({
      ticketNumber: expect.any(String),
      callerPhone: '13912345678',
      askedByName: '座席甲',
    });

    // An agent cannot answer; a stale version is refused.
    const answer = { answer: '可以。B2层东侧有12个充电桩，扫码付费，禁止飞线充电。', version: q.version };
    expect(
      (await t.request('POST', `/api/kb/questions/${q.id}/answer`, { token: agent, body: answer }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await t.request('POST', `/api/kb/questions/${q.id}/answer`, {
          token: expert,
          body: { ...answer, version: q.version + 1 },
        })
      ).statusCode,
    ).toBe(409);
    // Nothing to publish before there is an answer.
    expect(
      (
        await t.request('POST', `/api/kb/questions/${q.id}/publish`, {
          token: expert,
          body: { category: '停车', version: q.version },
        })
      ).statusCode,
    ).toBe(409);

    const agentSocket = await listen(agent);
    const leadSocket = await listen(lead);
    const answered = await t.request('POST', `/api/kb/questions/${q.id}/answer`, {
      token: expert,
      body: answer,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const a = answered.json() as Question;
    expect(a).toMatchObject({ status: 'answered', answer: answer.answer });
    await until(() => agentSocket.messages.some((m) => m.type === 'kb.answer'));
    expect(agentSocket.messages).toContainEqual(
      expect.objectContaining({ type: 'kb.answer', entityId: q.id }),
    );
    // Addressed to the asker alone.
    expect(leadSocket.messages.map((m) => m.type)).not.toContain('kb.answer');
    agentSocket.close();
    leadSocket.close();

    // The answer is on the originating ticket.
    const timeline = (await t.request('GET', `/api/tickets/${ticketId}/events`, { token: agent })).json() as {
      items: { action: string; after: { answer?: string } }[];
    };
    expect(timeline.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['kb.question_asked', 'kb.question_answered']),
    );
    expect(timeline.items.find((e) => e.action === 'kb.question_answered')?.after.answer).toBe(answer.answer);
    const mine = (
      await t.request('GET', `/api/kb/questions?ticketId=${ticketId}`, { token: agent })
    ).json() as {
      items: Question[];
    };
    expect(mine.items).toEqual([expect.objectContaining({ id: q.id, answer: answer.answer })]);

    const published = await t.request('POST', `/api/kb/questions/${q.id}/publish`, {
      token: expert,
      body: { category: '停车', tags: ['充电桩'], version: a.version },
    });
    expect(published.statusCode, published.body).toBe(201);
    const { article, question } = published.json() as {
      article: { id: number; title: string; body: string };
      question: Question;
    };
    expect(article.title).toBe('电动车可以在地下车库充电吗');
    expect(article.body).toContain('B2层东侧有12个充电桩');
    expect(question).toMatchObject({ status: 'published', articleId: article.id });
    // Once only.
    expect(
      (
        await t.request('POST', `/api/kb/questions/${q.id}/publish`, {
          token: expert,
          body: { category: '停车', version: question.version },
        })
      ).statusCode,
    ).toBe(409);

    // The next agent with the same question finds the standard answer.
    const found = (
      await t.request('GET', `/api/kb/articles?q=${encodeURIComponent('充电桩')}`, { token: agent })
    ).json() as { items: { id: number }[] };
    expect(found.items.map((i) => i.id)).toContain(article.id);
  });

  it('masks the caller’s number for roles without pii.view and checks the ticket’s project', async () => {
    const bad = await t.request('POST', '/api/kb/questions', {
      token: agent,
      body: { projectId: t.fixture.projectA, ticketId: 999_999, question: '这个问题没有工单' },
    });
    expect(bad.statusCode).toBe(400);
    const qa = await t.login('qa_a');
    const asked = await t.request('POST', '/api/kb/questions', {
      token: qa,
      body: { projectId: t.fixture.projectA, callerPhone: '13700001111', question: '装修押金多久退还？' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((asked.json() as Question).callerPhone).toBe('137****1111');
  });
});
