import type { AnalyticsDashboard, AnalyticsDrillList, BigScreen, HealthLeague } from '@guanjia/shared/api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArrayBuffer } from '../../platform/http/xlsx';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok, type TicketView } from '../tickets/testing/helpers';
import { sendDigests } from './digest';
import { refreshAllRollups } from './jobs';
import { allDashboards } from './registry';
import './dashboards';

// A day of scenario-clock activity on project A, then: every card's drill list totals its value, the
// rollup equals the raw counts, the exports parse back, the digest goes out once at 08:00.
let t: TestServer;
let admin: string;
let agent: string;
let supervisor: string;
let elevator: TicketView;
const range = 'from=2026-11-23&to=2026-11-23';

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  supervisor = await t.login('supervisor_a');
  const f = t.fixture;
  const post = (body: Record<string, unknown>) =>
    ok<TicketView>(t, 'POST', '/api/tickets', agent, { projectId: f.projectA, ...body }, 201);
  elevator = await post({
    type: '报修',
    priority: '急',
    unitId: f.unitsA[1],
    categoryId: await leafCategory(t, agent, '公共区域/电梯/电梯困人'),
    description: '2号楼电梯困人',
    contactPhone: '13912340001',
  });
  await post({ type: '报修', unitId: f.unitsA[0], description: '厨房水管漏水', contactPhone: '13912340002' });
  await post({ type: '投诉', contactPhone: '13912340003', description: '楼上装修噪音' });
  await post({ type: '咨询', contactPhone: '13912340004', description: '物业费怎么交' });
  // The front desk's morning, through its own API: a visitor and a parcel (the desk dashboard's cards).
  await ok(
    t,
    'POST',
    '/api/visitor-passes',
    admin,
    {
      projectId: f.projectA,
      unitId: f.unitsA[0],
      visitorName: '访客甲',
    },
    201,
  );
  await ok(
    t,
    'POST',
    '/api/parcels',
    admin,
    {
      projectId: f.projectA,
      unitId: f.unitsA[1],
      carrier: '顺丰',
      shelf: 'A-01',
    },
    201,
  );
  // The rest of the morning passes: the urgent repair's dispatch and arrive targets run out.
  t.clock.set(new Date(MONDAY_10.getTime() + 90 * 60_000));
  await t.services.queue.drain();
});
afterAll(async () => t?.close());

const dashboard = (key: string, token = admin, projectId = t.fixture.projectA) =>
  ok<AnalyticsDashboard>(t, 'GET', `/api/analytics/${key}?projectId=${projectId}&${range}`, token);

describe('analytics dashboards', () => {
  it('every card of every dashboard: the drill list totals exactly the card value', async () => {
    expect(allDashboards().map((d) => d.key)).toEqual(
      expect.arrayContaining([
        'service',
        'callcenter',
        'people',
        'money',
        'operations',
        'emergencies',
        'quality',
        'residents',
        'desk',
      ]),
    );
    for (const def of allDashboards()) {
      const d = await dashboard(def.key);
      expect(d.cards.length).toBe(def.cards.length);
      for (const card of d.cards) {
        const qs = new URLSearchParams({ ...card.drill.query, pageSize: '200' }).toString();
        const list = await ok<AnalyticsDrillList>(t, 'GET', `${card.drill.path}?${qs}`, admin);
        expect(list.total, `${def.key}.${card.key}`).toBe(card.value);
        expect(list.items.length, `${def.key}.${card.key}`).toBe(Math.min(card.value, 200));
        if (card.base) expect(card.rate).toBe(card.base.value ? card.value / card.base.value : null);
      }
    }
  });

  it('counts the front desk: one visitor, one parcel waiting', async () => {
    const d = await dashboard('desk');
    const value = (key: string) => d.cards.find((c) => c.key === key)?.value;
    expect(value('visitors')).toBe(1);
    expect(value('parcels')).toBe(1);
    expect(value('parcels_picked')).toBe(0);
  });
  it('counts the day by hand: four tickets, one complaint, one consultation, the elevator breached', async () => {
    const d = await dashboard('service', supervisor);
    const v = (key: string) => d.cards.find((c) => c.key === key);
    expect(v('intake')?.value).toBe(4);
    expect(v('complaints')?.value).toBe(1);
    expect(v('consultations')?.value).toBe(1);
    const breached = v('breached');
    expect(breached?.value).toBeGreaterThanOrEqual(1);
    const qs = new URLSearchParams(breached?.drill.query).toString();
    const list = await ok<AnalyticsDrillList>(t, 'GET', `${breached?.drill.path}?${qs}`, supervisor);
    expect(list.items.map((i) => i.number)).toContain(elevator.number);
    // Nothing was rated yet: satisfaction is "no data", not 0 %.
    expect(v('satisfied')?.rate).toBeNull();
    const intake = d.series.find((s) => s.key === 'intake_by_day');
    expect(intake?.categories).toEqual(['2026-11-23']);
    expect(intake?.data.reduce((s, x) => s + (x.values[0] ?? 0), 0)).toBe(4);
  });

  it('hides a dashboard whose module the caller cannot read, and another project', async () => {
    const tech = await t.login('tech_a');
    expect(
      (await t.request('GET', `/api/analytics/money?projectId=${t.fixture.projectA}`, { token: tech }))
        .statusCode,
    ).toBe(403);
    const other = await t.request('GET', `/api/analytics/service?projectId=${t.fixture.projectB}`, {
      token: supervisor,
    });
    expect(other.statusCode).toBe(404);
    const bad = await t.request(
      'GET',
      `/api/analytics/service?projectId=${t.fixture.projectA}&from=2026-11-24&to=2026-11-01`,
      {
        token: supervisor,
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('exports the dashboard and a drill list to Excel, parsed back', async () => {
    const res = await t.request(
      'GET',
      `/api/analytics/service?projectId=${t.fixture.projectA}&${range}&format=xlsx`,
      {
        token: admin,
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(res.rawPayload));
    const sheet = wb.getWorksheet('指标');
    expect(sheet?.getRow(2).getCell(1).value).toBe('受理量');
    expect(sheet?.getRow(2).getCell(2).value).toBe(4);
    const drill = await t.request(
      'GET',
      `/api/analytics/service/drill/intake?projectId=${t.fixture.projectA}&${range}&format=xlsx`,
      { token: admin },
    );
    expect(drill.headers['x-total-count']).toBe('4');
    const dw = new ExcelJS.Workbook();
    await dw.xlsx.load(toArrayBuffer(drill.rawPayload));
    expect(dw.worksheets[0]?.rowCount).toBe(5);
  });

  it('answers an English console in English: titles, cards, charts, drill columns and the workbook', async () => {
    const headers = { 'accept-language': 'en' };
    const url = `/api/analytics/service?projectId=${t.fixture.projectA}&${range}`;
    const res = await t.request('GET', url, { token: admin, headers });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as AnalyticsDashboard;
    const cjk = /[\u4e00-\u9fa5]/;
    expect(d.title).toBe('Service and tickets');
    expect(d.cards.find((c) => c.key === 'intake')?.label).toBe('Tickets received');
    expect(
      [...d.cards.map((c) => c.label), ...d.series.map((s) => s.label)].filter((l) => cjk.test(l)),
    ).toEqual([]);
    const drill = await t.request(
      'GET',
      `/api/analytics/service/drill/intake?projectId=${t.fixture.projectA}&${range}`,
      { token: admin, headers },
    );
    expect((drill.json() as AnalyticsDrillList).columns.map((c) => c.label)).toContain('Ticket no.');
    const xlsx = await t.request('GET', `${url}&format=xlsx`, { token: admin, headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(xlsx.rawPayload));
    expect(wb.getWorksheet('Indicator')?.getRow(2).getCell(1).value).toBe('Tickets received');
  });

  it('renders the monthly PDF with charts', async () => {
    const res = await t.request(
      'GET',
      `/api/reports/monthly.pdf?projectId=${t.fixture.projectA}&month=2026-11`,
      {
        token: supervisor,
      },
    );
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // The charts are embedded as images.
    expect(res.rawPayload.toString('latin1')).toContain('/Subtype /Image');
  });

  it('shows the big screen and the health league (project B has no data, not 0)', async () => {
    const screen = await ok<BigScreen>(
      t,
      'GET',
      `/api/analytics/screen?projectId=${t.fixture.projectA}`,
      supervisor,
    );
    expect(screen.ticketsToday).toBe(4);
    expect(screen.buildings.length).toBeGreaterThan(0);
    const league = await ok<HealthLeague>(t, 'GET', `/api/analytics/health?${range}`, admin);
    const rows = league.regions.flatMap((r) => r.projects);
    expect(rows.map((r) => r.projectId).sort()).toEqual([t.fixture.projectA, t.fixture.projectB].sort());
    expect(rows.find((r) => r.projectId === t.fixture.projectB)?.score).toBeNull();
    expect(rows.find((r) => r.projectId === t.fixture.projectA)?.score).not.toBeNull();
  });
});

describe('rollup = raw counts', () => {
  it('after the day settles, the rolled-up day equals the raw counts and the chart reads it', async () => {
    t.clock.set(new Date('2026-11-26T10:00:00+08:00'));
    admin = await t.login('admin');
    expect(await refreshAllRollups(t.services, t.clock.now())).toBeGreaterThan(0);
    const rolled = await t.services.database.query<{ metric: string; dim: string; count: number }>(
      `select metric, dim, count from analytics_day_counts where project_id = $1 and day = '2026-11-23' order by 1, 2`,
      [t.fixture.projectA],
    );
    const raw = await t.services.database.query<{ metric: string; dim: string; count: number }>(
      `select 'intake.channel' as metric, channel as dim, count(*)::int as count from tickets
        where project_id = $1 and to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') = '2026-11-23' group by 2
       union all
       select 'intake.type', type, count(*)::int from tickets
        where project_id = $1 and to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') = '2026-11-23' group by 2
       order by 1, 2`,
      [t.fixture.projectA],
    );
    expect(rolled.map((r) => [r.metric, r.dim, Number(r.count)])).toEqual(
      raw.map((r) => [r.metric, r.dim, Number(r.count)]),
    );
    // A ticket written into the rolled day afterwards is caught by the next night's redo of recent days.
    const d = await dashboard('service');
    expect(
      d.series.find((s) => s.key === 'intake_by_day')?.data.reduce((s, x) => s + (x.values[0] ?? 0), 0),
    ).toBe(4);
    // Running again changes nothing.
    await refreshAllRollups(t.services, t.clock.now());
    const again = await t.services.database.query<{ n: number }>(
      `select sum(count)::int as n from analytics_day_counts where project_id = $1 and metric = 'intake.type'`,
      [t.fixture.projectA],
    );
    expect(Number(again[0]?.n)).toBe(4);
  });
});

describe('daily digest', () => {
  it('goes to the managers at 08:00 project time, once', async () => {
    const at8 = new Date('2026-11-24T08:00:00+08:00');
    expect(await sendDigests(t.services, new Date('2026-11-24T07:00:00+08:00'))).toBe(0);
    const sent = await sendDigests(t.services, at8);
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(await sendDigests(t.services, at8)).toBe(0);
    const rows = await t.services.database.query<{ user_id: number; body: string }>(
      "select user_id, body from notifications where kind = 'analytics.digest' and project_id = $1",
      [t.fixture.projectA],
    );
    const ids = rows.map((r) => Number(r.user_id));
    expect(ids).toEqual(expect.arrayContaining([t.fixture.users.manager_a, t.fixture.users.supervisor_a]));
    expect(rows[0]?.body).toContain('2026-11-23：受理 4 单');
  });
});
