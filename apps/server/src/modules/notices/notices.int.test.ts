import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let agent: string;
let lead: string;
let manager: string;
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const inDays = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000).toISOString();

interface Notice {
  id: number;
  version: number;
  status: string;
  expired: boolean;
  recipientCount: number;
  rejectReason: string | null;
}
interface Deliveries {
  items: { residentId: number; status: string; body: string; notBefore: string | null; channel: string }[];
  total: number;
  counts: { byStatus: Record<string, number>; byChannel: Record<string, number> };
}

beforeAll(async () => {
  t = await createTestServer();
  agent = await t.login('agent_a');
  lead = await t.login('lead_a');
  manager = await t.login('manager_a');
});
afterAll(async () => t?.close());
beforeEach(async () => {
  t.clock.set(MONDAY_10);
  await t.services.queue.drain();
});

const f = () => t.fixture;

async function draft(body: Record<string, unknown> = {}): Promise<Notice> {
  const res = await t.request('POST', '/api/notices', {
    token: agent,
    body: {
      projectId: f().projectA,
      type: '社区活动',
      title: '周末亲子活动',
      body: '尊敬的{{resident.name}}({{unit.label}}):本周六上午在中心花园举办亲子活动,欢迎参加。有效期至{{notice.expiresAt}}。',
      audience: { buildingIds: [f().buildingsA[0]] },
      expiresAt: inDays(7),
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Notice;
}

async function act(token: string, n: Notice, action: string, extra: Record<string, unknown> = {}) {
  return t.request('POST', `/api/notices/${n.id}/${action}`, {
    token,
    body: { version: n.version, ...extra },
  });
}

async function deliveries(id: number): Promise<Deliveries> {
  const res = await t.request('GET', `/api/notices/${id}/deliveries`, { token: agent });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Deliveries;
}

async function approved(body: Record<string, unknown> = {}): Promise<Notice> {
  let n = await draft(body);
  for (const [token, action, extra] of [
    [agent, 'submit', {}],
    [lead, 'review', { approve: true }],
    [manager, 'approve', { approve: true }],
  ] as const) {
    const res = await act(token, n, action, extra);
    expect(res.statusCode, `${action} ${res.body}`).toBe(200);
    n = res.json() as Notice;
  }
  expect(n.status).toBe('已批准');
  return n;
}

describe('notices', () => {
  it('W-30: 客服班长 reviews, 项目负责人 approves, then it goes out to the audience', async () => {
    let n = await draft();
    const early = await act(agent, n, 'publish');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'invalid_transition' } });
    n = (await act(agent, n, 'submit')).json() as Notice;
    expect(n.status).toBe('待审核');
    expect((await act(agent, n, 'review', { approve: true })).statusCode).toBe(403);
    n = (await act(lead, n, 'review', { approve: true })).json() as Notice;
    expect(n.status).toBe('待批准');
    expect((await act(lead, n, 'approve', { approve: true })).statusCode).toBe(403);
    n = (await act(manager, n, 'approve', { approve: true })).json() as Notice;
    expect(n.status).toBe('已批准');
    const published = await act(agent, n, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: '已发布', recipientCount: 2 });
    await t.services.queue.drain();
    const d = await deliveries(n.id);
    expect(d.items.map((x) => x.residentId).sort()).toEqual([f().residentsA[0], f().residentsA[1]].sort());
    expect(d.counts.byStatus).toEqual({ sent: 2 });
    expect(d.items.find((x) => x.residentId === f().residentsA[0])?.body).toBe(
      '尊敬的张伟(1-1-101):本周六上午在中心花园举办亲子活动,欢迎参加。有效期至3月9日 10:00。',
    );
  });

  it('sending back needs a reason and returns the notice to the author', async () => {
    let n = await draft();
    n = (await act(agent, n, 'submit')).json() as Notice;
    expect((await act(lead, n, 'review', { approve: false })).statusCode).toBe(400);
    const back = await act(lead, n, 'review', { approve: false, reason: '活动时间写错了' });
    expect(back.json()).toMatchObject({ status: '草稿', rejectReason: '活动时间写错了' });
    n = back.json() as Notice;
    const edited = await t.request('PATCH', `/api/notices/${n.id}`, {
      token: agent,
      body: { version: n.version, title: '周六亲子活动' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    n = (await act(agent, edited.json() as Notice, 'submit')).json() as Notice;
    const locked = await t.request('PATCH', `/api/notices/${n.id}`, {
      token: agent,
      body: { version: n.version, title: 'x' },
    });
    expect(locked.statusCode).toBe(409);
    const stale = await act(lead, { ...n, version: 1 }, 'review', { approve: true });
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
  });

  it('emergencies publish without approval and bypass quiet hours; others wait for 08:00 (Q07)', async () => {
    t.clock.set(new Date('2026-03-02T22:30:00+08:00'));
    const normal = await approved({ title: '明早电梯保养' });
    const urgent = await draft({ type: '停水停电', urgent: true, title: '紧急停水' });
    expect((await act(agent, urgent, 'publish')).statusCode).toBe(200);
    expect((await act(agent, normal, 'publish')).statusCode).toBe(200);
    await t.services.queue.drain();
    expect((await deliveries(urgent.id)).counts.byStatus).toEqual({ sent: 2 });
    const waiting = await deliveries(normal.id);
    expect(waiting.counts.byStatus).toEqual({ deferred: 2 });
    expect(waiting.items[0]?.notBefore).toBe(new Date('2026-03-03T08:00:00+08:00').toISOString());
    t.clock.set(new Date('2026-03-03T08:01:00+08:00'));
    await t.services.queue.drain();
    expect((await deliveries(normal.id)).counts.byStatus).toEqual({ sent: 2 });
  });

  it('a scheduled notice goes out at its time', async () => {
    const n = await approved({ publishAt: inDays(1), expiresAt: inDays(5), title: '定时通知' });
    await act(agent, n, 'publish');
    await t.services.queue.drain();
    expect((await deliveries(n.id)).counts.byStatus).toEqual({ pending: 2 });
    t.clock.advanceMinutes(24 * 60 + 1);
    await t.services.queue.drain();
    expect((await deliveries(n.id)).counts.byStatus).toEqual({ sent: 2 });
  });

  it('withdrawing a published notice stops what has not gone out yet', async () => {
    const n = await approved({ publishAt: inDays(1), expiresAt: inDays(5), title: '撤回测试' });
    const published = (await act(agent, n, 'publish')).json() as Notice;
    const withdrawn = await act(agent, published, 'withdraw');
    expect(withdrawn.json()).toMatchObject({ status: '已撤回' });
    t.clock.advanceMinutes(24 * 60 + 1);
    await t.services.queue.drain();
    expect((await deliveries(n.id)).counts.byStatus).toEqual({ cancelled: 2 });
  });

  it('expiry hides a notice (Q71) and an expired one cannot be published', async () => {
    const n = await approved({ expiresAt: inDays(1), title: '短期通知' });
    const ids = async (q = '') =>
      (
        (await t.request('GET', `/api/notices?pageSize=200${q}`, { token: agent })).json() as {
          items: Notice[];
        }
      ).items;
    expect((await ids()).map((x) => x.id)).toContain(n.id);
    t.clock.advanceMinutes(2 * 24 * 60);
    expect((await ids()).map((x) => x.id)).not.toContain(n.id);
    expect((await ids('&includeExpired=true')).find((x) => x.id === n.id)).toMatchObject({ expired: true });
    const late = await act(agent, n, 'publish');
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ error: { details: { expiresAt: expect.any(String) } } });
  });

  it('audiences: VIP only, tags, an explicit list; refuses strays, unknown variables, Q70 and Q65 violations', async () => {
    const vip = await draft({ urgent: true, type: '安全提示', audience: { vipOnly: true } });
    expect((await act(agent, vip, 'publish')).json()).toMatchObject({ recipientCount: 1 });
    // Read receipts from the portal show as a count in the console list.
    await t.services.database.query(
      'insert into notice_reads (notice_id, resident_id, read_at) values ($1, $2, now())',
      [vip.id, f().residentsA[1]],
    );
    const listed = (await t.request('GET', '/api/notices?pageSize=200', { token: agent })).json() as {
      items: { id: number; readCount: number }[];
    };
    expect(listed.items.find((x) => x.id === vip.id)?.readCount).toBe(1);
    const list = await draft({
      urgent: true,
      type: '安全提示',
      audience: { residentIds: [f().residentsA[2]] },
    });
    expect((await act(agent, list, 'publish')).json()).toMatchObject({ recipientCount: 1 });
    const tagged = await draft({ urgent: true, type: '安全提示', audience: { tags: ['独居老人'] } });
    expect((await act(agent, tagged, 'publish')).json()).toMatchObject({ recipientCount: 0 });

    const post = (body: Record<string, unknown>) =>
      t.request('POST', '/api/notices', {
        token: agent,
        body: {
          projectId: f().projectA,
          type: '一般通知',
          title: 'x',
          body: 'x',
          expiresAt: inDays(3),
          ...body,
        },
      });
    const stray = await post({ audience: { residentIds: [f().residentsB[0]] } });
    expect(stray.statusCode).toBe(400);
    expect(stray.json()).toMatchObject({ error: { details: { residentIds: [f().residentsB[0]] } } });
    const typo = await post({ body: '{{resident.nmae}}您好' });
    expect(typo.json()).toMatchObject({ error: { details: { variables: ['resident.nmae'] } } });
    const works = await post({ type: '施工公告' });
    expect(works.statusCode).toBe(400);
    expect(Object.keys((works.json() as { error: { details: object } }).error.details).sort()).toEqual([
      'eventEndsAt',
      'eventStartsAt',
      'location',
    ]);
    const drill = await post({ type: '消防演练', eventStartsAt: inDays(2) });
    expect(drill.json()).toMatchObject({
      error: { details: { eventStartsAt: expect.stringContaining('Q65') } },
    });
    const noExpiry = await post({ expiresAt: undefined });
    expect(noExpiry.statusCode).toBe(400);

    const log = await t.request('GET', '/api/deliveries?sourceType=notice&pageSize=5', { token: agent });
    expect(log.statusCode).toBe(200);
    expect((log.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });
});
