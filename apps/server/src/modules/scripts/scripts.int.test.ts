import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t?.close());

describe('scripts and forbidden phrases', () => {
  it('shows the script card and flags forbidden phrases per the project’s setting', async () => {
    const agent = await t.login('agent_a');
    const card = await t.request('GET', `/api/scripts?projectId=${t.fixture.projectA}`, { token: agent });
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({
      standard: { lateAnswer: [expect.stringContaining('不好意思')] },
      forbidden: expect.arrayContaining([expect.objectContaining({ phrase: '我不知道' })]),
    });
    const check = async (text: string) =>
      (
        await t.request('POST', '/api/scripts/check', {
          token: agent,
          body: { projectId: t.fixture.projectA, text },
        })
      ).json() as { flagged: boolean; flags: { phrase: string; instead: string | null }[] };
    expect(await check('您好，请问有什么可以帮您？')).toEqual({ flagged: false, flags: [] });
    const flagged = await check('这个我不知道，你等一会');
    expect(flagged.flags.map((f) => f.phrase)).toEqual(['我不知道', '等一会']);
    expect(flagged.flags[0]?.instead).toContain('尽快给您回复');

    // A project adds its own phrase.
    const admin = await t.login('admin');
    const set = await t.request('PUT', '/api/settings/scripts.forbiddenPhrases', {
      token: admin,
      body: { projectId: t.fixture.projectA, value: [{ phrase: '自己看公告' }] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await check('你自己看公告吧')).flags.map((f) => f.phrase)).toEqual(['自己看公告']);
  });
});
