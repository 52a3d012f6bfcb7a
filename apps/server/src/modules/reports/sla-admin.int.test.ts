import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import {
  clock,
  leafCategory,
  MONDAY_10,
  minutesAfter,
  ok,
  onDuty,
  type TicketView,
  type WorkOrderView,
} from '../tickets/testing/helpers';

let t: TestServer;
let admin: string;
let agent: string;
let tech: string;
let lead: string;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  tech = await t.login('tech_a');
  lead = await t.login('lead_a');
  await onDuty(t, tech, t.fixture.users.tech_a);
});
afterAll(async () => t?.close());

const intake = (body: Record<string, unknown>) =>
  ok<TicketView>(
    t,
    'POST',
    '/api/tickets',
    agent,
    { projectId: t.fixture.projectA, unitId: t.fixture.unitsA[0], contactPhone: '13812345678', ...body },
    201,
  );

describe('SLA policies as data', () => {
  it('lists the product defaults with their Q-ids; a project setting changes them (Q31)', async () => {
    const list = await ok<{
      items: unknown[];
      defaults: { id: number; qids: string[]; targets: Record<string, { minutes?: number }> }[];
    }>(t, 'GET', `/api/sla-policies?projectId=${t.fixture.projectA}`, agent);
    expect(list.items).toEqual([]);
    const urgent = list.defaults.find((d) => d.id === -2)!;
    expect(urgent).toMatchObject({
      qids: ['Q31', 'Q33'],
      targets: { arrive: { minutes: 15 }, resolve: { minutes: 360 } },
    });
    await ok(t, 'PUT', '/api/settings/sla.urgentArriveMinutes', admin, {
      projectId: t.fixture.projectA,
      value: 20,
    });
    const ticket = await intake({ type: '报修', priority: '急', description: '总阀漏水' });
    expect(ticket.workOrders[0]!.sla.arriveDueAt).toBe(minutesAfter(MONDAY_10, 20));
    await ok(t, 'DELETE', `/api/settings/sla.urgentArriveMinutes?projectId=${t.fixture.projectA}`, admin);
  });

  it('a category policy of the project beats the default; editing it applies to new tickets', async () => {
    const lift = await leafCategory(t, agent, '公共区域/电梯/电梯困人');
    const created = await ok<{ id: number; version: number }>(
      t,
      'POST',
      '/api/sla-policies',
      admin,
      {
        projectId: t.fixture.projectA,
        name: '电梯困人 10 分钟到场',
        categoryId: lift,
        targets: { arrive: { minutes: 10, calendar: '24x7' } },
      },
      201,
    );
    const first = await intake({ type: '报修', priority: '急', categoryId: lift, description: '电梯困人' });
    expect(first.workOrders[0]!.sla.arriveDueAt).toBe(minutesAfter(MONDAY_10, 10));
    // The fix target still comes from the urgent default (6 h).
    expect(first.workOrders[0]!.sla.resolveDueAt).toBe(minutesAfter(MONDAY_10, 360));
    await ok(t, 'PUT', `/api/sla-policies/${created.id}`, admin, {
      version: created.version,
      targets: { arrive: { minutes: 8, calendar: '24x7' } },
    });
    const second = await intake({
      type: '报修',
      priority: '急',
      categoryId: lift,
      description: '电梯又困人',
    });
    expect(second.workOrders[0]!.sla.arriveDueAt).toBe(minutesAfter(MONDAY_10, 8));
    const stale = await t.request('PUT', `/api/sla-policies/${created.id}`, {
      token: admin,
      body: { version: created.version, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    // A scoped agent may read but not edit.
    expect(
      (await t.request('POST', '/api/sla-policies', { token: agent, body: { name: 'x', targets: {} } }))
        .statusCode,
    ).toBe(403);
  });

  it('calendars: lunch breaks, holidays and 调休 Saturdays drive complaint reply deadlines (Q50)', async () => {
    const day = [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ];
    const bad = await t.request('POST', '/api/calendars', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        name: '坏',
        timezone: 'Mars/Base',
        weekdays: [day, day, day, day, day, [], []],
      },
    });
    expect(bad.statusCode).toBe(400);
    await ok(
      t,
      'POST',
      '/api/calendars',
      admin,
      {
        projectId: t.fixture.projectA,
        name: '甲项目工作日',
        weekdays: [day, day, day, day, day, [], []],
        holidays: ['2026-11-24'],
        extraWorkdays: ['2026-11-28'],
        isDefault: true,
      },
      201,
    );
    const complaint = await intake({ type: '投诉', description: '保安态度差' });
    // 4 × 480 min from Mon 10:00: Mon 420, Tue holiday, Wed–Fri 1440, Sat (调休) 60 → Sat 10:00.
    expect(clock(complaint, 'reply').deadline).toBe('2026-11-28T02:00:00.000Z');
    const cals = await ok<{ items: { name: string; standardDayMinutes: number }[] }>(
      t,
      'GET',
      '/api/calendars',
      agent,
    );
    expect(cals.items.find((c) => c.name === '甲项目工作日')?.standardDayMinutes).toBe(480);
  });

  it('a calendar is deleted only at the version seen and only when no policy names it', async () => {
    const always = { projectId: t.fixture.projectA, always: true, weekdays: [[], [], [], [], [], [], []] };
    const spare = await ok<{ id: number }>(
      t,
      'POST',
      '/api/calendars',
      admin,
      { ...always, name: '备用' },
      201,
    );
    const used = await ok<{ id: number }>(
      t,
      'POST',
      '/api/calendars',
      admin,
      { ...always, name: '在用' },
      201,
    );
    const policy = await ok<{ id: number }>(
      t,
      'POST',
      '/api/sla-policies',
      admin,
      {
        projectId: t.fixture.projectA,
        name: '夜班',
        calendarId: used.id,
        targets: { arrive: { minutes: 30, calendar: 'business' } },
      },
      201,
    );
    const stale = await t.request('DELETE', `/api/calendars/${spare.id}?version=2`, { token: admin });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    const refused = await t.request('DELETE', `/api/calendars/${used.id}?version=1`, { token: admin });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: 'conflict', details: { policies: [{ id: policy.id }] } },
    });
    const gone = await t.request('DELETE', `/api/calendars/${spare.id}?version=1`, { token: admin });
    expect(gone.statusCode).toBe(204);
    expect((await t.request('GET', `/api/calendars/${spare.id}`, { token: admin })).statusCode).toBe(404);
    const noVersion = await t.request('DELETE', `/api/calendars/${used.id}`, { token: admin });
    expect(noVersion.statusCode).toBe(400);
  });
});

describe('first-contact answers and cancellation', () => {
  it('a complaint is resolved with the reply to the resident, approved by the 班长, which stops its reply clock (Q50)', async () => {
    const complaint = await intake({ type: '投诉', description: '夜间施工噪音' });
    const bare = await t.request('POST', `/api/tickets/${complaint.id}/resolve`, {
      token: agent,
      body: { version: complaint.version },
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ error: { details: { field: 'reply' } } });
    const submitted = await ok<TicketView & { reviewState: string | null }>(
      t,
      'POST',
      `/api/tickets/${complaint.id}/resolve`,
      agent,
      { version: complaint.version, reply: '已与施工方沟通，22:00 后停止作业' },
    );
    // W-09: the handling result waits for the 班长/主管 before the complaint resolves.
    expect(submitted).toMatchObject({ status: '处理中', reviewState: 'pending' });
    const resolved = await ok<TicketView & { answer: string | null }>(
      t,
      'POST',
      `/api/tickets/${complaint.id}/review`,
      lead,
      { version: submitted.version, approve: true },
    );
    expect(resolved.status).toBe('待回访');
    expect(resolved.answer).toBe('已与施工方沟通，22:00 后停止作业');
    expect(clock(resolved, 'reply').state).toBe('met');
  });

  it('咨询 is answered and closed at once; a 报修 cannot be', async () => {
    const q = await intake({ type: '咨询', description: '物业费怎么交' });
    const answered = await ok<TicketView & { answer: string }>(
      t,
      'POST',
      `/api/tickets/${q.id}/answer`,
      agent,
      {
        version: q.version,
        answer: '可在物业 APP 或前台缴纳',
      },
    );
    expect(answered).toMatchObject({ status: '已关闭', answer: '可在物业 APP 或前台缴纳' });
    const r = await intake({ type: '报修', description: '窗户关不上' });
    const refused = await t.request('POST', `/api/tickets/${r.id}/answer`, {
      token: agent,
      body: { version: r.version, answer: 'x' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: 'invalid_transition', details: { allowed: ['cancel'] } },
    });
    const cancelled = await ok<TicketView>(t, 'POST', `/api/tickets/${r.id}/cancel`, agent, {
      version: r.version,
      reason: '业主已自行修好',
    });
    expect(cancelled.status).toBe('已取消');
    expect(cancelled.workOrders.map((w) => w.status)).toEqual(['已取消']);
  });
});

describe('SLA report', () => {
  it('per type and category: totals, met/breached/open, business-minute durations, callbacks, satisfaction', async () => {
    const water = await leafCategory(t, agent, '户内/水/漏水');
    const ticket = await intake({ type: '报修', priority: '急', categoryId: water, description: '水管爆了' });
    let wo: WorkOrderView = ticket.workOrders[0]!;
    const step = async (action: string) => {
      wo = await ok<WorkOrderView>(t, 'POST', `/api/work-orders/${wo.id}/${action}`, tech, {
        version: wo.version,
      });
    };
    await step('accept');
    t.clock.set(new Date(MONDAY_10.getTime() + 12 * 60_000));
    await step('arrive');
    t.clock.set(new Date(MONDAY_10.getTime() + 42 * 60_000));
    await step('complete');
    const view = await ok<TicketView>(t, 'GET', `/api/tickets/${ticket.id}`, agent);
    await ok(t, 'POST', `/api/tickets/${ticket.id}/callback`, agent, {
      version: view.version,
      reached: true,
      satisfied: true,
      scores: { overall: 5, speed: 5, attitude: 4 },
    });
    const report = await ok<{
      totals: { total: number };
      groups: {
        type: string;
        category: string;
        total: number;
        met: number;
        open: number;
        arriveMinutes: { median: number };
        fixMinutes: { median: number };
        callbacks: { due: number; onTime: number };
        satisfaction: { average: number };
      }[];
    }>(t, 'GET', `/api/reports/sla?projectId=${t.fixture.projectA}&from=2026-11-01&to=2026-12-01`, lead);
    const group = report.groups.find((g) => g.type === '报修' && g.category === '水')!;
    expect(group).toMatchObject({
      total: 1,
      met: 1,
      open: 0,
      arriveMinutes: { median: 12 },
      fixMinutes: { median: 42 },
      callbacks: { due: 1, onTime: 1 },
      satisfaction: { average: 5 },
    });
    expect(report.totals.total).toBeGreaterThan(5);
    expect(
      (
        await t.request(
          'GET',
          `/api/reports/sla?projectId=${t.fixture.projectB}&from=2026-11-01&to=2026-12-01`,
          { token: lead },
        )
      ).statusCode,
    ).toBe(404);
  });
});
