import { zonedDay } from '@guanjia/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import { badRequest } from '../../platform/http/errors';
import { loadUnit } from './load-unit';
import { lockPrepaid, movePrepaid } from './payment-store';
import { type BillRow, billAdjustments, billLines, bills, type FeeKind, feeItems } from './schema';

/** The fee items other modules charge through billing; created on first use in each project. */
export const ONE_OFF_FEES = {
  decoration_deposit: { code: 'ZXYJ', name: '装修押金', kind: 'deposit' },
  facility_fee: { code: 'CDSYF', name: '场地使用费', kind: 'one_off' },
} as const satisfies Record<string, { code: string; name: string; kind: FeeKind }>;
export type OneOffFee = keyof typeof ONE_OFF_FEES;

export interface ChargeOnce {
  unitId: number;
  fee: OneOffFee;
  amount: number;
  description: string;
  /** The record that caused the charge; one bill per source (a repeat returns the existing bill). */
  sourceType: 'decoration' | 'booking';
  sourceId: number;
  now: Date;
}

/**
 * 临时收费: a one-off bill with one line for a unit, run inside the caller's transaction so the case
 * and its bill are written together. The bill is then paid, adjusted and refunded like any bill at the
 * desk (record-payment.ts, adjust-bill.ts, refund-payment.ts), which keeps cashier reports and 日结 whole.
 */
export async function chargeOnce(tx: DbOrTx, actor: Actor, p: ChargeOnce): Promise<BillRow> {
  if (!Number.isInteger(p.amount) || p.amount <= 0)
    throw badRequest('A one-off charge needs a positive amount', { amount: p.amount });
  const [existing] = await tx
    .select()
    .from(bills)
    .where(and(eq(bills.sourceType, p.sourceType), eq(bills.sourceId, p.sourceId)));
  if (existing) return existing;
  const unit = await loadUnit(tx, p.unitId);
  const fee = ONE_OFF_FEES[p.fee];
  const today = zonedDay(p.now, unit.timeZone);
  await tx
    .insert(feeItems)
    .values({
      companyId: unit.companyId,
      projectId: unit.projectId,
      code: fee.code,
      name: fee.name,
      kind: fee.kind,
      formula: 'fixed',
      startDate: today,
      dueDays: 0,
      createdAt: p.now,
      updatedAt: p.now,
    })
    .onConflictDoNothing();
  const [item] = await tx
    .select({ id: feeItems.id })
    .from(feeItems)
    .where(and(eq(feeItems.projectId, unit.projectId), eq(feeItems.code, fee.code)));
  // The month keeps the bill readable; the source suffix keeps it off the periodic unit × month key.
  const period = `${today.slice(0, 7)} ${p.sourceType}:${p.sourceId}`;
  const [bill] = await tx
    .insert(bills)
    .values({
      companyId: unit.companyId,
      projectId: unit.projectId,
      buildingId: unit.buildingId,
      unitId: unit.id,
      period,
      dueDate: today,
      billedAmount: p.amount,
      sourceType: p.sourceType,
      sourceId: p.sourceId,
      createdAt: p.now,
      updatedAt: p.now,
    })
    .returning();
  await tx.insert(billLines).values({
    billId: bill!.id,
    projectId: unit.projectId,
    unitId: unit.id,
    feeItemId: item!.id,
    period,
    description: p.description,
    amount: p.amount,
    createdAt: p.now,
  });
  await recordEvent(tx, actor, p.now, {
    action: 'bill.charged_once',
    entityType: 'bill',
    entityId: bill!.id,
    projectId: unit.projectId,
    after: {
      unitId: unit.id,
      feeItem: fee.code,
      amount: p.amount,
      sourceType: p.sourceType,
      sourceId: p.sourceId,
    },
  });
  return bill!;
}

/** A one-off charge let go by the estate (a booking cancelled in time): which bill, why, when, by whom. */
export interface LeaveOnce {
  billId: number;
  reason: string;
  now: Date;
  userId: number | null;
}

/** An adjustment the estate's own rule decides, so it is approved as it is written. */
async function approvedAdjustment(tx: DbOrTx, bill: BillRow, amount: number, reason: string, p: LeaveOnce) {
  const [row] = await tx
    .insert(billAdjustments)
    .values({
      billId: bill.id,
      projectId: bill.projectId,
      kind: 'adjustment',
      amount,
      reason,
      status: 'approved',
      requestedById: p.userId,
      approvedById: p.userId,
      decidedAt: p.now,
    })
    .returning();
  return row!;
}

/**
 * Waives what a one-off bill still owes (an approved adjustment of the open balance), e.g. a booking
 * cancelled in time. What was already paid is not touched here: see returnPaidToPrepaid.
 */
export async function waiveOnce(tx: DbOrTx, actor: Actor, p: LeaveOnce) {
  const [bill] = await tx.select().from(bills).where(eq(bills.id, p.billId)).for('update');
  if (!bill || bill.balance <= 0) return null;
  const row = await approvedAdjustment(tx, bill, -bill.balance, p.reason, p);
  await tx
    .update(bills)
    .set({
      adjustedAmount: sql`${bills.adjustedAmount} - ${bill.balance}`,
      settledAt: p.now,
      updatedAt: p.now,
      version: sql`${bills.version} + 1`,
    })
    .where(eq(bills.id, bill.id));
  await recordEvent(tx, actor, p.now, {
    action: 'bill.adjusted',
    entityType: 'bill',
    entityId: bill.id,
    projectId: bill.projectId,
    after: { adjustmentId: row.id, kind: 'adjustment', amount: -bill.balance, reason: p.reason },
  });
  return row;
}

/**
 * 退费转预存: what a one-off bill had been paid goes to the unit's prepaid balance, e.g. a paid booking
 * cancelled in time. As a deposit refund does, the money leaves the bill (paid_amount) beside an approved
 * adjustment of the same size, so the bill stays settled; the prepaid balance then pays the household's
 * next bills, or the desk refunds it (refund-payment.ts). Nothing leaves the estate's till, so the
 * cashier's receipts and 日结 stay as they were.
 */
export async function returnPaidToPrepaid(tx: DbOrTx, actor: Actor, p: LeaveOnce): Promise<number> {
  const [bill] = await tx.select().from(bills).where(eq(bills.id, p.billId)).for('update');
  if (!bill || bill.paidAmount <= 0) return 0;
  const paid = bill.paidAmount;
  await lockPrepaid(tx, { id: bill.unitId, projectId: bill.projectId, companyId: bill.companyId });
  const row = await approvedAdjustment(tx, bill, -paid, `${p.reason}，已缴费用转预存`, p);
  await tx
    .update(bills)
    .set({
      paidAmount: sql`${bills.paidAmount} - ${paid}`,
      adjustedAmount: sql`${bills.adjustedAmount} - ${paid}`,
      updatedAt: p.now,
      version: sql`${bills.version} + 1`,
    })
    .where(eq(bills.id, bill.id));
  await movePrepaid(tx, {
    unitId: bill.unitId,
    projectId: bill.projectId,
    kind: 'credit',
    amount: paid,
    at: p.now,
  });
  await recordEvent(tx, actor, p.now, {
    action: 'bill.paid_to_prepaid',
    entityType: 'bill',
    entityId: bill.id,
    projectId: bill.projectId,
    after: { adjustmentId: row.id, amount: paid, unitId: bill.unitId, reason: p.reason },
  });
  return paid;
}
