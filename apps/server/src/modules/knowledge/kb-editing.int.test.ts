import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companies } from '../../platform/auth/schema';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { searchTextOf } from './rules/search-terms';
import { STANDARD_SYNONYMS } from './rules/synonyms';
import { kbArticles } from './schema';

let t: TestServer;
let agent: string;
let editor: string;
const ZHANG = '13812345678'; // a resident of project A

interface Article {
  id: number;
  title: string;
  status: 'draft' | 'published';
  visibility: string;
  version: number;
  publishedAt: string | null;
}

beforeAll(async () => {
  t = await createTestServer();
  agent = await t.login('agent_a');
  editor = await t.login('supervisor_a');
});
afterAll(async () => t?.close());

const create = async (body: Record<string, unknown>, token = editor) => {
  const res = await t.request('POST', '/api/kb/articles', { token, body: { category: '维修', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Article;
};
const titles = async (url: string, token: string) => {
  const res = await t.request('GET', url, { token });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { title: string }[] }).items.map((a) => a.title);
};

async function portalLogin(phone: string): Promise<string> {
  const sent = await t.request('POST', '/api/portal/auth/code', { body: { phone } });
  expect(sent.statusCode, sent.body).toBe(202);
  await t.services.queue.drain();
  const admin = await t.login('admin');
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const code = /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1];
  const login = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
  expect(login.statusCode, login.body).toBe(200);
  return (login.json() as { token: string }).token;
}

describe('article versions, publish and unpublish', () => {
  it('a draft is kept from searches until published, every step a version', async () => {
    const draft = await create({ title: '地下室积水抽排流程', body: '先断电再抽排', status: 'draft' });
    expect(draft).toMatchObject({ status: 'draft', version: 1, publishedAt: null });
    // Agents never see drafts; the editor does.
    expect(await titles('/api/kb/articles?q=积水抽排', agent)).not.toContain('地下室积水抽排流程');
    expect(await titles('/api/kb/articles?q=积水抽排', editor)).toContain('地下室积水抽排流程');
    expect((await t.request('GET', `/api/kb/articles/${draft.id}`, { token: agent })).statusCode).toBe(404);

    const edited = await t.request('PATCH', `/api/kb/articles/${draft.id}`, {
      token: editor,
      body: { body: '先断电，再用潜水泵抽排，通知住户挪车', version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await t.request('POST', `/api/kb/articles/${draft.id}/publish`, {
      token: editor,
      body: { version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const forbidden = await t.request('POST', `/api/kb/articles/${draft.id}/publish`, {
      token: agent,
      body: { version: 2 },
    });
    expect(forbidden.statusCode).toBe(403);
    const published = await t.request('POST', `/api/kb/articles/${draft.id}/publish`, {
      token: editor,
      body: { version: 2 },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      version: 3,
      publishedAt: expect.any(String),
    });
    expect(await titles('/api/kb/articles?q=积水抽排', agent)).toContain('地下室积水抽排流程');
    const again = await t.request('POST', `/api/kb/articles/${draft.id}/publish`, {
      token: editor,
      body: { version: 3 },
    });
    expect(again.statusCode).toBe(409);

    const unpublished = await t.request('POST', `/api/kb/articles/${draft.id}/unpublish`, {
      token: editor,
      body: { version: 3 },
    });
    expect(unpublished.json()).toMatchObject({ status: 'draft', version: 4 });
    expect(await titles('/api/kb/articles?q=积水抽排', agent)).not.toContain('地下室积水抽排流程');

    const versions = await t.request('GET', `/api/kb/articles/${draft.id}/versions`, { token: editor });
    const rows = (versions.json() as { items: { version: number; status: string; body: string }[] }).items;
    expect(rows.map((v) => [v.version, v.status])).toEqual([
      [1, 'draft'],
      [2, 'draft'],
      [3, 'published'],
      [4, 'draft'],
    ]);
    expect(rows[0]?.body).toBe('先断电再抽排');
    const events = await t.request('GET', `/api/events?entityType=kb_article&entityId=${draft.id}`, {
      token: await t.login('admin'),
    });
    expect((events.json() as { items: { action: string }[] }).items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['kb.article_published', 'kb.article_unpublished', 'kb.article_updated']),
    );
  });

  it('lists the categories in use with their counts', async () => {
    await create({ title: '绿化带修剪时间', body: '每月一次', category: '绿化' });
    const res = await t.request('GET', '/api/kb/categories', { token: agent });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: { name: string; articles: number }[] }).items).toContainEqual({
      name: '绿化',
      articles: 1,
    });
  });
});

describe('synonyms', () => {
  it('every company starts with the standard groups', async () => {
    const res = await t.request('GET', '/api/kb/synonyms', { token: agent });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: unknown[] }).items).toHaveLength(STANDARD_SYNONYMS.length);
  });

  it('水管爆了 finds the 爆管 and 漏水 articles, for staff and residents', async () => {
    const burst = await create({ title: '爆管应急处理', body: '关闭总阀，联系维修', visibility: 'public' });
    const leak = await create({ title: '卫生间漏水怎么办', body: '先关阀门再报修', visibility: 'public' });
    const found = await titles(`/api/kb/articles?q=${encodeURIComponent('水管爆了')}`, agent);
    expect(found).toEqual(expect.arrayContaining([burst.title, leak.title]));
    const resident = await portalLogin(ZHANG);
    const portal = await titles(`/api/portal/kb?q=${encodeURIComponent('水管爆了')}`, resident);
    expect(portal).toEqual(expect.arrayContaining([burst.title, leak.title]));
  });

  it('edits apply to the next search at once, with 409 on a stale version', async () => {
    await create({ title: '化粪池清掏安排', body: '每季度一次' });
    expect(await titles(`/api/kb/articles?q=${encodeURIComponent('马桶返臭')}`, agent)).not.toContain(
      '化粪池清掏安排',
    );
    const created = await t.request('POST', '/api/kb/synonyms', {
      token: editor,
      body: { terms: ['马桶返臭', '化粪池'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json() as { id: number; version: number };
    expect(await titles(`/api/kb/articles?q=${encodeURIComponent('马桶返臭')}`, agent)).toContain(
      '化粪池清掏安排',
    );

    const bad = await t.request('POST', '/api/kb/synonyms', {
      token: editor,
      body: { terms: ['化粪池', '化粪池'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await t.request('POST', '/api/kb/synonyms', { token: agent, body: { terms: ['aa', 'bb'] } }))
        .statusCode,
    ).toBe(403);
    const stale = await t.request('PUT', `/api/kb/synonyms/${group.id}`, {
      token: editor,
      body: { terms: ['马桶返臭', '清掏'], version: 9 },
    });
    expect(stale.statusCode).toBe(409);
    const updated = await t.request('PUT', `/api/kb/synonyms/${group.id}`, {
      token: editor,
      body: { terms: ['马桶返臭', '清掏'], version: 1 },
    });
    expect(updated.json()).toMatchObject({ terms: ['马桶返臭', '清掏'], version: 2 });
    const removed = await t.request('DELETE', `/api/kb/synonyms/${group.id}`, { token: editor });
    expect(removed.statusCode).toBe(204);
    expect(await titles(`/api/kb/articles?q=${encodeURIComponent('马桶返臭')}`, agent)).not.toContain(
      '化粪池清掏安排',
    );
  });
});

describe('portal knowledge base', () => {
  it('returns only public, published articles of the resident’s company and projects', async () => {
    const f = t.fixture;
    const shown = await create({
      title: '门禁卡补办流程',
      body: '携带身份证到服务中心',
      visibility: 'public',
    });
    await create({ title: '门禁卡内部权限说明', body: '内部', visibility: 'internal' });
    await create({ title: '门禁卡补办草稿', body: '草稿', visibility: 'public', status: 'draft' });
    const projectB = await create(
      { title: '门禁卡乙方大厦办理', body: '乙方', visibility: 'public', projectId: f.projectB },
      await t.login('admin'),
    );
    const projectA = await create({
      title: '门禁卡甲方小区办理',
      body: '甲方',
      visibility: 'public',
      projectId: f.projectA,
    });
    // Another company's public article on the same subject.
    const [other] = await t.services.database.db
      .insert(companies)
      .values({ name: '别家物业', code: 'other' })
      .returning();
    const a = {
      category: '门禁',
      tags: [],
      title: '门禁卡别家办理',
      body: '别家',
      visibility: 'public' as const,
    };
    await t.services.database.db
      .insert(kbArticles)
      .values({ ...a, companyId: other!.id, searchText: searchTextOf(a) });

    const resident = await portalLogin(ZHANG);
    const found = await titles(`/api/portal/kb?q=${encodeURIComponent('门禁卡')}`, resident);
    expect(found.sort()).toEqual([shown.title, projectA.title].sort());
    expect(found).not.toContain(projectB.title);
    const browse = await titles('/api/portal/kb?pageSize=100', resident);
    expect(browse).toContain(shown.title);
    expect(browse).not.toContain('门禁卡补办草稿');

    const one = await t.request('GET', `/api/portal/kb/${shown.id}`, { token: resident });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ title: shown.title, body: '携带身份证到服务中心' });
    expect(one.json()).not.toHaveProperty('uses');
    expect((await t.request('GET', `/api/portal/kb/${projectB.id}`, { token: resident })).statusCode).toBe(
      404,
    );
    // Staff sessions do not open the portal.
    expect((await t.request('GET', '/api/portal/kb', { token: agent })).statusCode).toBe(401);
  });
});
