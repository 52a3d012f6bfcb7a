import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments, refunds } from '../modules/billing/payments-schema';
import { bills } from '../modules/billing/schema';
import { ensureFeeItem, insertBill } from '../testing/bills';
import { createTestServer, type TestServer } from '../testing/test-server';
import { seedDemoPayments } from './demo-payments';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(new Date('2026-12-06T10:00:00+08:00'));
});
afterAll(async () => t?.close());

describe('demo payments seed', () => {
  it('does nothing without bills', async () => {
    const boot = {
      companyId: t.fixture.companyId,
      roleIds: t.fixture.roleIds,
      adminId: t.fixture.users.admin,
      adminPassword: '',
      generatedPassword: false,
    };
    expect(await seedDemoPayments(t.services, boot)).toBe(
      '0 payments, 0 online (测试支付), 0 deposit refund',
    );
  });

  it('pays most bills, leaves some owing, and keeps every bill consistent', async () => {
    const db = t.services.database.db;
    const f = t.fixture;
    const mgmt = await ensureFeeItem(db, f.projectA, { code: 'WYF', name: '物业服务费', priority: 10 });
    const deposit = await ensureFeeItem(db, f.projectA, { code: 'ZXYJ', name: '装修押金', kind: 'deposit' });
    for (const unit of f.unitsA)
      for (const period of [
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
        '2026-12',
        '2027-01',
      ])
        await insertBill(db, unit, period, [
          { feeItemId: mgmt.id, amount: 26_850 },
          ...(period === '2026-06' && unit === f.unitsA[0]
            ? [{ feeItemId: deposit.id, amount: 200_000 }]
            : []),
        ]);
    const boot = {
      companyId: f.companyId,
      roleIds: f.roleIds,
      adminId: f.users.admin,
      adminPassword: '',
      generatedPassword: false,
    };
    const summary = await seedDemoPayments(t.services, boot);
    expect(summary).toMatch(/^\d+ payments, 3 online \(测试支付\), 1 deposit refund$/);
    const [owing] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(bills)
      .where(
        and(eq(bills.projectId, f.projectA), gt(bills.balance, 0), sql`${bills.dueDate} <= '2026-12-06'`),
      );
    expect(owing!.n).toBeLessThan(f.unitsA.length * 6);
    // paid_amount is the sum of the allocations less the refund (the deposit's adjustment keeps it settled).
    const drift = await t.services.database.query<{ id: number }>(`
      select b.id from bills b
      left join (select bill_id, sum(amount) s from payment_allocations group by bill_id) a on a.bill_id = b.id
      left join (select bill_id, sum(amount) s from refunds where kind = 'deposit' group by bill_id) r on r.bill_id = b.id
      where b.paid_amount <> coalesce(a.s, 0) - coalesce(r.s, 0) or b.balance < 0`);
    expect(drift).toEqual([]);
    const receipts = await db
      .select({ no: payments.receiptNo })
      .from(payments)
      .where(eq(payments.projectId, f.projectA));
    expect(new Set(receipts.map((r) => r.no)).size).toBe(receipts.length);
    expect(await db.select().from(refunds)).toHaveLength(1);
    // The desk continues the day's receipt sequence after the seeded ones.
    const unit = f.unitsA[0]!;
    const open = await db
      .select()
      .from(bills)
      .where(and(eq(bills.unitId, unit), gt(bills.balance, 0)));
    if (open.length) {
      const res = await t.request('POST', '/api/payments', {
        token: await t.login('admin'),
        body: { unitId: unit, billIds: [open[0]!.id], amount: open[0]!.balance, method: 'cash' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
});
