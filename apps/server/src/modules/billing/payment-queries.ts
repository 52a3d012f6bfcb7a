import { DEFAULT_TIME_ZONE, wallClockInstant } from '@guanjia/shared';
import type { Payment, PaymentListQuery } from '@guanjia/shared/api';
import { and, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { units } from '../org/schema';
import { onlineOrders, type PaymentRow, paymentAllocations, payments } from './payments-schema';
import { bills } from './schema';

/** The payments a caller may see, filtered as the list and its export are. */
export function paymentFilters(
  auth: AuthContext,
  q: Omit<PaymentListQuery, 'page' | 'pageSize' | 'format'>,
  timeZone = DEFAULT_TIME_ZONE,
) {
  const where: (SQL | undefined)[] = [
    eq(payments.companyId, auth.companyId),
    inArray(payments.projectId, auth.projectIds.length ? [...auth.projectIds] : [-1]),
  ];
  if (q.projectId) where.push(eq(payments.projectId, q.projectId));
  if (q.unitId) where.push(eq(payments.unitId, q.unitId));
  if (q.cashierId) where.push(eq(payments.cashierId, q.cashierId));
  if (q.method) where.push(eq(payments.method, q.method));
  if (q.from) where.push(gte(payments.paidAt, wallClockInstant(q.from, '00:00', timeZone)));
  if (q.to)
    where.push(
      lt(payments.paidAt, new Date(wallClockInstant(q.to, '00:00', timeZone).getTime() + 86_400_000)),
    );
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(
      or(
        ilike(payments.receiptNo, like),
        sql`exists (select 1 from ${units} where ${units.id} = ${payments.unitId} and ${units.label} ilike ${like})`,
      ),
    );
  }
  return and(...where);
}

export async function paymentRows(db: DbOrTx, where: SQL | undefined, limit: number, offset: number) {
  return db
    .select()
    .from(payments)
    .where(where)
    .orderBy(desc(payments.paidAt), desc(payments.id))
    .limit(limit)
    .offset(offset);
}

export async function countPayments(db: DbOrTx, where: SQL | undefined) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(payments).where(where);
  return r?.n ?? 0;
}

/** Rows with their unit, cashier, allocations (with the bill's period), reversal and provider. */
export async function presentPayments(db: DbOrTx, rows: PaymentRow[]): Promise<Payment[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const cashierIds = [...new Set(rows.map((r) => r.cashierId).filter((c): c is number => c !== null))];
  const orderIds = rows.map((r) => r.onlineOrderId).filter((o): o is number => o !== null);
  const [unitRows, cashierRows, allocs, reversals, orders] = await Promise.all([
    db.select({ id: units.id, label: units.label }).from(units).where(inArray(units.id, unitIds)),
    cashierIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, cashierIds))
      : [],
    db
      .select({
        paymentId: paymentAllocations.paymentId,
        billId: paymentAllocations.billId,
        amount: paymentAllocations.amount,
        period: bills.period,
      })
      .from(paymentAllocations)
      .innerJoin(bills, eq(bills.id, paymentAllocations.billId))
      .where(inArray(paymentAllocations.paymentId, ids))
      .orderBy(bills.period),
    db
      .select({ id: payments.id, of: payments.reversalOf })
      .from(payments)
      .where(inArray(payments.reversalOf, ids)),
    orderIds.length
      ? db
          .select({ id: onlineOrders.id, provider: onlineOrders.provider })
          .from(onlineOrders)
          .where(inArray(onlineOrders.id, orderIds))
      : [],
  ]);
  const label = new Map(unitRows.map((u) => [u.id, u.label]));
  const cashier = new Map(cashierRows.map((c) => [c.id, c.name]));
  const reversedBy = new Map(reversals.map((r) => [r.of, r.id]));
  const provider = new Map(orders.map((o) => [o.id, o.provider]));
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    unitId: r.unitId,
    unitLabel: label.get(r.unitId) ?? '',
    amount: r.amount,
    prepaidAmount: r.prepaidAmount,
    method: r.method,
    cashierId: r.cashierId,
    cashierName: r.cashierId ? (cashier.get(r.cashierId) ?? null) : null,
    receiptNo: r.receiptNo,
    paidAt: r.paidAt.toISOString(),
    note: r.note,
    reversalOf: r.reversalOf,
    reversedBy: reversedBy.get(r.id) ?? null,
    reason: r.reason,
    provider: r.onlineOrderId ? (provider.get(r.onlineOrderId) ?? null) : null,
    allocations: allocs
      .filter((a) => a.paymentId === r.id)
      .map((a) => ({ billId: a.billId, period: a.period, amount: a.amount })),
  }));
}

export async function getPayment(db: DbOrTx, auth: AuthContext, id: number): Promise<Payment> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  if (!row || row.companyId !== auth.companyId || !auth.projectIds.includes(row.projectId))
    throw notFound('Payment');
  const [p] = await presentPayments(db, [row]);
  return p!;
}
