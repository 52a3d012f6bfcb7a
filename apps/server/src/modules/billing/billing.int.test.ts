import type {
  Bill,
  BillAdjustment,
  BillDetail,
  BillingRun,
  FeeItem,
  MeterReading,
} from '@guanjia/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ok } from '../tickets/testing/helpers';
import { LATE_FEE_JOB } from './late-fee-job';

let t: TestServer;
let finance: string;
let admin: string;
let agent: string;
const items: Record<string, FeeItem> = {};

// 2026-12-01 09:00 in Shanghai.
const DEC_1 = new Date('2026-12-01T01:00:00Z');

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(DEC_1);
  [finance, admin, agent] = await Promise.all([t.login('manager_a'), t.login('admin'), t.login('agent_a')]);
});
afterAll(async () => t?.close());

const feeItem = async (body: Record<string, unknown>) =>
  ok<FeeItem>(
    t,
    'POST',
    '/api/fee-items',
    finance,
    { projectId: t.fixture.projectA, startDate: '2026-01-01', ...body },
    201,
  );

const runPeriod = async (period: string) => {
  const run = await ok<BillingRun>(
    t,
    'POST',
    '/api/billing-runs',
    finance,
    { projectId: t.fixture.projectA, period },
    202,
  );
  await t.services.queue.drain();
  return ok<BillingRun>(t, 'GET', `/api/billing-runs/${run.id}`, finance);
};

const bills = async (query: string) =>
  (await ok<{ items: Bill[]; total: number }>(t, 'GET', `/api/bills?pageSize=200&${query}`, finance)).items;

describe('fee items, readings and a billing run', () => {
  it('sets up fee items and attaches them in bulk', async () => {
    const f = t.fixture;
    items.service = await feeItem({
      code: 'WY',
      name: '物业服务费',
      kind: 'monthly',
      formula: 'area',
      unitPrice: 23500,
      lateFeeRate: 5,
      lateFeeGraceDays: 0,
      lateFeeCapPercent: 10,
      priority: 1,
    });
    items.parking = await feeItem({
      code: 'CW',
      name: '停车费',
      kind: 'monthly',
      formula: 'fixed',
      fixedAmount: 30000,
      payer: 'parking',
    });
    items.water = await feeItem({
      code: 'WATER',
      name: '水费',
      kind: 'monthly',
      formula: 'tiered',
      tiers: [
        { upTo: 18, unitPrice: 34500 },
        { upTo: null, unitPrice: 48300 },
      ],
    });
    items.shared = await feeItem({
      code: 'GT',
      name: '公摊水电',
      kind: 'monthly',
      formula: 'apportion',
      unitPrice: 8000,
    });
    // A formula without its price is refused with a reason.
    const bad = await t.request('POST', '/api/fee-items', {
      token: finance,
      body: {
        projectId: f.projectA,
        code: 'X',
        name: '缺价',
        kind: 'monthly',
        formula: 'area',
        startDate: '2026-01-01',
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'formula_incomplete' } });
    // Only finance sets fee items up.
    expect((await t.request('POST', '/api/fee-items', { token: agent, body: {} })).statusCode).toBe(403);

    const byBuilding = await ok<{ changed: number; unitCount: number }>(
      t,
      'POST',
      `/api/fee-items/${items.service.id}/units`,
      finance,
      {
        buildingIds: f.buildingsA,
      },
    );
    expect(byBuilding).toEqual({ changed: 8, unitCount: 8 });
    // Attaching again changes nothing.
    expect(
      await ok(t, 'POST', `/api/fee-items/${items.service.id}/units`, finance, { buildingIds: f.buildingsA }),
    ).toEqual({ changed: 0, unitCount: 8 });
    await ok(t, 'POST', `/api/fee-items/${items.parking.id}/units`, finance, {
      unitIds: [f.unitsA[0]],
      parkingSpace: 'B-017',
    });
    await ok(t, 'POST', `/api/fee-items/${items.water.id}/units`, finance, { unitIds: f.unitsA.slice(0, 2) });
    await ok(t, 'POST', `/api/fee-items/${items.shared.id}/units`, finance, { unitTypes: ['住宅'] });
    const detached = await ok<{ changed: number }>(
      t,
      'POST',
      `/api/fee-items/${items.shared.id}/units/detach`,
      finance,
      {
        unitIds: [f.unitsA[7]],
      },
    );
    expect(detached.changed).toBe(1);

    // PATCH with a stale version → 409.
    const edited = await ok<FeeItem>(t, 'PATCH', `/api/fee-items/${items.service.id}`, finance, {
      version: 1,
      name: '物业服务费（住宅）',
    });
    expect(edited.version).toBe(2);
    const stale = await t.request('PATCH', `/api/fee-items/${items.service.id}`, {
      token: finance,
      body: { version: 1, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const list = await ok<{ items: FeeItem[] }>(t, 'GET', `/api/fee-items?projectId=${f.projectA}`, agent);
    expect(list.items.map((i) => i.code)).toEqual(['WY', 'CW', 'GT', 'WATER']);
  });

  it('refuses a reading lower than the last or a jump, unless it is a meter change', async () => {
    const [u1, u2] = t.fixture.unitsA;
    const read = (
      unitId: number | null,
      period: string,
      value: number,
      extra: Record<string, unknown> = {},
    ) =>
      t.request('POST', '/api/meter-readings', {
        token: finance,
        body: {
          feeItemId: unitId === null ? items.shared!.id : items.water!.id,
          unitId,
          period,
          value,
          ...extra,
        },
        headers: { 'accept-language': 'zh-CN' },
      });
    for (const [unit, values] of [
      [u1, [100, 110, 125]],
      [u2, [200, 210]],
    ] as const)
      for (const [i, v] of values.entries())
        expect((await read(unit!, `2026-${10 + i}`, v)).statusCode).toBe(201);
    const lower = await read(u2!, '2026-12', 205);
    expect(lower.statusCode).toBe(422);
    expect(lower.json()).toMatchObject({
      error: { code: 'reading_refused', details: { reason: 'lower_than_last' } },
    });
    expect(lower.json().error.message).toMatch(/换表/);
    const jump = await read(u2!, '2026-12', 260);
    expect(jump.json()).toMatchObject({ error: { details: { reason: 'jump', consumption: 50, limit: 30 } } });
    const changed = await read(u2!, '2026-12', 12, { meterChange: true });
    expect(changed.statusCode).toBe(201);
    expect((changed.json() as MeterReading).consumption).toBe(12);
    expect((await read(u2!, '2026-12', 13)).statusCode).toBe(409);
    // The shared meter of the apportioned item: 1000 kWh this period.
    expect((await read(null, '2026-11', 5000)).statusCode).toBe(201);
    expect((await read(null, '2026-12', 6000)).statusCode).toBe(201);
    const page = await ok<{ items: MeterReading[]; total: number }>(
      t,
      'GET',
      `/api/meter-readings?period=2026-12&feeItemId=${items.water!.id}`,
      finance,
    );
    expect(page.items.map((r) => [r.unitId, r.consumption])).toEqual([
      [u1, 15],
      [u2, 12],
    ]);
  });

  it('bills every attached unit once; re-running the period adds nothing', async () => {
    const run = await runPeriod('2026-12');
    expect(run).toMatchObject({
      status: 'done',
      unitsTotal: 7 + 1,
      billsCreated: 8,
      linesCreated: 8 + 1 + 2 + 7,
    });
    const dec = await bills('period=2026-12');
    expect(dec).toHaveLength(8);
    const first = dec.find((b) => b.unitId === t.fixture.unitsA[0])!;
    // 89.5 m² × 2.35 = 210.33; 停车 300; 水 15 m³ × 3.45 = 51.75; 公摊 1000 kWh × 0.80 = 800 元 over 7 equal units.
    const detail = await ok<BillDetail>(t, 'GET', `/api/bills/${first.id}`, finance);
    expect(detail.lines.map((l) => [l.feeItemName, l.amount])).toEqual([
      ['物业服务费（住宅）', 21033],
      ['停车费', 30000],
      ['公摊水电', 11429],
      ['水费', 5175],
    ]);
    expect(detail.billedAmount).toBe(21033 + 30000 + 11429 + 5175);
    expect(detail).toMatchObject({ status: 'unpaid', balance: detail.billedAmount, allocations: [] });
    const shared = await Promise.all(dec.map((b) => ok<BillDetail>(t, 'GET', `/api/bills/${b.id}`, finance)));
    const sharedTotal = shared
      .flatMap((d) => d.lines)
      .filter((l) => l.feeItemId === items.shared!.id)
      .reduce((s, l) => s + l.amount, 0);
    expect(sharedTotal).toBe(80000);

    const total = dec.reduce((s, b) => s + b.billedAmount, 0);
    expect(run.amountCreated).toBe(total);
    const again = await runPeriod('2026-12');
    expect(again).toMatchObject({ status: 'done', billsCreated: 0, linesCreated: 0, amountCreated: 0 });
    expect((await bills('period=2026-12')).reduce((s, b) => s + b.billedAmount, 0)).toBe(total);

    // A unit attached to the shared meter later gets no second split of a billed period: the
    // parts must keep adding up to the meter's amount.
    await ok(t, 'POST', `/api/fee-items/${items.shared!.id}/units`, finance, {
      unitIds: [t.fixture.unitsA[7]],
    });
    expect((await runPeriod('2026-12')).linesCreated).toBe(0);
    // A new parking space of a unit is billed by a re-run, and only it.
    await ok(t, 'POST', `/api/fee-items/${items.parking!.id}/units`, finance, {
      unitIds: [t.fixture.unitsA[1]],
      parkingSpace: 'B-018',
    });
    expect(await runPeriod('2026-12')).toMatchObject({
      billsCreated: 0,
      linesCreated: 1,
      amountCreated: 30000,
    });
  });

  it('filters and exports bills', async () => {
    const unitId = t.fixture.unitsA[0]!;
    expect((await bills(`unitId=${unitId}`)).map((b) => b.unitId)).toEqual([unitId]);
    expect(await bills('status=paid')).toEqual([]);
    expect((await bills(`buildingId=${t.fixture.buildingsA[1]}`)).length).toBe(4);
    const xlsx = await t.request('GET', '/api/bills?format=xlsx&period=2026-12', { token: admin });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['x-total-count']).toBe('8');
  });
});

/** Sessions expire while the scenario clock jumps weeks ahead: sign in again at the new time. */
const moveClock = async (at: Date) => {
  t.clock.set(at);
  [finance, admin] = await Promise.all([t.login('manager_a'), t.login('admin')]);
};

describe('corrections and late fees', () => {
  let bill: Bill;
  const detail = () => ok<BillDetail>(t, 'GET', `/api/bills/${bill.id}`, finance);
  const adjust = (token: string, body: Record<string, unknown>) =>
    t.request('POST', `/api/bills/${bill.id}/adjustments`, {
      token,
      body,
      headers: { 'accept-language': 'zh-CN' },
    });

  beforeAll(async () => {
    bill = (await bills(`period=2026-12&unitId=${t.fixture.unitsA[2]}`))[0]!;
  });

  it('applies a finance adjustment at once and holds a 减免 for a second person', async () => {
    const start = await detail();
    const up = await adjust(finance, { kind: 'adjustment', amount: 500, reason: '补收上月少计面积' });
    expect(up.statusCode, up.body).toBe(201);
    expect((up.json() as BillDetail).adjustedAmount).toBe(500);

    const discount = await adjust(finance, { kind: 'discount', amount: 1000, reason: '业主困难减免' });
    const pending = (discount.json() as BillDetail).adjustments.find((a) => a.kind === 'discount')!;
    expect(pending).toMatchObject({ status: 'pending', amount: -1000 });
    expect((discount.json() as BillDetail).balance).toBe(start.balance + 500);

    // The requester cannot approve their own request; an agent cannot decide at all.
    const self = await t.request('POST', `/api/bill-adjustments/${pending.id}/decide`, {
      token: finance,
      body: { decision: 'approve', version: 1 },
    });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ error: { code: 'self_decision' } });
    expect(
      (
        await t.request('POST', `/api/bill-adjustments/${pending.id}/decide`, {
          token: agent,
          body: { decision: 'approve', version: 1 },
        })
      ).statusCode,
    ).toBe(403);
    const queue = await ok<{ items: BillAdjustment[] }>(
      t,
      'GET',
      '/api/bill-adjustments?status=pending',
      admin,
    );
    expect(queue.items.map((a) => a.id)).toEqual([pending.id]);

    const approved = await ok<BillAdjustment>(
      t,
      'POST',
      `/api/bill-adjustments/${pending.id}/decide`,
      admin,
      { decision: 'approve', version: 1 },
    );
    expect(approved).toMatchObject({ status: 'approved', approvedByName: expect.any(String) });
    expect((await detail()).balance).toBe(start.balance + 500 - 1000);
    const again = await t.request('POST', `/api/bill-adjustments/${pending.id}/decide`, {
      token: admin,
      body: { decision: 'reject', version: 2 },
    });
    expect(again.statusCode).toBe(409);
  });

  it('never takes a bill below zero', async () => {
    const { balance } = await detail();
    const writeOff = await adjust(finance, { kind: 'write_off', amount: balance + 1, reason: '核销坏账' });
    expect(writeOff.statusCode).toBe(422);
    expect(writeOff.json()).toMatchObject({
      error: { code: 'bill_negative', message: '调整后账单金额不能为负数' },
    });
    const negative = await adjust(finance, { kind: 'discount', amount: -5, reason: '负数' });
    expect(negative.statusCode).toBe(422);
  });

  it('charges late fees once per bill and day, on the project clock', async () => {
    // Due 2026-12-31; the first day overdue in Shanghai is 2027-01-01 (00:30 there is 2026-12-31 in UTC).
    const before = await detail();
    await moveClock(new Date('2026-12-31T16:30:00Z'));
    await t.services.queue.enqueue(LATE_FEE_JOB, {});
    await t.services.queue.drain();
    const day1 = await detail();
    const fee1 = day1.adjustments.filter((a) => a.kind === 'late_fee');
    expect(fee1.map((a) => a.lateFeeDay)).toEqual(['2027-01-01']);
    // 万分之五 of the 物业费 line's unpaid share.
    expect(fee1[0]!.amount).toBeGreaterThan(0);
    expect(day1.balance).toBe(before.balance + fee1[0]!.amount);

    // The same day again (a second node, a retry): nothing more.
    await t.services.queue.enqueue(LATE_FEE_JOB, { projectId: t.fixture.projectA });
    await t.services.queue.drain();
    expect((await detail()).adjustments.filter((a) => a.kind === 'late_fee')).toHaveLength(1);

    await moveClock(new Date('2027-01-01T16:30:00Z'));
    await t.services.queue.enqueue(LATE_FEE_JOB, { projectId: t.fixture.projectA });
    await t.services.queue.drain();
    const day2 = await detail();
    expect(day2.adjustments.filter((a) => a.kind === 'late_fee').map((a) => a.lateFeeDay)).toEqual([
      '2027-01-01',
      '2027-01-02',
    ]);

    // A waiver of the late fees needs an approver and cannot exceed them.
    const owed = day2.adjustments.filter((a) => a.kind === 'late_fee').reduce((s, a) => s + a.amount, 0);
    expect(
      (await adjust(finance, { kind: 'late_fee_waiver', amount: owed + 1, reason: '减免滞纳金' })).statusCode,
    ).toBe(422);
    const waiver = await adjust(finance, {
      kind: 'late_fee_waiver',
      amount: owed,
      reason: '首次逾期，减免滞纳金',
    });
    const w = (waiver.json() as BillDetail).adjustments.find((a) => a.kind === 'late_fee_waiver')!;
    await ok(t, 'POST', `/api/bill-adjustments/${w.id}/decide`, admin, { decision: 'approve', version: 1 });
    expect((await detail()).balance).toBe(before.balance);
    // Every change of money is in the audit log with who and why.
    const events = await ok<{ items: { action: string; after: { reason?: string } }[] }>(
      t,
      'GET',
      '/api/events?pageSize=200',
      admin,
    );
    const actions = events.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'bill.adjusted',
        'bill.adjustment_requested',
        'bill.adjustment_approved',
        'billing.late_fees_charged',
        'billing_run.finished',
      ]),
    );
  });
});
