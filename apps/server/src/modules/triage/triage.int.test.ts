import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
let agent: string;
let lead: string;
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const ZHANG = '13812345678';
const WANG = '13912340001';

interface Clock {
  kind: string;
  state: string;
  calendar: string;
  startedAt: string;
}
interface Detail {
  id: number;
  type: string;
  priority: string;
  categoryPath: string | null;
  sla: { clocks: Clock[] };
  workOrders: { sla: { dispatchDueAt: string | null; clocks: Clock[] } }[];
}
interface Triage {
  type: string;
  urgency: string;
  confidentUrgent: boolean;
  categories: { id: number | null; path: string; confidence: number }[];
  reasons: string[];
  modelVersion: number;
}

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  lead = await t.login('lead_a');
});
afterAll(async () => t?.close());

async function ok<T>(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  token: string,
  body?: unknown,
  status = 200,
) {
  const res = await t.request(method, url, { token, body });
  expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(status);
  return res.json() as T;
}

async function portalLogin(phone: string): Promise<string> {
  expect((await t.request('POST', '/api/portal/auth/code', { body: { phone } })).statusCode).toBe(202);
  await t.services.queue.drain();
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const code = /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1];
  const login = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
  expect(login.statusCode, login.body).toBe(200);
  return (login.json() as { token: string }).token;
}

const portalReport = async (token: string, unitId: number, description: string) => {
  const res = await t.request('POST', '/api/portal/tickets', {
    token,
    body: { unitId, type: '报修', description },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
};

describe('智能分类 (triage)', () => {
  it('suggests type, urgency and the top 3 categories as the agent types', async () => {
    const s = await ok<Triage>('POST', '/api/triage', agent, {
      projectId: t.fixture.projectA,
      text: '厨房水管爆了,水漫到楼下了',
    });
    expect(s.type).toBe('报修');
    expect(s.urgency).toBe('urgent');
    expect(s.categories).toHaveLength(3);
    expect(s.categories[0]).toMatchObject({ path: '户内/水/水管爆裂' });
    expect(s.categories[0]!.id).toBeTypeOf('number');
    expect(s.reasons.join()).toContain('漫到楼下');
    const calm = await ok<Triage>('POST', '/api/triage', agent, {
      projectId: t.fixture.projectA,
      text: '没有燃气味,燃气灶打不着火',
    });
    expect(calm.urgency).toBe('normal');
    expect(calm.categories[0]!.path).toBe('户内/气/灶具无法点火');
    // Out of scope → 404; a missing text → 400 in the caller's language.
    expect(
      (
        await t.request('POST', '/api/triage', {
          token: agent,
          body: { projectId: t.fixture.projectB, text: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    const bad = await t.request('POST', '/api/triage', {
      token: agent,
      body: { projectId: t.fixture.projectA },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('a portal ticket "厨房水管爆了,水漫到楼下了" arrives as 报修 / 水 / 急 with the urgent clocks running and the 班长 alerted', async () => {
    const token = await portalLogin(ZHANG);
    const id = await portalReport(token, t.fixture.unitsA[0]!, '厨房水管爆了,水漫到楼下了');
    const d = await ok<Detail>('GET', `/api/tickets/${id}`, agent);
    expect(d.type).toBe('报修');
    expect(d.priority).toBe('急');
    expect(d.categoryPath).toBe('户内/水/水管爆裂');
    expect(d.sla.clocks.length).toBeGreaterThan(0);
    for (const c of d.sla.clocks) {
      expect(c.state).toBe('running');
      expect(Date.parse(c.startedAt)).toBe(MONDAY_10.getTime());
    }
    const calmId = await portalReport(await portalLogin(WANG), t.fixture.unitsA[1]!, '卧室纱窗破了个洞');
    const calm = await ok<Detail>('GET', `/api/tickets/${calmId}`, agent);
    expect(calm.priority).toBe('一般');
    // The urgent targets apply: the work order is due to be dispatched sooner than an ordinary one.
    const dispatchDue = (x: Detail) => Date.parse(x.workOrders[0]?.sla.dispatchDueAt ?? '');
    expect(dispatchDue(d)).toBeLessThan(dispatchDue(calm));
    // The ticket carries the suggestion, marked auto on the timeline.
    const { triage } = await ok<{ triage: { source: string; autoUrgent: boolean; suggestion: Triage } }>(
      'GET',
      `/api/tickets/${id}/triage`,
      agent,
    );
    expect(triage).toMatchObject({ source: 'portal', autoUrgent: true });
    expect(triage.suggestion.urgency).toBe('urgent');
    const timeline = await ok<{ items: { action: string; after: { auto?: boolean } }[] }>(
      'GET',
      `/api/tickets/${id}/events`,
      agent,
    );
    expect(timeline.items.find((e) => e.action === 'ticket.triage_auto_urgent')?.after.auto).toBe(true);
    const bell = await ok<{ items: { kind: string; ticketId: number }[] }>(
      'GET',
      '/api/notifications?pageSize=50',
      lead,
    );
    expect(bell.items).toContainEqual(expect.objectContaining({ kind: 'triage.urgent', ticketId: id }));
    const calmTriage = await ok<{ triage: { autoUrgent: boolean } }>(
      'GET',
      `/api/tickets/${calmId}/triage`,
      agent,
    );
    expect(calmTriage.triage.autoUrgent).toBe(false);
  });

  it('finds open tickets of the same building that look like the same problem, and links them', async () => {
    const unit = t.fixture.unitsA[0]!;
    const make = async (description: string) =>
      (
        await ok<{ id: number }>(
          'POST',
          '/api/tickets',
          agent,
          {
            projectId: t.fixture.projectA,
            type: '报修',
            unitId: unit,
            description,
          },
          201,
        )
      ).id;
    const a = await make('电梯异响,咯吱咯吱的');
    const b = await make('电梯有异响');
    const c = await make('楼上半夜很吵');
    const similar = await ok<{ items: { id: number; linked: boolean }[]; suggestIncident: boolean }>(
      'GET',
      `/api/tickets/${a}/similar`,
      agent,
    );
    const ids = similar.items.map((i) => i.id);
    expect(ids).toContain(b);
    expect(ids).not.toContain(c);
    expect(similar.suggestIncident).toBe(false);
    expect(await ok('POST', `/api/tickets/${a}/similar/link`, agent, { ticketIds: [b] })).toEqual({
      linked: 1,
    });
    const again = await ok<{ items: { id: number; linked: boolean }[] }>(
      'GET',
      `/api/tickets/${b}/similar`,
      agent,
    );
    expect(again.items.find((i) => i.id === a)?.linked).toBe(true);
    expect(
      (await t.request('POST', `/api/tickets/${a}/similar/link`, { token: agent, body: { ticketIds: [a] } }))
        .statusCode,
    ).toBe(400);
  });

  it('retrains from corrected tickets only, and rolls back', async () => {
    const text = '阳台那个排水口咕噜咕噜往上冒泡泡';
    const before = await ok<Triage>('POST', '/api/triage', agent, { projectId: t.fixture.projectA, text });
    expect(before.categories[0]!.path).not.toBe('户内/墙面地面/地砖空鼓开裂');
    const { items: categories } = await ok<{ items: { id: number; path: string }[] }>(
      'GET',
      `/api/ticket-categories?projectId=${t.fixture.projectA}`,
      agent,
    );
    const target = categories.find((c) => c.path === '户内/墙面地面/地砖空鼓开裂')!;
    // Five agents corrected the suggestion at intake (the category they chose is not the suggested one).
    for (let i = 0; i < 5; i++) {
      const { id } = await ok<{ id: number }>(
        'POST',
        '/api/tickets',
        agent,
        {
          projectId: t.fixture.projectA,
          type: '报修',
          unitId: t.fixture.unitsA[2],
          categoryId: target.id,
          description: text,
        },
        201,
      );
      const rec = await ok<{ corrected: boolean }>('POST', `/api/tickets/${id}/triage`, agent);
      expect(rec.corrected).toBe(true);
    }
    // An accepted suggestion is not a correction and teaches nothing.
    const { id: kept } = await ok<{ id: number }>(
      'POST',
      '/api/tickets',
      agent,
      {
        projectId: t.fixture.projectA,
        type: '报修',
        unitId: t.fixture.unitsA[2],
        categoryId: before.categories[0]!.id,
        description: text,
      },
      201,
    );
    expect((await ok<{ corrected: boolean }>('POST', `/api/tickets/${kept}/triage`, agent)).corrected).toBe(
      false,
    );
    expect((await t.request('POST', '/api/triage/models/retrain', { token: agent })).statusCode).toBe(403);
    const overview = await ok<{
      models: { id: number; version: number; active: boolean; correctedTickets: number }[];
    }>('POST', '/api/triage/models/retrain', admin, undefined, 201);
    expect(overview.models[0]).toMatchObject({ version: 2, active: true, correctedTickets: 5 });
    const after = await ok<Triage>('POST', '/api/triage', agent, { projectId: t.fixture.projectA, text });
    expect(after.categories[0]!.path).toBe('户内/墙面地面/地砖空鼓开裂');
    expect(after.modelVersion).toBe(2);
    const base = overview.models.find((m) => m.version === 1)!;
    await ok('POST', `/api/triage/models/${base.id}/activate`, admin, {});
    const rolled = await ok<Triage>('POST', '/api/triage', agent, { projectId: t.fixture.projectA, text });
    expect(rolled.modelVersion).toBe(1);
    expect(rolled.categories[0]!.path).toBe(before.categories[0]!.path);
  });

  it('the company edits its urgent phrases; a stale version is a 409', async () => {
    const added = await ok<{ id: number; version: number }>(
      'POST',
      '/api/triage/phrases',
      admin,
      { phrase: '马蜂窝', kind: 'life' },
      201,
    );
    expect(
      (
        await t.request('POST', '/api/triage/phrases', {
          token: admin,
          body: { phrase: '马蜂窝', kind: 'life' },
        })
      ).statusCode,
    ).toBe(409);
    const s = await ok<Triage>('POST', '/api/triage', agent, {
      projectId: t.fixture.projectA,
      text: '窗外有个大马蜂窝',
    });
    expect(s.urgency).toBe('urgent');
    await ok('PATCH', `/api/triage/phrases/${added.id}`, admin, { version: added.version, active: false });
    expect(
      (
        await t.request('PATCH', `/api/triage/phrases/${added.id}`, {
          token: admin,
          body: { version: added.version, active: true },
        })
      ).statusCode,
    ).toBe(409);
    const off = await ok<Triage>('POST', '/api/triage', agent, {
      projectId: t.fixture.projectA,
      text: '窗外有个大马蜂窝',
    });
    expect(off.urgency).not.toBe('urgent');
  });
});
