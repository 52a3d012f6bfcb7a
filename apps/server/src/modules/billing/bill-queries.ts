import { BILL_STATUS_VALUES, type Bill, type BillDetail } from '@guanjia/shared/api';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { pageQuery } from '../../platform/http/pagination';
import { buildings, units } from '../org/schema';
import { paymentAllocations, payments } from './payments-schema';
import { billStatus } from './rules/bill-status';
import { type BillRow, billAdjustments, billLines, bills, feeItems } from './schema';

/** GET /api/bills: the filters of the 账单 list (amounts in 分). */
export const billListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  buildingId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  status: z.enum(BILL_STATUS_VALUES).optional(),
  format: z.enum(['json', 'xlsx']).optional(),
});
export type BillListQuery = z.infer<typeof billListQuery>;

const STATUS_SQL: Record<(typeof BILL_STATUS_VALUES)[number], SQL> = {
  paid: sql`${bills.balance} <= 0`,
  partial: sql`${bills.balance} > 0 and ${bills.paidAmount} > 0`,
  unpaid: sql`${bills.balance} > 0 and ${bills.paidAmount} = 0`,
};

export function billFilters(auth: AuthContext, q: Omit<BillListQuery, 'page' | 'pageSize'>): SQL | undefined {
  const scope = q.projectId
    ? auth.projectIds.includes(q.projectId)
      ? [q.projectId]
      : []
    : [...auth.projectIds];
  return and(
    scope.length ? inArray(bills.projectId, scope) : sql`false`,
    q.buildingId ? eq(bills.buildingId, q.buildingId) : undefined,
    q.unitId ? eq(bills.unitId, q.unitId) : undefined,
    q.period ? eq(bills.period, q.period) : undefined,
    q.status ? STATUS_SQL[q.status] : undefined,
  );
}

const billColumns = {
  bill: bills,
  unitLabel: units.label,
  buildingName: buildings.name,
};

type Joined = { bill: BillRow; unitLabel: string; buildingName: string };

export function presentBill({ bill: b, unitLabel, buildingName }: Joined): Bill {
  return {
    id: b.id,
    projectId: b.projectId,
    buildingId: b.buildingId,
    buildingName,
    unitId: b.unitId,
    unitLabel,
    period: b.period,
    dueDate: b.dueDate,
    billedAmount: b.billedAmount,
    adjustedAmount: b.adjustedAmount,
    paidAmount: b.paidAmount,
    balance: b.balance,
    status: billStatus(b),
    disputed: b.disputed,
    settledAt: b.settledAt?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
    version: b.version,
  };
}

export async function listBills(db: DbOrTx, where: SQL | undefined, limit: number, offset: number) {
  const rows = await db
    .select(billColumns)
    .from(bills)
    .innerJoin(units, eq(units.id, bills.unitId))
    .innerJoin(buildings, eq(buildings.id, bills.buildingId))
    .where(where)
    .orderBy(desc(bills.period), asc(units.label))
    .limit(limit)
    .offset(offset);
  return rows.map(presentBill);
}

/** One bill in the caller's scope (404 otherwise), optionally locked for a correction. */
export async function billInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false): Promise<BillRow> {
  const q = db.select().from(bills).where(eq(bills.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || !auth.projectIds.includes(row.projectId)) throw notFound('Bill');
  return row;
}

const requester = sql<
  string | null
>`(select display_name from users u where u.id = ${billAdjustments.requestedById})`;
const approver = sql<
  string | null
>`(select display_name from users u where u.id = ${billAdjustments.approvedById})`;

export const adjustmentColumns = { a: billAdjustments, requestedByName: requester, approvedByName: approver };

export function presentAdjustment(r: {
  a: typeof billAdjustments.$inferSelect;
  requestedByName: string | null;
  approvedByName: string | null;
}) {
  const a = r.a;
  return {
    id: a.id,
    billId: a.billId,
    kind: a.kind,
    amount: a.amount,
    reason: a.reason,
    status: a.status,
    lateFeeDay: a.lateFeeDay,
    requestedById: a.requestedById,
    requestedByName: r.requestedByName,
    approvedByName: r.approvedByName,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    version: a.version,
  };
}

/** A bill with its lines, corrections and the payments' shares of it (冲正 rows show negative). */
export async function billDetail(db: DbOrTx, auth: AuthContext, id: number): Promise<BillDetail> {
  const bill = await billInScope(db, auth, id);
  const [head] = await db
    .select(billColumns)
    .from(bills)
    .innerJoin(units, eq(units.id, bills.unitId))
    .innerJoin(buildings, eq(buildings.id, bills.buildingId))
    .where(eq(bills.id, bill.id));
  if (!head) throw notFound('Bill');
  const [lines, adjustments, allocations] = await Promise.all([
    db
      .select({ l: billLines, feeItemName: feeItems.name })
      .from(billLines)
      .innerJoin(feeItems, eq(feeItems.id, billLines.feeItemId))
      .where(eq(billLines.billId, bill.id))
      .orderBy(asc(feeItems.priority), asc(feeItems.code), asc(billLines.id)),
    db
      .select(adjustmentColumns)
      .from(billAdjustments)
      .where(eq(billAdjustments.billId, bill.id))
      .orderBy(asc(billAdjustments.id)),
    db
      .select({
        id: paymentAllocations.id,
        paymentId: payments.id,
        amount: paymentAllocations.amount,
        method: payments.method,
        receiptNo: payments.receiptNo,
        paidAt: payments.paidAt,
      })
      .from(paymentAllocations)
      .innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
      .where(eq(paymentAllocations.billId, bill.id))
      .orderBy(asc(payments.paidAt), asc(paymentAllocations.id)),
  ]);
  return {
    ...presentBill(head),
    lines: lines.map(({ l, feeItemName }) => ({
      id: l.id,
      feeItemId: l.feeItemId,
      feeItemName,
      description: l.description,
      parkingSpace: l.parkingSpace,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
    })),
    adjustments: adjustments.map(presentAdjustment),
    allocations: allocations.map((a) => ({ ...a, paidAt: a.paidAt.toISOString() })),
  };
}

/** Display names for ids (run starters, readers). */
export async function userNames(db: DbOrTx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
