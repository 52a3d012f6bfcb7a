import type {
  CampaignResults,
  InspectionDetail,
  QualityReport,
  Rectification,
  RectificationDetail,
  ScoreSheet,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArrayBuffer } from '../../platform/http/xlsx';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { departments } from '../complaints/schema';
import { projects } from '../org/schema';

let t: TestServer;
let qa: string;
let manager: string;
let head: string;
let tech: string;
let other: string;
let dept: number;
// Monday 08:00 in Shanghai: a working day for the 9S plan.
const T0 = new Date('2026-12-07T08:00:00+08:00');

async function call<T>(method: string, url: string, token: string, body?: unknown, status = 200): Promise<T> {
  const res = await t.request(method, url, { token, body });
  expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(status);
  return res.json() as T;
}
const item = (d: InspectionDetail, key: string) =>
  d.scores.sections.flatMap((s) => s.items).find((i) => i.key === key)!;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(T0);
  const f = t.fixture;
  const [d] = await t.services.database.db
    .insert(departments)
    .values({ companyId: f.companyId, projectId: f.projectA, name: '工程部', leaderId: f.users.supervisor_a })
    .returning();
  dept = d!.id;
  [qa, manager, head, tech, other] = await Promise.all([
    t.login('qa_a'),
    t.login('manager_a'),
    t.login('supervisor_a'),
    t.login('tech_a'),
    t.login('manager_b'),
  ]);
});
afterAll(async () => {
  await t.close();
});

async function sunac(): Promise<ScoreSheet> {
  const sheets = await call<{ items: ScoreSheet[] }>(
    'GET',
    `/api/score-sheets?projectId=${t.fixture.projectA}`,
    qa,
  );
  return sheets.items.find((s) => s.code === 'sunac-service')!;
}

describe('quality inspections', () => {
  it('seeds the group sheets with the seed sections and weights (Q113)', async () => {
    const s = await sunac();
    expect(s.scope).toBe('default');
    expect(s.sections.map((x) => x.title)).toEqual(['一、客户服务', '二、工程', '三、秩序维护', '四、环境']);
    expect(s.sections[0]!.items.reduce((a, i) => a + i.points, 0)).toBe(60);
    expect(s.sections[1]!.items.reduce((a, i) => a + i.points, 0)).toBe(50);
    const all = await call<{ items: ScoreSheet[] }>('GET', '/api/score-sheets', qa);
    expect(all.items.map((x) => x.code)).toEqual(
      expect.arrayContaining(['nines-daily', 'notice-board-weekly', 'visual-daily-management']),
    );
  });

  it('inspection → deductions → rectification → failed re-check → second fix → pass, and escalation', async () => {
    const f = t.fixture;
    const sheet = await sunac();
    const created = await call<InspectionDetail>(
      'POST',
      '/api/inspections',
      qa,
      { sheetId: sheet.id, projectId: f.projectA, departmentId: dept, sampledMonths: ['2026-09', '2026-10'] },
      201,
    );
    expect(created.scores.total).toBe(210);
    const id = created.id;
    // 11 defects in a sampled month → that month scores 0 (Q110).
    let live = await call<InspectionDetail>(
      'POST',
      `/api/inspections/${id}/findings`,
      qa,
      { itemId: 'cs1', count: 11, month: '2026-09', note: '前台记录缺失' },
      201,
    );
    expect(item(live, 'cs1').score).toBe(5);
    // 6 on-site defects → 0 (Q111).
    live = await call(
      'POST',
      `/api/inspections/${id}/findings`,
      qa,
      { itemId: 'eng1', count: 6, note: '设备房脏乱' },
      201,
    );
    expect(item(live, 'eng1').score).toBe(0);
    live = await call(
      'POST',
      `/api/inspections/${id}/findings`,
      qa,
      {
        itemId: 'eng4',
        note: '消防箱未贴封条',
        location: '1号楼大堂',
        ownerId: f.users.tech_a,
        ncType: 'not_done',
      },
      201,
    );
    expect(item(live, 'eng4').score).toBe(8);
    expect(live.scores.total).toBe(193);
    await call(
      'POST',
      `/api/inspections/${id}/findings`,
      qa,
      { itemId: 'cs1', month: '2025-01', note: 'x' },
      400,
    );
    await call('POST', `/api/inspections/${id}/findings`, qa, { itemId: 'nope', note: 'x' }, 400);
    // Other project: not there at all.
    await call('GET', `/api/inspections/${id}`, other, undefined, 404);

    const done = await call<InspectionDetail>('POST', `/api/inspections/${id}/submit`, qa);
    expect(done.state).toBe('submitted');
    expect(done.total).toBe(193);
    expect(done.percent).toBe(91.9);
    expect(done.findings.every((x) => x.rectificationId)).toBe(true);
    await call('POST', `/api/inspections/${id}/submit`, qa, undefined, 400);

    // The department head sees the three items; the owner hears of his.
    const mine = await call<{ items: Rectification[] }>(
      'GET',
      `/api/rectifications?mine=true&sourceId=${id}`,
      head,
    );
    expect(mine.items).toHaveLength(3);
    expect(mine.items.every((r) => r.departmentId === dept && r.checkerId === f.users.qa_a)).toBe(true);
    const notes = await t.services.database.query<{ user_id: string; kind: string }>(
      `select user_id, kind from notifications where kind = 'rectification.opened' order by id`,
    );
    expect(notes.map((n) => Number(n.user_id))).toEqual(
      expect.arrayContaining([f.users.tech_a, f.users.supervisor_a]),
    );

    const fire = done.findings.find((x) => x.itemKey === 'eng4')!.rectificationId!;
    // Only the owner or the department head submits; the checker re-checks only a submitted fix.
    await call('POST', `/api/rectifications/${fire}/submit`, await t.login('tech_a2'), { note: 'x' }, 403);
    await call('POST', `/api/rectifications/${fire}/recheck`, qa, { pass: true, note: '' }, 400);
    await call('POST', `/api/rectifications/${fire}/submit`, tech, { note: '已张贴封条' });
    await call('POST', `/api/rectifications/${fire}/recheck`, tech, { pass: true, note: '' }, 403);
    let r = await call<RectificationDetail>('POST', `/api/rectifications/${fire}/recheck`, qa, {
      pass: false,
      note: '封条不规范',
    });
    expect(r).toMatchObject({ state: 'open', round: 2 });
    expect(new Date(r.deadline).getTime()).toBe(T0.getTime() + 3 * 86_400_000);
    await call('POST', `/api/rectifications/${fire}/submit`, tech, { note: '重新张贴' });
    r = await call('POST', `/api/rectifications/${fire}/recheck`, qa, { pass: true, note: '合格' });
    expect(r.state).toBe('closed');
    expect(r.rounds.map((x) => x.kind)).toEqual(['submit', 'fail', 'submit', 'pass']);

    // Eight days on, the two untouched items are overdue: escalated once to the head and the manager.
    t.clock.set(new Date(T0.getTime() + 8 * 86_400_000));
    await t.services.queue.drain();
    await t.services.queue.drain();
    const overdue = await call<{ items: Rectification[] }>(
      'GET',
      `/api/rectifications?overdue=true&projectId=${f.projectA}`,
      head,
    );
    expect(overdue.items).toHaveLength(2);
    expect(overdue.items.every((x) => x.escalatedAt)).toBe(true);
    const esc = await t.services.database.query<{ n: string }>(
      `select count(*) as n from events where action = 'rectification.escalated'`,
    );
    expect(Number(esc[0]!.n)).toBe(2);
    const told = await t.services.database.query<{ user_id: string }>(
      `select distinct user_id from notifications where kind = 'rectification.overdue'`,
    );
    expect(told.map((x) => Number(x.user_id)).sort()).toEqual(
      [f.users.supervisor_a, f.users.manager_a].sort(),
    );
    t.clock.advanceMinutes(30);
    await t.services.queue.drain();
    const again = await t.services.database.query<{ n: string }>(
      `select count(*) as n from events where action = 'rectification.escalated'`,
    );
    expect(Number(again[0]!.n)).toBe(2);

    const xlsx = await t.request('GET', `/api/rectifications?format=xlsx&projectId=${f.projectA}`, {
      token: manager,
    });
    expect(xlsx.statusCode).toBe(200);
    const pdf = await t.request('GET', `/api/inspections/${id}/report.pdf`, { token: qa });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');

    const report = await call<{ rectifications: { passRate: number; rechecks: number } }>(
      'GET',
      `/api/reports/quality?projectId=${f.projectA}&from=2026-12-01&to=2026-12-31`,
      manager,
    );
    expect(report.rectifications).toMatchObject({ rechecks: 2, passRate: 50 });
    t.clock.set(T0);
  });

  it('a mystery visit stays hidden from the inspected team until submitted', async () => {
    const sheet = await sunac();
    const v = await call<InspectionDetail>(
      'POST',
      '/api/inspections',
      qa,
      { sheetId: sheet.id, projectId: t.fixture.projectA, mode: 'mystery' },
      201,
    );
    expect(v.sampledMonths).toHaveLength(2);
    await call('GET', `/api/inspections/${v.id}`, head, undefined, 404);
    const list = await call<{ items: { id: number }[] }>('GET', '/api/inspections?pageSize=100', head);
    expect(list.items.map((x) => x.id)).not.toContain(v.id);
    await call('GET', `/api/inspections/${v.id}`, manager);
    await call('POST', `/api/inspections/${v.id}/submit`, qa);
    await call('GET', `/api/inspections/${v.id}`, head);
  });

  it('company copy, new version with a veto item and N/A rescaling; old inspections keep their version', async () => {
    const base = await sunac();
    const copy = await call<ScoreSheet>('POST', `/api/score-sheets/${base.id}/copy`, manager, {}, 201);
    await call('POST', `/api/score-sheets/${base.id}/copy`, manager, {}, 409);
    await call('POST', `/api/score-sheets/${copy.id}/copy`, qa, {}, 403);
    const sections = [
      ...copy.sections,
      {
        key: 'veto',
        title: '一票否决',
        items: [{ key: 'v1', title: '重大安全责任事故', points: 0, rule: 'veto' }],
      },
    ];
    const v2 = await call<ScoreSheet>(
      'POST',
      `/api/score-sheets/${copy.id}/versions`,
      manager,
      { sections, sheetVersion: 1 },
      201,
    );
    expect(v2.sheetVersion).toBe(2);
    await call('POST', `/api/score-sheets/${copy.id}/versions`, manager, { sections, sheetVersion: 1 }, 409);
    expect((await sunac()).id).toBe(v2.id);

    const i = await call<InspectionDetail>(
      'POST',
      '/api/inspections',
      qa,
      { sheetId: v2.id, projectId: t.fixture.projectA },
      201,
    );
    let d = await call<InspectionDetail>('PATCH', `/api/inspections/${i.id}`, qa, {
      version: i.version,
      notApplicable: ['sec5', 'env5'],
    });
    await call('PATCH', `/api/inspections/${i.id}`, qa, { version: i.version, notApplicable: [] }, 409);
    d = await call('POST', `/api/inspections/${i.id}/findings`, qa, { itemId: 'env2', note: '烟头' }, 201);
    // 190 applicable points, 188 scored → rescaled to 210.
    expect(d.scores.applicablePoints).toBe(190);
    expect(d.scores.total).toBe(207.79);
    d = await call(
      'POST',
      `/api/inspections/${i.id}/findings`,
      qa,
      { itemId: 'v1', note: '消防通道堵死' },
      201,
    );
    expect(d.scores).toMatchObject({ vetoed: true, total: 0 });
    const versions = await call<{ items: ScoreSheet[] }>('GET', `/api/score-sheets/${v2.id}/versions`, qa);
    expect(versions.items.map((x) => x.sheetVersion)).toEqual([2, 1]);
  });

  it('campaign results: band, rewards and penalties per role, team award (Q114–Q118)', async () => {
    const f = t.fixture;
    const c = await call<{ id: number; phases: { milestones: unknown[] }[] }>(
      'POST',
      '/api/quality-campaigns',
      manager,
      {
        projectId: f.projectA,
        title: '2027年品质提升专项',
        year: 2027,
        units: [
          {
            departmentId: dept,
            managerId: f.users.manager_a,
            supervisorId: f.users.supervisor_a,
            leadId: f.users.lead_a,
          },
        ],
      },
      201,
    );
    expect(c.phases).toHaveLength(5);
    await call('POST', `/api/quality-campaigns/${c.id}/scores`, manager, { departmentId: dept, score: 96 });
    let res = await call<CampaignResults>('GET', `/api/quality-campaigns/${c.id}/results`, qa);
    expect(res.rows[0]).toMatchObject({ band: 'excellent', teamAward: 100_000 });
    expect(res.rows[0]!.people.map((p) => p.amount)).toEqual([50_000, 30_000, 20_000]);
    await call('POST', `/api/quality-campaigns/${c.id}/scores`, manager, { departmentId: dept, score: 79 });
    res = await call('GET', `/api/quality-campaigns/${c.id}/results`, qa);
    expect(res.rows[0]!.band).toBe('fail');
    expect(res.totals).toEqual({ rewards: 0, penalties: 90_000, teamAwards: 0 });
    const xlsx = await t.request('GET', `/api/quality-campaigns/${c.id}/results?format=xlsx`, {
      token: manager,
    });
    expect(xlsx.statusCode).toBe(200);
    await call('GET', `/api/quality-campaigns/${c.id}/results`, other, undefined, 404);
  });

  it('the 9S plan yields one planned inspection per working day (Q21)', async () => {
    const f = t.fixture;
    await call(
      'POST',
      '/api/inspection-plans',
      manager,
      {
        projectId: f.projectA,
        title: '9S每日检查',
        sheetCode: 'nines-daily',
        inspectorId: f.users.lead_a,
        recurrence: 'workdays',
        time: '08:55',
        startsOn: '2026-12-01',
      },
      201,
    );
    await t.services.queue.drain();
    t.clock.advanceMinutes(16);
    await t.services.queue.drain();
    const rows = await t.services.database.query<{ planned_date: string; state: string }>(
      `select planned_date::text, state from inspections where plan_id is not null`,
    );
    expect(rows).toEqual([{ planned_date: '2026-12-07', state: 'planned' }]);
  });
});

describe("the project's zone (project B in London, A in Shanghai)", () => {
  // 20:00 on New Year's Eve in London is already 04:00 on 1 January in Shanghai.
  const EVE = new Date('2026-12-31T20:00:00Z');
  let admin: string;
  let id: number;

  beforeAll(async () => {
    const f = t.fixture;
    await t.services.database.db
      .update(projects)
      .set({ timezone: 'Europe/London' })
      .where(eq(projects.id, f.projectB));
    t.clock.set(EVE);
    admin = await t.login('admin');
    const sheets = await call<{ items: ScoreSheet[] }>(
      'GET',
      `/api/score-sheets?projectId=${f.projectB}`,
      admin,
    );
    const sheet = sheets.items.find((s) => s.code === 'sunac-service')!;
    id = (
      await call<InspectionDetail>(
        'POST',
        '/api/inspections',
        admin,
        { sheetId: sheet.id, projectId: f.projectB },
        201,
      )
    ).id;
    await call('POST', `/api/inspections/${id}/submit`, admin);
  });
  afterAll(() => t.clock.set(T0));

  it("R17 counts an inspection in its project's month and day boundaries", async () => {
    const f = t.fixture;
    const dec = await call<QualityReport>(
      'GET',
      `/api/reports/quality?projectId=${f.projectB}&from=2026-12-01&to=2026-12-31`,
      admin,
    );
    expect(dec.months).toEqual([{ month: '2026-12', inspections: 1, avgPercent: 100 }]);
    // The default period is this month so far in London: still December.
    const now = await call<QualityReport>('GET', `/api/reports/quality?projectId=${f.projectB}`, admin);
    expect(now).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(now.months.map((m) => m.month)).toEqual(['2026-12']);
    // Both projects: A's this month is January (nothing yet), B's is December (the one above).
    const both = await call<QualityReport>('GET', '/api/reports/quality', admin);
    expect(both).toMatchObject({ from: '2026-12-01', to: '2027-01-01' });
    expect(both.months).toEqual([{ month: '2026-12', inspections: 1, avgPercent: 100 }]);
  });

  it("the inspection workbook shows each row on its project's clock", async () => {
    const res = await t.request('GET', '/api/inspections?format=xlsx&pageSize=100', { token: admin });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(res.rawPayload));
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(1).values as unknown[]).map(String).indexOf('提交时间');
    const submitted = new Map<number, string>();
    ws.eachRow((row, n) => {
      const at = row.getCell(col).value;
      if (n > 1 && at instanceof Date) submitted.set(Number(row.getCell(1).value), at.toISOString());
    });
    // Excel dates hold the wall clock (read back as UTC fields): London's 20:00, Shanghai's 08:00 on T0.
    expect(submitted.get(id)).toBe('2026-12-31T20:00:00.000Z');
    expect([...submitted.values()]).toContain('2026-12-07T08:00:00.000Z');
  });
});
