import type { BillDetail, BillingRun, CollectionAttempt, FeeItem } from '@guanjia/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ok } from '../tickets/testing/helpers';
import { runCollection } from './collection-job';
import { LATE_FEE_JOB } from './late-fee-job';
import { signSandboxNotice } from './psp/sandbox';

/**
 * Issue 15's month in a life, through the API under the scenario clock: a prepayment, the December
 * run spending it, a partial payment at the desk, late fees in January, the 催缴 SMS, an online
 * payment whose notification arrives twice, and the day's cashier report balancing.
 */
let t: TestServer;
let admin: string;
let manager: string;
let feeItem: FeeItem;
const DEC_1 = new Date('2026-12-01T09:00:00+08:00');
const u = (i: number) => t.fixture.unitsA[i]!;

const setClock = async (at: Date) => {
  t.clock.set(at);
  [admin, manager] = await Promise.all([t.login('admin'), t.login('manager_a')]);
};
const billOf = async (unitId: number) => {
  const list = await ok<{ items: { id: number }[] }>(t, 'GET', `/api/bills?unitId=${unitId}`, admin);
  expect(list.items).toHaveLength(1);
  return ok<BillDetail>(t, 'GET', `/api/bills/${list.items[0]!.id}`, admin);
};

beforeAll(async () => {
  t = await createTestServer();
  await setClock(DEC_1);
  feeItem = await ok<FeeItem>(
    t,
    'POST',
    '/api/fee-items',
    manager,
    {
      projectId: t.fixture.projectA,
      code: 'WY',
      name: '物业服务费',
      kind: 'monthly',
      formula: 'fixed',
      fixedAmount: 26_850,
      startDate: '2026-01-01',
      lateFeeRate: 5,
      lateFeeGraceDays: 0,
      lateFeeCapPercent: 10,
    },
    201,
  );
  await ok(t, 'POST', `/api/fee-items/${feeItem.id}/units`, manager, { unitIds: [u(0), u(1)] });
});
afterAll(async () => t?.close());

describe('a month in the life of the 收费中心', () => {
  it('the run spends a prepayment on its bill; a partial payment leaves the rest owing', async () => {
    const prepay = await t.request('POST', '/api/payments', {
      token: admin,
      body: { unitId: u(1), amount: 100_000, method: 'cash', prepay: true },
    });
    expect(prepay.statusCode, prepay.body).toBe(201);

    const run = await ok<BillingRun>(
      t,
      'POST',
      '/api/billing-runs',
      manager,
      { projectId: t.fixture.projectA, period: '2026-12' },
      202,
    );
    await t.services.queue.drain();
    expect(await ok<BillingRun>(t, 'GET', `/api/billing-runs/${run.id}`, manager)).toMatchObject({
      status: 'done',
      billsCreated: 2,
    });
    const prepaid = await billOf(u(1));
    expect(prepaid).toMatchObject({ balance: 0, status: 'paid' });
    expect(prepaid.allocations).toEqual([expect.objectContaining({ method: 'prepaid', amount: 26_850 })]);
    expect((await ok<{ balance: number }>(t, 'GET', `/api/units/${u(1)}/prepaid`, admin)).balance).toBe(
      100_000 - 26_850,
    );

    const partial = await t.request('POST', '/api/payments', {
      token: admin,
      body: { unitId: u(0), amount: 10_000, method: 'pos' },
    });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(await billOf(u(0))).toMatchObject({ balance: 16_850, status: 'partial' });
  });

  it('January: a late fee a day, once per day; the 催缴 SMS at 15 days overdue', async () => {
    await setClock(new Date('2027-01-01T00:30:00+08:00'));
    for (let i = 0; i < 2; i++) {
      await t.services.queue.enqueue(LATE_FEE_JOB, {});
      await t.services.queue.drain();
    }
    const day1 = await billOf(u(0));
    const fees = day1.adjustments.filter((a) => a.kind === 'late_fee');
    expect(fees.map((a) => a.lateFeeDay)).toEqual(['2027-01-01']);
    // 万分之五 of the 168.50 still owed: 8.425 分.
    expect(fees[0]!.amount).toBeGreaterThanOrEqual(8);
    expect(day1.balance).toBe(16_850 + fees[0]!.amount);

    await ok(
      t,
      'POST',
      '/api/collection-campaigns',
      manager,
      { projectId: t.fixture.projectA, name: '物业费催缴' },
      201,
    );
    await setClock(new Date('2027-01-16T10:00:00+08:00'));
    await runCollection(t.services, t.fixture.projectA);
    const attempts = (
      await ok<{ items: CollectionAttempt[] }>(t, 'GET', `/api/collection-attempts?unitId=${u(0)}`, admin)
    ).items;
    expect(attempts).toEqual([expect.objectContaining({ level: 1, channel: 'sms' })]);
    // The prepaid unit owes nothing: nobody chases it.
    const none = await ok<{ items: CollectionAttempt[] }>(
      t,
      'GET',
      `/api/collection-attempts?unitId=${u(1)}`,
      admin,
    );
    expect(none.items).toEqual([]);
  });

  it('an online payment notified twice settles the bill once; the day’s cashier report balances', async () => {
    const owing = await billOf(u(0));
    const created = await t.request('POST', '/api/payments/online', {
      token: admin,
      body: { billIds: [owing.id], provider: 'sandbox' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json() as { outTradeNo: string; amount: number };
    expect(order.amount).toBe(owing.balance);
    const now = t.clock.now();
    const paid = signSandboxNotice(
      {
        outTradeNo: order.outTradeNo,
        transactionId: '4200009999',
        amount: order.amount,
        paidAt: now,
        state: 'SUCCESS',
      },
      now,
    );
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/payments/notify/sandbox',
        headers: paid.headers,
        payload: paid.body,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const settled = await billOf(u(0));
    expect(settled).toMatchObject({ balance: 0, status: 'paid' });
    expect(settled.allocations.map((a) => a.method)).toEqual(['pos', 'online']);

    // Nothing more to chase once paid.
    await setClock(new Date('2027-02-20T10:00:00+08:00'));
    await runCollection(t.services, t.fixture.projectA);
    const after = (
      await ok<{ items: CollectionAttempt[] }>(t, 'GET', `/api/collection-attempts?unitId=${u(0)}`, admin)
    ).items;
    expect(after).toHaveLength(1);

    const report = await ok<{
      total: number;
      receipts: number;
      byMethod: { amount: number; count: number }[];
      payments: { amount: number }[];
    }>(t, 'GET', `/api/cashier-reports?projectId=${t.fixture.projectA}&date=2027-01-16`, manager);
    expect(report.receipts).toBe(1);
    expect(report.total).toBe(order.amount);
    expect(report.byMethod.reduce((s, m) => s + m.amount, 0)).toBe(report.total);
    expect(report.payments.reduce((s, p) => s + p.amount, 0)).toBe(report.total);
  });
});
