import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFeeItem, insertBill } from '../../testing/bills';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { applyPrepaid } from './apply-prepaid';
import { onlineOrders } from './payments-schema';
import { signSandboxNotice } from './psp/sandbox';
import { bills } from './schema';

let t: TestServer;
let admin: string;
let cashier: string;
let finance: string;
let fee: { mgmt: number; parking: number; deposit: number };
const DAY = new Date('2026-12-06T10:00:00+08:00');

interface Payment {
  id: number;
  amount: number;
  prepaidAmount: number;
  receiptNo: string;
  method: string;
  reversedBy: number | null;
  allocations: { billId: number; amount: number }[];
}

async function staff(username: string, role: string): Promise<string> {
  const res = await t.request('POST', '/api/staff', {
    token: admin,
    body: {
      username,
      displayName: username === 'cashier_a' ? '收费员小陈' : '财务老周',
      password: 'billing-pass-1',
      roleIds: [t.fixture.roleIds[role]],
      projectIds: [t.fixture.projectA],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return t.login(username, 'billing-pass-1');
}

const billRow = async (id: number) =>
  (await t.services.database.db.select().from(bills).where(eq(bills.id, id)))[0]!;
const pay = (body: Record<string, unknown>, token = cashier) =>
  t.request('POST', '/api/payments', { token, body });

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(DAY);
  admin = await t.login('admin');
  cashier = await staff('cashier_a', 'cashier');
  finance = await staff('finance_a', 'finance');
  const db = t.services.database.db;
  const pA = t.fixture.projectA;
  fee = {
    mgmt: (await ensureFeeItem(db, pA, { code: 'WYF', name: '物业服务费', priority: 10 })).id,
    parking: (await ensureFeeItem(db, pA, { code: 'TCF', name: '停车费', priority: 50 })).id,
    deposit: (await ensureFeeItem(db, pA, { code: 'ZXYJ', name: '装修押金', kind: 'deposit', priority: 90 }))
      .id,
  };
});
afterAll(async () => t?.close());

describe('desk payments', () => {
  it('settles the oldest bill first, partially, and keeps paid_amount and settled_at in step', async () => {
    const db = t.services.database.db;
    const unit = t.fixture.unitsA[0]!;
    const oct = await insertBill(db, unit, '2026-10', [{ feeItemId: fee.mgmt, amount: 26_850 }]);
    const sep = await insertBill(db, unit, '2026-09', [{ feeItemId: fee.mgmt, amount: 26_850 }]);
    const res = await pay({ unitId: unit, amount: 30_000, method: 'cash', note: '现金' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json() as Payment;
    expect(p.receiptNo).toBe('SF202612060001');
    expect(p.allocations).toEqual([
      expect.objectContaining({ billId: sep.id, amount: 26_850 }),
      expect.objectContaining({ billId: oct.id, amount: 3_150 }),
    ]);
    expect((await billRow(sep.id)).balance).toBe(0);
    expect((await billRow(sep.id)).settledAt).not.toBeNull();
    expect((await billRow(oct.id)).balance).toBe(23_700);
    expect((await billRow(oct.id)).settledAt).toBeNull();

    const over = await pay({ unitId: unit, amount: 23_701, method: 'pos' });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ error: { code: 'overpayment', details: { owed: 23_700 } } });
    const rest = await pay({ unitId: unit, billIds: [oct.id], amount: 23_700, method: 'bank_transfer' });
    expect(rest.statusCode, rest.body).toBe(201);
    expect((rest.json() as Payment).receiptNo).toBe('SF202612060002');
    expect((await billRow(oct.id)).balance).toBe(0);
  });

  it('refuses bad amounts, other units’ bills and callers without billing.cashier', async () => {
    const unit = t.fixture.unitsA[0]!;
    expect((await pay({ unitId: unit, amount: -5, method: 'cash' })).statusCode).toBe(400);
    expect((await pay({ unitId: unit, amount: 1.5, method: 'cash' })).statusCode).toBe(400);
    expect((await pay({ unitId: unit, amount: 100, method: 'prepaid' })).statusCode).toBe(400);
    const other = await insertBill(t.services.database.db, t.fixture.unitsA[1]!, '2026-08', [
      { feeItemId: fee.mgmt, amount: 100 },
    ]);
    const wrong = await pay({ unitId: unit, billIds: [other.id], amount: 100, method: 'cash' });
    expect(wrong.statusCode).toBe(400);
    const agent = await t.login('agent_a');
    expect((await pay({ unitId: unit, amount: 100, method: 'cash' }, agent)).statusCode).toBe(403);
  });

  it('puts the rest into prepaid only when chosen, applies it at once and again after new bills', async () => {
    const db = t.services.database.db;
    const unit = t.fixture.unitsA[2]!;
    const nov = await insertBill(db, unit, '2026-11', [
      { feeItemId: fee.mgmt, amount: 20_000 },
      { feeItemId: fee.parking, amount: 30_000 },
    ]);
    const res = await pay({ unitId: unit, billIds: [nov.id], amount: 80_000, method: 'cash', prepay: true });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Payment).prepaidAmount).toBe(30_000);
    const prepaid = await t.request('GET', `/api/units/${unit}/prepaid`, { token: cashier });
    expect(prepaid.json()).toMatchObject({
      balance: 30_000,
      entries: [expect.objectContaining({ kind: 'deposit' })],
    });

    // Next month's bills: the parking bill is older, but 物业费 has the priority.
    const parking = await insertBill(db, unit, '2026-12', [{ feeItemId: fee.parking, amount: 25_000 }]);
    const mgmt = await insertBill(db, unit, '2027-01', [{ feeItemId: fee.mgmt, amount: 20_000 }]);
    const applied = await db.transaction((tx) =>
      applyPrepaid(tx, { projectId: t.fixture.projectA, unitIds: [unit], now: t.clock.now() }),
    );
    expect(applied.applied).toBe(30_000);
    expect((await billRow(mgmt.id)).balance).toBe(0);
    expect((await billRow(parking.id)).balance).toBe(15_000);
    const after = (await t.request('GET', `/api/units/${unit}/prepaid`, { token: cashier })).json() as {
      balance: number;
    };
    expect(after.balance).toBe(0);
  });

  it('never over-collects when payments for one bill arrive at the same time', async () => {
    const unit = t.fixture.unitsA[3]!;
    const bill = await insertBill(t.services.database.db, unit, '2026-11', [
      { feeItemId: fee.mgmt, amount: 10_000 },
    ]);
    const tokens = [cashier, cashier, admin, admin, cashier, admin];
    const results = await Promise.all(
      tokens.map((token) => pay({ unitId: unit, billIds: [bill.id], amount: 10_000, method: 'cash' }, token)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 400, 400, 400, 400, 400]);
    const row = await billRow(bill.id);
    expect(row.paidAmount).toBe(10_000);
    expect(row.balance).toBe(0);
  });
});

describe('reversal and refunds', () => {
  it('reverses with a new negative row, once, and only for finance', async () => {
    const unit = t.fixture.unitsA[4]!;
    const bill = await insertBill(t.services.database.db, unit, '2026-11', [
      { feeItemId: fee.mgmt, amount: 12_345 },
    ]);
    const p = (await pay({ unitId: unit, amount: 12_345, method: 'pos' })).json() as Payment;
    expect(
      (
        await t.request('POST', `/api/payments/${p.id}/reverse`, {
          token: cashier,
          body: { reason: '金额录错' },
        })
      ).statusCode,
    ).toBe(403);
    const rev = await t.request('POST', `/api/payments/${p.id}/reverse`, {
      token: finance,
      body: { reason: '金额录错' },
    });
    expect(rev.statusCode, rev.body).toBe(201);
    expect(rev.json()).toMatchObject({
      amount: -12_345,
      reversalOf: p.id,
      allocations: [{ billId: bill.id, amount: -12_345 }],
    });
    expect((await billRow(bill.id)).balance).toBe(12_345);
    const again = await t.request('POST', `/api/payments/${p.id}/reverse`, {
      token: finance,
      body: { reason: '再冲' },
    });
    expect(again.statusCode).toBe(409);
    const original = (await t.request('GET', `/api/payments/${p.id}`, { token: cashier })).json() as Payment;
    expect(original.reversedBy).toBe((rev.json() as Payment).id);
  });

  it('refunds a deposit and prepaid money, never more than was paid', async () => {
    const db = t.services.database.db;
    const unit = t.fixture.unitsA[5]!;
    const deposit = await insertBill(db, unit, '2026-06', [
      { feeItemId: fee.deposit, amount: 200_000, description: '装修押金' },
    ]);
    const mgmt = await insertBill(db, unit, '2026-07', [{ feeItemId: fee.mgmt, amount: 10_000 }]);
    await pay({ unitId: unit, billIds: [deposit.id], amount: 200_000, method: 'bank_transfer' });
    const refund = (body: Record<string, unknown>, token = finance) =>
      t.request('POST', '/api/refunds', {
        token,
        body: { unitId: unit, method: 'bank_transfer', reason: '装修验收合格', ...body },
      });
    expect((await refund({ kind: 'deposit', billId: deposit.id, amount: 200_001 })).json()).toMatchObject({
      error: { code: 'refund_exceeds_paid' },
    });
    expect((await refund({ kind: 'deposit', billId: mgmt.id, amount: 100 })).statusCode).toBe(400);
    expect((await refund({ kind: 'deposit', billId: deposit.id, amount: 100 }, cashier)).statusCode).toBe(
      403,
    );
    const ok = await refund({ kind: 'deposit', billId: deposit.id, amount: 200_000 });
    expect(ok.statusCode, ok.body).toBe(201);
    const row = await billRow(deposit.id);
    expect(row.paidAmount).toBe(0);
    expect(row.balance).toBe(0);
    expect((await refund({ kind: 'deposit', billId: deposit.id, amount: 1 })).statusCode).toBe(400);

    await pay({ unitId: unit, billIds: [mgmt.id], amount: 15_000, method: 'cash', prepay: true });
    expect((await refund({ kind: 'prepaid', amount: 5_001 })).json()).toMatchObject({
      error: { code: 'refund_exceeds_paid', details: { refundable: 5_000 } },
    });
    expect((await refund({ kind: 'prepaid', amount: 5_000 })).statusCode).toBe(201);
    expect((await t.request('GET', `/api/units/${unit}/prepaid`, { token: cashier })).json()).toMatchObject({
      balance: 0,
    });
    const list = (await t.request('GET', `/api/refunds?unitId=${unit}`, { token: finance })).json() as {
      total: number;
    };
    expect(list.total).toBe(2);
  });
});

describe('online payments', () => {
  const notify = (body: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/payments/notify/sandbox', headers, payload: body });

  it('records a notification delivered twice, or out of order, exactly once', async () => {
    const unit = t.fixture.unitsA[6]!;
    const bill = await insertBill(t.services.database.db, unit, '2026-11', [
      { feeItemId: fee.mgmt, amount: 8_800 },
    ]);
    const created = await t.request('POST', '/api/payments/online', {
      token: cashier,
      body: { billIds: [bill.id], provider: 'sandbox' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json() as { outTradeNo: string; amount: number; sandbox: boolean; payUrl: string };
    expect(order).toMatchObject({ amount: 8_800, sandbox: true });
    const now = t.clock.now();
    const base = { outTradeNo: order.outTradeNo, transactionId: '4200001234', amount: 8_800, paidAt: now };
    // A CLOSED notice overtaken by the SUCCESS one: it changes nothing.
    const closed = signSandboxNotice({ ...base, state: 'CLOSED' }, now);
    expect((await notify(closed.body, closed.headers)).statusCode).toBe(200);
    const paid = signSandboxNotice({ ...base, state: 'SUCCESS' }, now);
    const [a, b] = await Promise.all([notify(paid.body, paid.headers), notify(paid.body, paid.headers)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect((await notify(paid.body, paid.headers)).statusCode).toBe(200);
    expect((await notify(closed.body, closed.headers)).statusCode).toBe(200);
    const list = (await t.request('GET', `/api/payments?unitId=${unit}`, { token: cashier })).json() as {
      items: Payment[];
    };
    expect(list.items.map((p) => [p.method, p.amount])).toEqual([['online', 8_800]]);
    expect((await billRow(bill.id)).balance).toBe(0);
  });

  it('refuses a bad signature, a stale timestamp and a wrong amount', async () => {
    const unit = t.fixture.unitsA[7]!;
    const bill = await insertBill(t.services.database.db, unit, '2026-11', [
      { feeItemId: fee.mgmt, amount: 5_000 },
    ]);
    const order = (
      await t.request('POST', '/api/payments/online', {
        token: cashier,
        body: { billIds: [bill.id], provider: 'sandbox' },
      })
    ).json() as { outTradeNo: string };
    const now = t.clock.now();
    const base = {
      outTradeNo: order.outTradeNo,
      transactionId: 'X1',
      state: 'SUCCESS',
      amount: 5_000,
      paidAt: now,
    };
    const forged = signSandboxNotice(base, now, 'not-the-secret');
    const bad = await notify(forged.body, forged.headers);
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ error: { code: 'bad_signature' } });
    const good = signSandboxNotice(base, now);
    expect((await notify(good.body.replace('5000', '1'), good.headers)).statusCode).toBe(401);
    const old = signSandboxNotice(base, new Date(now.getTime() - 3_600_000));
    expect((await notify(old.body, old.headers)).statusCode).toBe(401);
    const wrong = signSandboxNotice({ ...base, amount: 1 }, now);
    expect((await notify(wrong.body, wrong.headers)).json()).toMatchObject({
      error: { code: 'amount_mismatch' },
    });
    expect((await billRow(bill.id)).balance).toBe(5_000);
  });

  it('lets a resident pay in the portal with 测试支付 and see the receipt', async () => {
    const unit = t.fixture.unitsA[0]!;
    const bill = await insertBill(t.services.database.db, unit, '2026-12', [
      { feeItemId: fee.mgmt, amount: 26_850 },
    ]);
    const token = await portalLogin('13812345678');
    const bills0 = (await t.request('GET', '/api/portal/bills', { token })).json() as {
      units: { unitId: number; arrears: number; current: { id: number }[] }[];
      providers: { code: string; sandbox: boolean }[];
    };
    expect(bills0.units.find((u) => u.unitId === unit)?.current.map((b) => b.id)).toEqual([bill.id]);
    expect(bills0.providers).toContainEqual({ code: 'sandbox', sandbox: true });
    const foreign = await insertBill(t.services.database.db, t.fixture.unitsA[1]!, '2026-12', [
      { feeItemId: fee.mgmt, amount: 100 },
    ]);
    expect(
      (
        await t.request('POST', '/api/portal/payments', {
          token,
          body: { billIds: [foreign.id], provider: 'sandbox' },
        })
      ).statusCode,
    ).toBe(404);
    const order = (
      await t.request('POST', '/api/portal/payments', {
        token,
        body: { billIds: [bill.id], provider: 'sandbox' },
      })
    ).json() as { outTradeNo: string };
    const paid = await t.request('POST', `/api/payments/sandbox/${order.outTradeNo}/pay`);
    expect(paid.statusCode, paid.body).toBe(202);
    await waitFor(async () => {
      const [row] = await t.services.database.db
        .select()
        .from(onlineOrders)
        .where(eq(onlineOrders.outTradeNo, order.outTradeNo));
      return row?.status === 'paid';
    });
    const status = (await t.request('GET', `/api/portal/payments/${order.outTradeNo}`, { token })).json() as {
      status: string;
      receiptNo: string;
    };
    expect(status.status).toBe('paid');
    const after = (await t.request('GET', '/api/portal/bills', { token })).json() as {
      payments: { receiptNo: string }[];
    };
    expect(after.payments.map((p) => p.receiptNo)).toContain(status.receiptNo);
  });
});

describe('receipts and 日结', () => {
  it('prints a receipt and a daily report that balances', async () => {
    const list = (
      await t.request('GET', `/api/payments?projectId=${t.fixture.projectA}&pageSize=1`, { token: cashier })
    ).json() as {
      items: Payment[];
    };
    const pdf = await t.request('GET', `/api/payments/${list.items[0]!.id}/receipt.pdf`, { token: cashier });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const report = await t.request(
      'GET',
      `/api/cashier-reports?projectId=${t.fixture.projectA}&date=2026-12-06`,
      { token: finance },
    );
    expect(report.statusCode, report.body).toBe(200);
    const r = report.json() as {
      total: number;
      receipts: number;
      byMethod: { amount: number; count: number }[];
      payments: { amount: number }[];
    };
    expect(r.receipts).toBe(r.payments.length);
    expect(r.byMethod.reduce((s, m) => s + m.amount, 0)).toBe(r.total);
    expect(r.byMethod.reduce((s, m) => s + m.count, 0)).toBe(r.receipts);
    expect(r.payments.reduce((s, p) => s + p.amount, 0)).toBe(r.total);
    const mine = (
      await t.request(
        'GET',
        `/api/cashier-reports?projectId=${t.fixture.projectA}&date=2026-12-06&cashierId=${(await me(cashier)).id}`,
        {
          token: cashier,
        },
      )
    ).json() as { receipts: number; total: number };
    expect(mine.receipts).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(r.total);
    const xlsx = await t.request(
      'GET',
      `/api/cashier-reports?projectId=${t.fixture.projectA}&date=2026-12-06&format=xlsx`,
      {
        token: finance,
      },
    );
    expect(xlsx.statusCode).toBe(200);
    const pdfReport = await t.request(
      'GET',
      `/api/cashier-reports?projectId=${t.fixture.projectA}&date=2026-12-06&format=pdf`,
      {
        token: finance,
      },
    );
    expect(pdfReport.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

async function me(token: string) {
  return (await t.request('GET', '/api/auth/me', { token })).json() as { id: number };
}

async function portalLogin(phone: string): Promise<string> {
  const sent = await t.request('POST', '/api/portal/auth/code', { body: { phone } });
  expect(sent.statusCode, sent.body).toBe(202);
  await t.services.queue.drain();
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const code = /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1];
  const login = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
  expect(login.statusCode, login.body).toBe(200);
  return (login.json() as { token: string }).token;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
