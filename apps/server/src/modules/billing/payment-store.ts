import { zonedDay } from '@guanjia/shared';
import { and, asc, eq, gt, inArray, min, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { projects } from '../org/schema';
import {
  type PaymentMethod,
  type PrepaidEntryKind,
  paymentAllocations,
  payments,
  prepaidAccounts,
  prepaidLedger,
  receiptCounters,
} from './payments-schema';
import type { Allocation, OpenBill } from './rules/allocate-payment';
import { receiptNumber } from './rules/receipt-number';
import { billLines, bills, feeItems } from './schema';

/**
 * The writes every money command shares. Each runs inside the caller's transaction; bills and prepaid
 * accounts are locked FOR UPDATE before their balances are read, so two cashiers (or a cashier and an
 * online notification) taking money for the same bill queue up instead of both seeing it unpaid.
 */

/** The next receipt number of the project's day: one upsert, safe under concurrency. */
export async function nextReceiptNo(tx: DbOrTx, projectId: number, at: Date, timeZone: string) {
  const day = zonedDay(at, timeZone);
  const [row] = await tx
    .insert(receiptCounters)
    .values({ projectId, day, last: 1 })
    .onConflictDoUpdate({
      target: [receiptCounters.projectId, receiptCounters.day],
      set: { last: sql`${receiptCounters.last} + 1` },
    })
    .returning({ last: receiptCounters.last });
  return receiptNumber(day, row!.last);
}

export async function projectOf(tx: DbOrTx, projectId: number) {
  const [p] = await tx
    .select({ id: projects.id, companyId: projects.companyId, timezone: projects.timezone })
    .from(projects)
    .where(eq(projects.id, projectId));
  return p;
}

/** The bills of a unit (all open ones, or the chosen ones), locked, with their most urgent fee item. */
export async function lockBills(tx: DbOrTx, unitId: number, billIds?: readonly number[]) {
  const rows = await tx
    .select({
      id: bills.id,
      projectId: bills.projectId,
      unitId: bills.unitId,
      period: bills.period,
      dueDate: bills.dueDate,
      balance: bills.balance,
      paidAmount: bills.paidAmount,
    })
    .from(bills)
    .where(
      and(
        eq(bills.unitId, unitId),
        billIds ? inArray(bills.id, billIds.length ? [...billIds] : [-1]) : gt(bills.balance, 0),
      ),
    )
    .orderBy(asc(bills.id))
    .for('update');
  if (!rows.length) return [];
  const prio = await tx
    .select({ billId: billLines.billId, priority: min(feeItems.priority) })
    .from(billLines)
    .innerJoin(feeItems, eq(feeItems.id, billLines.feeItemId))
    .where(
      inArray(
        billLines.billId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(billLines.billId);
  const byBill = new Map(prio.map((r) => [r.billId, r.priority ?? 100]));
  return rows.map((r) => ({ ...r, priority: byBill.get(r.id) ?? 100 }) satisfies OpenBill);
}

/** Move money onto (positive) or off (negative) bills: allocation rows and paid_amount, together. */
export async function writeAllocations(
  tx: DbOrTx,
  paymentId: number,
  projectId: number,
  allocations: readonly Allocation[],
  at: Date,
) {
  if (!allocations.length) return;
  await tx
    .insert(paymentAllocations)
    .values(allocations.map((a) => ({ paymentId, billId: a.billId, projectId, amount: a.amount })));
  for (const a of allocations) {
    await tx
      .update(bills)
      .set({
        paidAmount: sql`${bills.paidAmount} + ${a.amount}`,
        // balance is generated: compute the new one from the columns being written.
        settledAt: sql`case when ${bills.billedAmount} + ${bills.adjustedAmount} - (${bills.paidAmount} + ${a.amount}) <= 0 then coalesce(${bills.settledAt}, ${at.toISOString()}::timestamptz) else null end`,
        updatedAt: at,
        version: sql`${bills.version} + 1`,
      })
      .where(eq(bills.id, a.billId));
  }
}

/** The unit's prepaid account, created empty on first use and locked for the rest of the transaction. */
export async function lockPrepaid(
  tx: DbOrTx,
  unit: { id: number; projectId: number; companyId: number },
): Promise<number> {
  await tx
    .insert(prepaidAccounts)
    .values({ unitId: unit.id, projectId: unit.projectId, companyId: unit.companyId, balance: 0 })
    .onConflictDoNothing();
  const [row] = await tx
    .select({ balance: prepaidAccounts.balance })
    .from(prepaidAccounts)
    .where(eq(prepaidAccounts.unitId, unit.id))
    .for('update');
  return row?.balance ?? 0;
}

/** One ledger entry and the balance beside it (the caller holds the lock from lockPrepaid). */
export async function movePrepaid(
  tx: DbOrTx,
  entry: {
    unitId: number;
    projectId: number;
    kind: PrepaidEntryKind;
    amount: number;
    paymentId?: number;
    refundId?: number;
    at: Date;
  },
) {
  if (entry.amount === 0) return;
  await tx.insert(prepaidLedger).values({
    unitId: entry.unitId,
    projectId: entry.projectId,
    kind: entry.kind,
    amount: entry.amount,
    paymentId: entry.paymentId ?? null,
    refundId: entry.refundId ?? null,
    at: entry.at,
  });
  await tx
    .update(prepaidAccounts)
    .set({
      balance: sql`${prepaidAccounts.balance} + ${entry.amount}`,
      updatedAt: entry.at,
      version: sql`${prepaidAccounts.version} + 1`,
    })
    .where(eq(prepaidAccounts.unitId, entry.unitId));
}

export interface NewPayment {
  companyId: number;
  projectId: number;
  unitId: number;
  amount: number;
  prepaidAmount: number;
  method: PaymentMethod;
  cashierId: number | null;
  paidAt: Date;
  note?: string;
  reversalOf?: number;
  reason?: string;
  onlineOrderId?: number;
  timeZone: string;
}

export async function insertPayment(tx: DbOrTx, p: NewPayment) {
  const receiptNo = await nextReceiptNo(tx, p.projectId, p.paidAt, p.timeZone);
  const [row] = await tx
    .insert(payments)
    .values({
      companyId: p.companyId,
      projectId: p.projectId,
      unitId: p.unitId,
      amount: p.amount,
      prepaidAmount: p.prepaidAmount,
      method: p.method,
      cashierId: p.cashierId,
      receiptNo,
      paidAt: p.paidAt,
      note: p.note ?? '',
      reversalOf: p.reversalOf ?? null,
      reason: p.reason ?? null,
      onlineOrderId: p.onlineOrderId ?? null,
    })
    .returning();
  return row!;
}
