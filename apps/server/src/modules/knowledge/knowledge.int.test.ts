import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { seedStandardArticles } from './seed-articles';
import { STANDARD_ARTICLES } from './standard-articles';

let t: TestServer;
let agent: string;
let expert: string;
beforeAll(async () => {
  t = await createTestServer();
  const seeded = await seedStandardArticles(t.services.database.db, t.fixture.companyId, t.clock.now());
  expect(seeded).toBe(STANDARD_ARTICLES.length);
  expect(await seedStandardArticles(t.services.database.db, t.fixture.companyId, t.clock.now())).toBe(0);
  agent = await t.login('agent_a');
  expert = await t.login('supervisor_a');
});
afterAll(async () => t?.close());

interface Article {
  id: number;
  title: string;
  body?: string;
  version: number;
  uses: number;
  helpfulYes: number;
  helpfulNo: number;
}
const search = async (q: string, token = agent) => {
  const res = await t.request('GET', `/api/kb/articles?q=${encodeURIComponent(q)}`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Article[]; total: number };
};

describe('knowledge base', () => {
  it('seeds 30+ standard articles', () => {
    expect(STANDARD_ARTICLES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(STANDARD_ARTICLES.map((a) => a.title)).size).toBe(STANDARD_ARTICLES.length);
  });

  it.each([
    ['漏水', '厨房水管漏水应急处理'],
    ['厨房漏水', '厨房水管漏水应急处理'],
    ['装修押金', '装修押金退还'],
    ['停车 办理', '停车办理'],
    ['电梯困人', '电梯困人应急处理'],
    ['物业费', '物业费标准说明'],
    ['燃气', '闻到燃气味怎么办'],
  ])('Chinese search: %s finds %s first or near the top', async (q, title) => {
    const r = await search(q);
    expect(r.items.slice(0, 3).map((a) => a.title)).toContain(title);
  });

  it('finds nothing for unrelated text, and single characters work', async () => {
    expect((await search('火箭发射')).total).toBe(0);
    expect((await search('！！')).total).toBe(0);
    expect((await search('犬')).items.map((a) => a.title)).toContain('小区文明养犬');
  });

  it('suggests articles from the text of a ticket being written', async () => {
    const res = await t.request(
      'GET',
      `/api/kb/suggest?text=${encodeURIComponent('业主来电说厨房水槽下面的水管一直在漏水，楼下也开始渗水了')}`,
      { token: agent },
    );
    expect(res.statusCode, res.body).toBe(200);
    const titles = (res.json() as { items: Article[] }).items.map((a) => a.title);
    expect(titles[0]).toBe('厨房水管漏水应急处理');
    expect(titles.length).toBeLessThanOrEqual(5);
  });

  it('creates, versions, votes and counts use; agents cannot write', async () => {
    const denied = await t.request('POST', '/api/kb/articles', {
      token: agent,
      body: { category: '收费', title: '测试', body: '测试' },
    });
    expect(denied.statusCode).toBe(403);
    const created = await t.request('POST', '/api/kb/articles', {
      token: expert,
      body: {
        projectId: t.fixture.projectA,
        category: '设施',
        tags: ['充电桩'],
        title: '电动汽车充电桩安装申请',
        body: '业主安装私人充电桩，需提供车位产权或租赁证明、供电公司报装资料，经物业确认安装位置后施工。',
        visibility: 'public',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json() as Article;
    expect((await search('充电桩')).items[0]?.id).toBe(a.id);

    const edited = await t.request('PATCH', `/api/kb/articles/${a.id}`, {
      token: expert,
      body: { body: '安装私人充电桩请先到服务中心领取申请表。', version: a.version },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await t.request('PATCH', `/api/kb/articles/${a.id}`, {
      token: expert,
      body: { title: '改名', version: a.version },
    });
    expect(stale.statusCode).toBe(409);
    const versions = (
      await t.request('GET', `/api/kb/articles/${a.id}/versions`, { token: agent })
    ).json() as {
      items: { version: number; body: string }[];
    };
    expect(versions.items.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.items[0]?.body).toContain('供电公司');
    // The old words are no longer found; the new ones are.
    expect((await search('供电公司报装')).items.map((x) => x.id)).not.toContain(a.id);
    expect((await search('申请表')).items.map((x) => x.id)).toContain(a.id);

    const vote = async (helpful: boolean) =>
      (
        await t.request('POST', `/api/kb/articles/${a.id}/vote`, { token: agent, body: { helpful } })
      ).json() as Article;
    expect(await vote(true)).toMatchObject({ helpfulYes: 1, helpfulNo: 0 });
    expect(await vote(true)).toMatchObject({ helpfulYes: 1, helpfulNo: 0 });
    expect(await vote(false)).toMatchObject({ helpfulYes: 0, helpfulNo: 1 });
    const used = (
      await t.request('POST', `/api/kb/articles/${a.id}/use`, { token: agent })
    ).json() as Article;
    expect(used.uses).toBe(1);

    // Project A's article is invisible to project B's staff.
    const managerB = await t.login('manager_b');
    expect((await t.request('GET', `/api/kb/articles/${a.id}`, { token: managerB })).statusCode).toBe(404);
    // (Other articles may match through the synonyms of 充电桩 — 电动车, 电瓶车 — but never this one.)
    expect((await search('充电桩', managerB)).items.map((x) => x.id)).not.toContain(a.id);
  });

  it('publishes an expert’s answer to a ticket as an article', async () => {
    const admin = await t.login('admin');
    const question = await t.request('POST', '/api/tickets', {
      token: agent,
      body: {
        projectId: t.fixture.projectA,
        type: '咨询',
        residentId: t.fixture.residentsA[0],
        description: '阳台可以安装晾衣架外挑吗？',
      },
    });
    expect(question.statusCode, question.body).toBe(201);
    const q = question.json() as { id: number; version: number };
    const early = await t.request('POST', '/api/kb/articles/from-ticket', {
      token: admin,
      body: { ticketId: q.id, category: '装修' },
    });
    expect(early.statusCode).toBe(400);
    const answered = await t.request('POST', `/api/tickets/${q.id}/answer`, {
      token: admin,
      body: { version: q.version, answer: '不可以外挑，影响外立面统一和高空安全，可安装内嵌式升降晾衣架。' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const published = await t.request('POST', '/api/kb/articles/from-ticket', {
      token: expert,
      body: { ticketId: q.id, category: '装修', tags: ['晾衣架'], title: '阳台晾衣架安装规定' },
    });
    expect(published.statusCode, published.body).toBe(201);
    expect((await search('晾衣架')).items[0]).toMatchObject({ title: '阳台晾衣架安装规定' });
  });
});
