import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ArrearsReport, BillingReport, CollectionAttempt, UnitArrears } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExcelJs, workbookBuffer } from '../../platform/http/xlsx';
import { ensureFeeItem, insertBill } from '../../testing/bills';
import { postFile } from '../../testing/multipart';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { deliveries } from '../delivery/schema';
import { slaCalendars } from '../sla/schema';
import { telephonyConfigs } from '../telephony/schema';
import { ok } from '../tickets/testing/helpers';
import { runCollection } from './collection-job';
import { collectionTasks } from './collection-schema';
import { bills } from './schema';

/**
 * 催缴 under the scenario clock. Project A's eight units, bills written straight into the table:
 *   u1 owes ¥300 since 9/15 (SMS, then a promise broken → the call early)
 *   u2 owes ¥200 since 9/15 (pays before the SMS goes → stopped)
 *   u3 owes ¥150 since 9/15 (disputed → stopped)
 *   u4 owes ¥30 since 9/15 (below the ¥50 minimum → never chased)
 *   u5 owes ¥400 since 6/1 (121 days: the letter and a 客服主管 task at once)
 *   u6 owes ¥120 of a September bill not yet due; u7 paid September in full;
 *   u8 owes ¥100 since 7/20 and ¥250 since 2025-09-01 (394 days: the project manager at once).
 */
let t: TestServer;
let supervisor: string;
let agent: string;
let pbx: Server;
const dialed: Record<string, unknown>[] = [];
const u = (i: number) => t.fixture.unitsA[i]!;
const bj = (s: string) => new Date(`${s}:00+08:00`);
const billIds: Record<string, number> = {};

async function bill(key: string, unit: number, period: string, due: string, amount: number, paid = 0) {
  const item = await ensureFeeItem(t.services.database.db, t.fixture.projectA, {
    code: 'WY',
    name: '物业服务费',
  });
  const row = await insertBill(t.services.database.db, unit, period, [{ feeItemId: item.id, amount }]);
  await t.services.database.db
    .update(bills)
    .set({ dueDate: due, paidAmount: paid })
    .where(eq(bills.id, row.id));
  billIds[key] = row.id;
}

const run = () => runCollection(t.services, t.fixture.projectA);
const attemptsOf = async (unitId: number) =>
  (
    await ok<{ items: CollectionAttempt[] }>(
      t,
      'GET',
      `/api/collection-attempts?unitId=${unitId}&pageSize=50`,
      agent,
    )
  ).items;

beforeAll(async () => {
  t = await createTestServer();
  [supervisor, agent] = await Promise.all([t.login('supervisor_a'), t.login('agent_a')]);
  pbx = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      dialed.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => pbx.listen(0, '127.0.0.1', resolve));
  const { db } = t.services.database;
  await db.insert(telephonyConfigs).values({
    projectId: t.fixture.projectA,
    companyId: t.fixture.companyId,
    dialUrl: `http://127.0.0.1:${(pbx.address() as AddressInfo).port}/dial`,
  });
  // 国庆 2026: 10/1–10/7 off; the business calendar of the project (modules/sla) says so.
  const day = [{ start: '08:30', end: '17:30' }];
  await db.insert(slaCalendars).values({
    companyId: t.fixture.companyId,
    projectId: t.fixture.projectA,
    name: '办公时间',
    weekdays: [day, day, day, day, day, [], []],
    holidays: [
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    extraWorkdays: ['2026-09-27', '2026-10-10'],
    isDefault: true,
  });
  await bill('u1', u(0), '2026-08', '2026-09-15', 30_000);
  await bill('u2', u(1), '2026-08', '2026-09-15', 20_000);
  await bill('u3', u(2), '2026-08', '2026-09-15', 15_000);
  await bill('u4', u(3), '2026-08', '2026-09-15', 3_000);
  await bill('u5a', u(4), '2026-05', '2026-06-01', 40_000);
  await bill('u8b', u(7), '2025-08', '2025-09-01', 25_000);
  await bill('u6', u(5), '2026-09', '2026-10-15', 18_000, 6_000);
  await bill('u7', u(6), '2026-09', '2026-10-15', 18_000, 18_000);
  await bill('u8', u(7), '2026-06', '2026-07-20', 12_000, 2_000);
  t.clock.set(bj('2026-09-30T21:30'));
});

afterAll(async () => {
  pbx?.close();
  await t?.close();
});

describe('arrears', () => {
  it('ages what is past due and shows this period’s 收费率 (figures worked out by hand)', async () => {
    const r = await ok<ArrearsReport>(t, 'GET', `/api/arrears?projectId=${t.fixture.projectA}`, agent);
    expect(r.asOf).toBe('2026-09-30');
    expect(r.aging).toEqual({
      d0_30: 68_000,
      d31_90: 10_000,
      d91_180: 40_000,
      d181_365: 0,
      d365_plus: 25_000,
    });
    expect(r.owed).toBe(143_000);
    expect(r.owingUnits).toBe(6);
    // 2026-09: ¥360 billed, ¥240 collected; one of two households settled.
    expect(r.rate).toMatchObject({
      period: '2026-09',
      billed: 36_000,
      collected: 24_000,
      rate: 0.6667,
      householdRate: 0.5,
    });
    expect(r.buildings.map((b) => [b.owed, b.owingUnits])).toEqual([
      [68_000, 4],
      [75_000, 2],
    ]);
    expect(r.units.items[0]).toMatchObject({ unitId: u(4), owed: 40_000, daysOverdue: 121, bills: 1 });
    expect(r.units.items[1]).toMatchObject({ unitId: u(7), owed: 35_000, daysOverdue: 394, bills: 2 });
    const one = await ok<ArrearsReport>(
      t,
      'GET',
      `/api/arrears?projectId=${t.fixture.projectA}&buildingId=${r.buildings[1]!.buildingId}`,
      agent,
    );
    expect(one.owed).toBe(75_000);
    const xlsx = await t.request('GET', `/api/arrears?projectId=${t.fixture.projectA}&format=xlsx`, {
      token: supervisor,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['x-total-count']).toBe('6');
  });

  it('a unit’s arrears for the screen pop', async () => {
    const a = await ok<UnitArrears>(t, 'GET', `/api/units/${u(4)}/arrears`, agent);
    expect(a).toMatchObject({ owed: 40_000, disputedOwed: 0, daysOverdue: 121 });
    expect(a.aging).toMatchObject({ d91_180: 40_000, d365_plus: 0 });
  });
});

describe('a 催缴 campaign under the scenario clock', () => {
  it('plans at once but waits out 21:00 and the 国庆 holiday for the SMS; the letter goes now', async () => {
    await ok(
      t,
      'POST',
      '/api/collection-campaigns',
      supervisor,
      { projectId: t.fixture.projectA, name: '物业费催缴' },
      201,
    );
    const again = await t.request('POST', '/api/collection-campaigns', {
      token: supervisor,
      body: { projectId: t.fixture.projectA, name: '第二个' },
    });
    expect(again.statusCode).toBe(409);
    await ok(t, 'POST', `/api/bills/${billIds.u3}/dispute`, agent, {
      disputed: true,
      reason: '业主称已在开发商处缴纳',
    });

    const first = await run();
    // u1, u2: SMS; u5: the letter (level 3); u8 (394 days): the manager. u3 disputed, u4 below the minimum.
    expect(first.planned).toBe(4);
    const [sms] = await attemptsOf(u(0));
    expect(sms).toMatchObject({ level: 1, channel: 'sms', status: 'scheduled' });
    expect(sms!.scheduledAt).toBe(bj('2026-10-08T08:00').toISOString());
    const [letter] = await attemptsOf(u(4));
    expect(letter).toMatchObject({
      level: 3,
      channel: 'letter',
      status: 'done',
      outcome: 'sent',
      hasLetter: true,
    });
    const pdf = await t.request('GET', `/api/collection-attempts/${letter!.id}/letter.pdf`, { token: agent });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const tasks = await t.services.database.db
      .select()
      .from(collectionTasks)
      .where(eq(collectionTasks.unitId, u(4)));
    expect(tasks).toMatchObject([{ kind: 'follow_up', assigneeId: t.fixture.users.supervisor_a }]);
    expect((await attemptsOf(u(7)))[0]).toMatchObject({ level: 4, channel: 'manager', status: 'done' });
    const escalated = await t.services.database.db
      .select()
      .from(collectionTasks)
      .where(eq(collectionTasks.unitId, u(7)));
    expect(escalated).toMatchObject([{ kind: 'manager', assigneeId: t.fixture.users.manager_a }]);
    expect(await attemptsOf(u(2))).toEqual([]);
    expect(await attemptsOf(u(3))).toEqual([]);

    const rerun = await run();
    expect(rerun).toMatchObject({ planned: 0, sent: 0 });
  });

  it('stops when paid before the reminder goes; sends the rest after the holiday, once', async () => {
    await t.services.database.db.update(bills).set({ paidAmount: 20_000 }).where(eq(bills.id, billIds.u2!));
    t.clock.set(bj('2026-10-08T08:05'));
    const result = await run();
    expect(result).toMatchObject({ sent: 1, cancelled: 1 });
    expect((await attemptsOf(u(1)))[0]).toMatchObject({ status: 'cancelled', note: '已缴清，停止催缴' });
    expect((await attemptsOf(u(0)))[0]).toMatchObject({ status: 'done', outcome: 'sent' });
    const sent = await t.services.database.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.sourceType, 'collection'), eq(deliveries.projectId, t.fixture.projectA)));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain('¥300.00');

    await run();
    const after = await t.services.database.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.sourceType, 'collection'));
    expect(after).toHaveLength(1);
    expect(dialed).toHaveLength(0);
  });

  it('a broken promise escalates to the next level before its days', async () => {
    const logged = await ok<CollectionAttempt>(
      t,
      'POST',
      '/api/collection-attempts',
      agent,
      {
        unitId: u(0),
        outcome: 'promised',
        promisedDate: '2026-10-20',
        promisedAmount: 30_000,
        note: '业主说发工资后交',
      },
      201,
    );
    expect(logged).toMatchObject({ promiseState: 'open', byName: expect.any(String) });
    const bad = await t.request('POST', '/api/collection-attempts', {
      token: agent,
      body: { unitId: u(0), outcome: 'promised' },
    });
    expect(bad.statusCode).toBe(400);

    t.clock.set(bj('2026-10-15T10:00'));
    expect((await run()).planned).toBe(0);
    t.clock.set(bj('2026-10-21T10:00'));
    const r = await run();
    expect(r.broken).toBe(1);
    const list = await attemptsOf(u(0));
    expect(list.find((a) => a.id === logged.id)).toMatchObject({ promiseState: 'broken' });
    // 36 days overdue: not yet level 2 by days, but the broken promise moves it up.
    expect(list[0]).toMatchObject({ level: 2, channel: 'call', status: 'done', outcome: 'sent' });
    expect(list[0]!.note).toContain('提前升级');
    expect(dialed).toHaveLength(1);
    expect(dialed[0]).toMatchObject({
      purpose: 'collection',
      to: '13812345678',
      say: expect.stringContaining('300.00元'),
    });
    await run();
    expect(dialed).toHaveLength(1);
  });

  it('a kept promise holds the campaign and counts in the report', async () => {
    await ok(
      t,
      'POST',
      '/api/collection-attempts',
      agent,
      { unitId: u(7), outcome: 'promised', promisedDate: '2026-10-25', promisedAmount: 10_000 },
      201,
    );
    await t.services.database.db.update(bills).set({ paidAmount: 12_000 }).where(eq(bills.id, billIds.u8!));
    await t.services.database.db.update(bills).set({ paidAmount: 25_000 }).where(eq(bills.id, billIds.u8b!));
    t.clock.set(bj('2026-10-26T10:00'));
    await run();
    const list = await attemptsOf(u(7));
    expect(list.find((a) => a.outcome === 'promised')).toMatchObject({ promiseState: 'kept' });
    const report = await ok<BillingReport>(
      t,
      'GET',
      `/api/reports/billing?projectId=${t.fixture.projectA}&kind=campaigns&from=2026-09&to=2026-10`,
      supervisor,
    );
    expect(report.kind).toBe('campaigns');
    const manual = report.rows.find((r) => 'channel' in r && r.channel === 'manual_call');
    expect(manual).toMatchObject({ promised: 2, kept: 1, broken: 1 });
  });

  it('lifting a dispute lets collection resume; 上门收费 needs a day’s notice (Q08)', async () => {
    await ok(t, 'POST', `/api/bills/${billIds.u3}/dispute`, agent, {
      disputed: false,
      reason: '核实后确认未缴',
    });
    await run();
    expect((await attemptsOf(u(2)))[0]).toMatchObject({ level: 1, channel: 'sms' });
    const soon = await t.request('POST', '/api/door-collections', {
      token: agent,
      body: { unitId: u(0), agreedAt: bj('2026-10-26T15:00').toISOString(), contactName: '张伟' },
    });
    expect(soon.statusCode).toBe(400);
    const door = await ok<{ id: number; version: number; status: string }>(
      t,
      'POST',
      '/api/door-collections',
      agent,
      {
        unitId: u(0),
        agreedAt: bj('2026-10-27T15:00').toISOString(),
        contactName: '张伟',
        contactPhone: '13812345678',
      },
      201,
    );
    expect(door.status).toBe('open');
    const assigned = await ok<{ version: number; status: string }>(
      t,
      'POST',
      `/api/door-collections/${door.id}/assign`,
      supervisor,
      { version: door.version, assigneeId: t.fixture.users.agent_a },
    );
    expect(assigned.status).toBe('assigned');
    const stale = await t.request('POST', `/api/door-collections/${door.id}/done`, {
      token: agent,
      body: { version: door.version, result: '已收' },
    });
    expect(stale.statusCode).toBe(409);
    await ok(t, 'POST', `/api/door-collections/${door.id}/done`, agent, {
      version: assigned.version,
      result: '已收现金¥300',
    });
  });

  it('reports 收费率 by month and building, and exports each report', async () => {
    const rate = await ok<BillingReport>(
      t,
      'GET',
      `/api/reports/billing?projectId=${t.fixture.projectA}&kind=collection-rate&from=2026-09&to=2026-09`,
      supervisor,
    );
    expect(rate.rows[0]).toMatchObject({
      period: '2026-09',
      buildingId: null,
      billed: 36_000,
      collected: 24_000,
    });
    for (const kind of ['collection-rate', 'aging', 'campaigns', 'income-by-fee-item']) {
      const res = await t.request(
        'GET',
        `/api/reports/billing?projectId=${t.fixture.projectA}&kind=${kind}&format=xlsx`,
        {
          token: supervisor,
        },
      );
      expect(res.statusCode, `${kind} ${res.body}`).toBe(200);
    }
    const campaign = (
      await ok<{ items: { id: number; version: number }[] }>(t, 'GET', '/api/collection-campaigns', agent)
    ).items[0]!;
    const stale = await t.request('PATCH', `/api/collection-campaigns/${campaign.id}`, {
      token: supervisor,
      body: { version: campaign.version + 1, active: false },
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('历史欠费 import', () => {
  it('creates a bill with one line per good row and lists every bad row', async () => {
    const finance = await t.login('manager_a');
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('历史欠费');
    sheet.addRow(['房屋编号', '账期', '收费项目', '欠费金额(元)']);
    const label = (await ok<UnitArrears>(t, 'GET', `/api/units/${u(5)}/arrears`, agent)).unitLabel;
    sheet.addRow([label, '2025-12', '物业服务费', '1,234.50']);
    sheet.addRow([label, '2026年1月', '历史停车费', 300]);
    sheet.addRow(['9-9-999', '2025-12', '物业服务费', '10']);
    sheet.addRow([label, '2025-12', '物业服务费', '5']);
    sheet.addRow([label, '2025-11', '', '-3']);
    const file = await workbookBuffer(wb);
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const res = await postFile(
      t,
      `/api/opening-arrears?projectId=${t.fixture.projectA}`,
      finance,
      file,
      '历史欠费.xlsx',
      xlsx,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { created: number; errors: { row: number; column: string }[] };
    expect(body.created).toBe(2);
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [6, '收费项目'],
      [6, '欠费金额(元)'],
      [4, '房屋编号'],
      [5, '账期'],
    ]);
    const a = await ok<UnitArrears>(t, 'GET', `/api/units/${u(5)}/arrears`, agent);
    expect(
      a.bills.filter((b) => b.period === '2025-12' || b.period === '2026-01').map((b) => b.balance),
    ).toEqual([123_450, 30_000]);
    const denied = await postFile(
      t,
      `/api/opening-arrears?projectId=${t.fixture.projectA}`,
      agent,
      file,
      'x.xlsx',
      xlsx,
    );
    expect(denied.statusCode).toBe(403);
  });
});

describe('the resident portal', () => {
  it('shows the 催缴 reminders of the resident’s own units only', async () => {
    const admin = await t.login('admin');
    const phone = '13812345678';
    const sent = await t.request('POST', '/api/portal/auth/code', { body: { phone } });
    expect(sent.statusCode, sent.body).toBe(202);
    await t.services.queue.drain();
    const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', {
      token: admin,
    });
    const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
    const code = /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1];
    const login = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
    expect(login.statusCode, login.body).toBe(200);
    const token = (login.json() as { token: string }).token;
    const messages = await t.request('GET', '/api/portal/collection-messages', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(messages.statusCode, messages.body).toBe(200);
    const list = (messages.json() as { items: { channel: string; message: string; unitLabel: string }[] })
      .items;
    expect(list.map((m) => m.channel).sort()).toEqual(['call', 'sms']);
    expect(new Set(list.map((m) => m.unitLabel)).size).toBe(1);
    expect(list[0]!.message).toContain('300');
  });
});
