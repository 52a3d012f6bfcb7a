import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
let qa: string;
let agent: string;
let pbxToken: string;

const call = (callId: string, event: string, extra: Record<string, unknown> = {}) =>
  t.request('POST', '/api/telephony/events', {
    headers: { 'x-guanjia-token': pbxToken },
    body: { event, callId, direction: 'in', from: '13812345678', to: '4008001234', agent: '8001', ...extra },
  });

beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  qa = await t.login('qa_a');
  agent = await t.login('agent_a');
  t.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  pbxToken = (
    (
      await t.request('POST', '/api/telephony/config/token', {
        token: admin,
        body: { projectId: t.fixture.projectA },
      })
    ).json() as { token: string }
  ).token;
  await t.request('PUT', `/api/telephony/extensions/${t.fixture.users.agent_a}`, {
    token: admin,
    body: { extension: '8001' },
  });
});
afterAll(async () => t?.close());

interface Flag {
  subjectType: string;
  subjectId: number;
  source: string;
  authorId: number | null;
  phrases: string[];
}
interface Review {
  subjectType: string;
  subjectId: number;
  forbidden: string[];
}

describe('forbidden-phrase flags', () => {
  it('flags notes, answers and transcripts as they are written, and samples every flagged item', async () => {
    const p = t.fixture.projectA;
    const created = await t.request('POST', '/api/tickets', {
      token: agent,
      body: { projectId: p, type: '咨询', residentId: t.fixture.residentsA[0], description: '停车位怎么租' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json() as { id: number; version: number };

    // A clean note is not flagged; one with 不知道 is, against its author.
    const clean = await t.request('POST', `/api/tickets/${ticket.id}/notes`, {
      token: agent,
      body: { note: '已告知业主租赁流程' },
    });
    expect(clean.statusCode, clean.body).toBe(201);
    const noted = await t.request('POST', `/api/tickets/${ticket.id}/notes`, {
      token: agent,
      body: { note: '车位的事我不知道，让他等一会再打' },
    });
    expect(noted.statusCode, noted.body).toBe(201);
    expect((noted.json() as { version: number }).version).toBe(ticket.version);
    expect(
      (await t.request('POST', `/api/tickets/${ticket.id}/notes`, { token: agent, body: { note: ' ' } }))
        .statusCode,
    ).toBe(400);

    const timeline = (
      await t.request('GET', `/api/tickets/${ticket.id}/events`, { token: agent })
    ).json() as { items: { action: string; after: Record<string, unknown> }[] };
    const notes = timeline.items.filter((e) => e.action === 'ticket.noted');
    expect(notes.map((n) => n.after.forbidden ?? null)).toEqual([null, ['我不知道', '等一会']]);
    expect(timeline.items.filter((e) => e.action === 'qa.flagged')).toHaveLength(1);

    // The answer that closes it is checked too.
    const answered = await t.request('POST', `/api/tickets/${ticket.id}/answer`, {
      token: agent,
      body: { answer: '没办法，你自己去物业前台问', version: ticket.version },
    });
    expect(answered.statusCode, answered.body).toBe(200);

    // A transcript sent with hangup is flagged against the agent on the call.
    for (const event of ['newCall', 'answer']) await call('flag-1', event);
    const hangup = await call('flag-1', 'hangup', { transcript: '喂，找谁？什么事快点说' });
    expect(hangup.statusCode, hangup.body).toBe(200);
    for (const n of [2, 3, 4, 5])
      for (const event of ['newCall', 'answer', 'hangup']) await call(`ok-${n}`, event);

    const flags = (await t.request('GET', `/api/qa/flags?projectId=${p}`, { token: qa })).json() as {
      items: Flag[];
      total: number;
    };
    expect(flags.total).toBe(3);
    expect(flags.items.map((f) => [f.source, f.phrases])).toEqual([
      ['transcript', ['喂', '找谁', '什么事', '快点']],
      ['answer', ['没办法']],
      ['note', ['我不知道', '等一会']],
    ]);
    expect(flags.items.every((f) => f.authorId === t.fixture.users.agent_a)).toBe(true);
    // The agent sees the flags on what they wrote; a colleague sees none.
    expect(
      ((await t.request('GET', '/api/qa/flags', { token: agent })).json() as { total: number }).total,
    ).toBe(3);
    const lead = await t.login('lead_a');
    expect(
      ((await t.request('GET', '/api/qa/flags', { token: lead })).json() as { total: number }).total,
    ).toBe(0);

    const calls = (await t.request('GET', `/api/calls?projectId=${p}`, { token: agent })).json() as {
      items: { id: number; callId: string; transcript: string | null; forbidden: string[] }[];
    };
    expect(calls.items.find((c) => c.callId === 'flag-1')).toMatchObject({
      transcript: '喂，找谁？什么事快点说',
      forbidden: ['喂', '找谁', '什么事', '快点'],
    });
    expect(calls.items.find((c) => c.callId === 'ok-2')?.forbidden).toEqual([]);

    // 1 % of five calls draws one; the flagged call and the flagged ticket are always in.
    const sampled = await t.request('POST', '/api/qa/sample', {
      token: qa,
      body: { projectId: p, from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00', percent: 1 },
    });
    expect(sampled.statusCode, sampled.body).toBe(200);
    expect(sampled.json()).toMatchObject({ calls: 5, tickets: 1, flagged: 2 });
    const reviews = (await t.request('GET', `/api/qa/reviews?projectId=${p}`, { token: qa })).json() as {
      items: Review[];
    };
    const flaggedCall = calls.items.find((c) => c.callId === 'flag-1');
    expect(reviews.items.slice(0, 2).map((r) => [r.subjectType, r.subjectId])).toEqual(
      expect.arrayContaining([
        ['ticket', ticket.id],
        ['call', flaggedCall?.id],
      ]),
    );
    expect(reviews.items[0]?.forbidden.length).toBeGreaterThan(0);
    expect(reviews.items.slice(2).every((r) => r.forbidden.length === 0)).toBe(true);
  });

  it('lets the QA reviewer set the plan and template; the score sheet follows the new template', async () => {
    const p = t.fixture.projectA;
    const plan = (await t.request('GET', `/api/qa/plan?projectId=${p}`, { token: qa })).json() as {
      samplePercent: number;
      checklist: { key: string }[];
    };
    expect(plan.samplePercent).toBe(5);
    expect(plan.checklist.map((c) => c.key)).toContain('rings');
    const checklist = [
      { key: 'rings', label: '三声内接听', weight: 20 },
      { key: 'forbidden', label: '无服务禁用语', weight: 30 },
    ];
    const dup = await t.request('PUT', '/api/qa/plan', {
      token: qa,
      body: { projectId: p, samplePercent: 10, checklist: [...checklist, checklist[0]] },
    });
    expect(dup.statusCode).toBe(400);
    const put = await t.request('PUT', '/api/qa/plan', {
      token: qa,
      body: { projectId: p, samplePercent: 10, checklist },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ samplePercent: 10, checklist });
    expect(
      (
        await t.request('PUT', '/api/qa/plan', {
          token: agent,
          body: { projectId: p, samplePercent: 10, checklist },
        })
      ).statusCode,
    ).toBe(403);

    const review = (
      (await t.request('GET', `/api/qa/reviews?projectId=${p}&status=待评分`, { token: qa })).json() as {
        items: { id: number; version: number }[];
      }
    ).items[0];
    if (!review) throw new Error('no review to score');
    const scored = await t.request('POST', `/api/qa/reviews/${review.id}/score`, {
      token: qa,
      body: { deductions: { forbidden: 30 }, comment: '使用禁语', version: review.version },
    });
    expect(scored.statusCode, scored.body).toBe(200);
    expect(scored.json()).toMatchObject({ total: 70 });
  });
});
