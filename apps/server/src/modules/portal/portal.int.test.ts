import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
let agent: string;
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const ZHANG = '13812345678';
const WANG = '13912340001';

interface MyTicket {
  id: number;
  status: string;
  urgeCount: number;
  rating: unknown;
  timeline: { action: string; byResident: boolean }[];
}

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
});
afterAll(async () => t?.close());

/** The code as the `log` provider recorded it: what the demo reads from the console's delivery log. */
async function lastCode(phone: string): Promise<string | null> {
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const hit = items.find((d) => d.recipient === `+86${phone}`);
  return hit ? (/验证码为(\d{6})/.exec(hit.body)?.[1] ?? null) : null;
}

async function portalLogin(phone: string): Promise<string> {
  const sent = await t.request('POST', '/api/portal/auth/code', { body: { phone } });
  expect(sent.statusCode, sent.body).toBe(202);
  await t.services.queue.drain();
  const code = await lastCode(phone);
  expect(code).toMatch(/^\d{6}$/);
  const res = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { token: string }).token;
}

const report = (token: string, body: Record<string, unknown>) =>
  t.request('POST', '/api/portal/tickets', {
    token,
    body: { unitId: t.fixture.unitsA[0], type: '报修', description: '厨房水龙头漏水', ...body },
  });

describe('resident portal', () => {
  it('logs in with a one-time code sent by SMS; wrong codes are throttled; sessions are separate from staff', async () => {
    const unknown = await t.request('POST', '/api/portal/auth/code', { body: { phone: '13500009999' } });
    expect(unknown.statusCode).toBe(202);
    expect(await lastCode('13500009999')).toBeNull();
    expect(
      (await t.request('POST', '/api/portal/auth/code', { body: { phone: '021-68881234' } })).statusCode,
    ).toBe(400);

    await t.request('POST', '/api/portal/auth/code', { body: { phone: WANG } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/api/portal/auth/login', {
        body: { phone: WANG, code: '000000' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const burnt = await lastCode(WANG);
    const after = await t.request('POST', '/api/portal/auth/login', { body: { phone: WANG, code: burnt } });
    expect(after.statusCode).toBe(401);

    const token = await portalLogin(ZHANG);
    const me = await t.request('GET', '/api/portal/me', { token });
    expect(me.json()).toMatchObject({
      phone: `+86${ZHANG}`,
      residents: [{ id: t.fixture.residentsA[0], name: '张伟' }],
      units: [{ id: t.fixture.unitsA[0], label: '1-1-101', relation: '业主' }],
    });
    expect((await t.request('GET', '/api/tickets', { token })).statusCode).toBe(401);
    expect((await t.request('GET', '/api/portal/me', { token: agent })).statusCode).toBe(401);
    const reuse = await t.request('POST', '/api/portal/auth/login', {
      body: { phone: ZHANG, code: await lastCode(ZHANG) },
    });
    expect(reuse.statusCode).toBe(401);
  });

  it('reports through the intake (channel portal), with the abuse guard, and urges with a rate limit', async () => {
    const token = await portalLogin(ZHANG);
    const res = await report(token, {});
    expect(res.statusCode, res.body).toBe(201);
    const mine = res.json() as MyTicket;
    expect(mine.status).toBe('待受理');
    const staffView = await t.request('GET', `/api/tickets/${mine.id}`, { token: agent });
    expect(staffView.json()).toMatchObject({ channel: 'portal', residentId: t.fixture.residentsA[0] });

    const dup = await report(token, { description: ' 厨房水龙头漏水 ' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ error: { code: 'duplicate_report' } });
    const notMine = await report(token, { unitId: t.fixture.unitsA[1], description: '别人家' });
    expect(notMine.statusCode).toBe(400);
    await t.request('PUT', '/api/settings/portal.maxTicketsPerDay', {
      token: admin,
      body: { projectId: t.fixture.projectA, value: 2 },
    });
    expect((await report(token, { type: '建议', description: '建议增加充电桩' })).statusCode).toBe(201);
    const limited = await report(token, { type: '投诉', description: '夜间噪音' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'daily_limit' } });

    const urge = await t.request('POST', `/api/portal/tickets/${mine.id}/urge`, { token });
    expect(urge.json()).toEqual({ urgeCount: 1 });
    const again = await t.request('POST', `/api/portal/tickets/${mine.id}/urge`, { token });
    expect(again.statusCode).toBe(429);
    t.clock.advanceMinutes(31);
    expect((await t.request('POST', `/api/portal/tickets/${mine.id}/urge`, { token })).json()).toEqual({
      urgeCount: 2,
    });
    const staffEvents = await t.request('GET', `/api/tickets/${mine.id}/events`, { token: agent });
    const urged = (staffEvents.json() as { items: { action: string; source: string }[] }).items.filter(
      (e) => e.action === 'ticket.urged',
    );
    expect(urged).toHaveLength(2);
    expect(urged[0]?.source).toBe('channel');

    const list = await t.request('GET', '/api/portal/tickets', { token });
    expect((list.json() as { total: number }).total).toBe(2);
    const wang = await portalLogin(WANG);
    expect((await t.request('GET', `/api/portal/tickets/${mine.id}`, { token: wang })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/portal/tickets/${mine.id}/urge`, { token: wang })).statusCode).toBe(
      404,
    );
    await t.request('DELETE', `/api/settings/portal.maxTicketsPerDay?projectId=${t.fixture.projectA}`, {
      token: admin,
    });
  });

  it('rates finished work once (immutable), reopens within 7 days, and shows a timeline without internals', async () => {
    const token = await portalLogin(WANG);
    const created = await t.request('POST', '/api/portal/tickets', {
      token,
      body: { unitId: t.fixture.unitsA[1], type: '表扬', description: '保安小李很负责' },
    });
    const mine = created.json() as MyTicket & { version?: number };
    const early = await t.request('POST', `/api/portal/tickets/${mine.id}/rate`, {
      token,
      body: { overall: 5, speed: 5, attitude: 5 },
    });
    expect(early.statusCode).toBe(409);
    const staff = (await t.request('GET', `/api/tickets/${mine.id}`, { token: agent })).json() as {
      version: number;
    };
    const answered = await t.request('POST', `/api/tickets/${mine.id}/answer`, {
      token: agent,
      body: { version: staff.version, answer: '已转达表扬(内部:奖励50元)' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const rated = await t.request('POST', `/api/portal/tickets/${mine.id}/rate`, {
      token,
      body: { overall: 5, speed: 4, attitude: 5, comment: '回复很快' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({
      rating: { overall: 5, speed: 4, attitude: 5, comment: '回复很快' },
    });
    const twice = await t.request('POST', `/api/portal/tickets/${mine.id}/rate`, {
      token,
      body: { overall: 1, speed: 1, attitude: 1 },
    });
    expect(twice.json()).toMatchObject({ error: { code: 'already_rated' } });
    const detail = (await t.request('GET', `/api/portal/tickets/${mine.id}`, { token })).json() as MyTicket;
    expect(JSON.stringify(detail)).not.toContain('内部');
    expect(detail.timeline.map((e) => e.action)).toEqual([
      'ticket.created',
      'ticket.answered',
      'ticket.rated',
    ]);

    const reopened = await t.request('POST', `/api/portal/tickets/${mine.id}/reopen`, {
      token,
      body: { reason: '还想补充' },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: '处理中' });
    const v = (
      (await t.request('GET', `/api/tickets/${mine.id}`, { token: agent })).json() as { version: number }
    ).version;
    await t.request('POST', `/api/tickets/${mine.id}/answer`, {
      token: agent,
      body: { version: v, answer: '好的' },
    });
    t.clock.advanceMinutes(8 * 24 * 60);
    const late = await t.request('POST', `/api/portal/tickets/${mine.id}/reopen`, {
      token,
      body: { reason: '再开' },
    });
    expect(late.statusCode).toBe(409);
  });

  it('shows my notices with an unread badge and read receipts, hides expired ones, and lists incidents for my units', async () => {
    const token = await portalLogin(ZHANG);
    const expiresAt = new Date(t.clock.now().getTime() + 2 * 86_400_000).toISOString();
    const notice = await t.request('POST', '/api/notices', {
      token: agent,
      body: {
        projectId: t.fixture.projectA,
        type: '安全提示',
        urgent: true,
        title: '寒潮预警',
        body: '{{resident.name}}您好,请做好水管防冻。',
        audience: { buildingIds: [t.fixture.buildingsA[0]] },
        expiresAt,
      },
    });
    const n = notice.json() as { id: number; version: number };
    expect(
      (
        await t.request('POST', `/api/notices/${n.id}/publish`, {
          token: agent,
          body: { version: n.version },
        })
      ).statusCode,
    ).toBe(200);
    const list = await t.request('GET', '/api/portal/notices', { token });
    expect(list.json()).toMatchObject({
      unread: 1,
      items: [{ id: n.id, title: '寒潮预警', body: '张伟您好,请做好水管防冻。', read: false }],
    });
    expect((await t.request('POST', `/api/portal/notices/${n.id}/read`, { token })).json()).toEqual({
      read: true,
    });
    expect((await t.request('GET', '/api/portal/notices', { token })).json()).toMatchObject({ unread: 0 });

    const incident = await t.request('POST', '/api/incidents', {
      token: agent,
      body: {
        projectId: t.fixture.projectA,
        kind: '停水',
        emergency: true,
        title: '1号楼停水',
        buildingIds: [t.fixture.buildingsA[0]],
        residentText: '{{unit.label}}停水抢修中',
      },
    });
    expect(incident.statusCode).toBe(201);
    const mine = await t.request('GET', '/api/portal/incidents', { token });
    expect(mine.json()).toMatchObject({ items: [{ kind: '停水', text: '1-1-101停水抢修中' }] });
    const li = await portalLogin('13912340001');
    expect((await t.request('GET', '/api/portal/incidents', { token: li })).json()).toMatchObject({
      items: [{ kind: '停水' }],
    });

    // Subscriptions: 张伟 does not want activity notices; an emergency still reaches him.
    const subs = await t.request('PUT', '/api/portal/subscriptions', {
      token,
      body: { optOut: ['社区活动'] },
    });
    expect(subs.json()).toEqual({ optOut: ['社区活动'] });
    expect((await t.request('GET', '/api/portal/subscriptions', { token })).json()).toEqual({
      optOut: ['社区活动'],
    });
    const activity = (urgent: boolean) =>
      t.request('POST', '/api/notices', {
        token: agent,
        body: {
          projectId: t.fixture.projectA,
          type: '社区活动',
          urgent,
          title: urgent ? '紧急活动变更' : '周末活动',
          body: 'x',
          audience: { buildingIds: [t.fixture.buildingsA[0]] },
          expiresAt,
        },
      });
    const urgent = (await activity(true)).json() as { id: number; version: number };
    const sentUrgent = await t.request('POST', `/api/notices/${urgent.id}/publish`, {
      token: agent,
      body: { version: urgent.version },
    });
    expect(sentUrgent.json()).toMatchObject({ recipientCount: 2 });
    const lead = await t.login('lead_a');
    const manager = await t.login('manager_a');
    const draft = (await activity(false)).json() as { id: number; version: number };
    let version = draft.version;
    for (const [who, action, extra] of [
      [agent, 'submit', {}],
      [lead, 'review', { approve: true }],
      [manager, 'approve', { approve: true }],
    ] as const) {
      const res = await t.request('POST', `/api/notices/${draft.id}/${action}`, {
        token: who,
        body: { version, ...extra },
      });
      version = (res.json() as { version: number }).version;
    }
    const sent = await t.request('POST', `/api/notices/${draft.id}/publish`, {
      token: agent,
      body: { version },
    });
    expect(sent.json()).toMatchObject({ recipientCount: 1 });

    t.clock.advanceMinutes(3 * 24 * 60);
    expect((await t.request('GET', '/api/portal/notices', { token })).json()).toMatchObject({
      total: 0,
      unread: 0,
    });
  });
});
