import { type RequestAdjustmentBody, requestAdjustmentBody } from '@guanjia/shared/api';
import { and, eq, sql } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, can } from '../../platform/auth/context';
import type { Tx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, conflict, notFound } from '../../platform/http/errors';
import { billInScope } from './bill-queries';
import { balanceAfter } from './rules/bill-status';
import { type BillAdjustmentRow, type BillRow, billAdjustments, bills } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Kinds that only lower a bill and need a second person's approval (减免, 核销, 滞纳金减免). */
const NEEDS_APPROVER = new Set(['discount', 'write_off', 'late_fee_waiver']);

/** Sums of a bill's correction rows: reductions still pending, and late fees net of waivers. */
async function adjustmentSums(tx: Tx, billId: number) {
  const [r] = await tx
    .select({
      pendingDown: sql<number>`coalesce(sum(${billAdjustments.amount}) filter (where ${billAdjustments.status} = 'pending' and ${billAdjustments.amount} < 0), 0)::int`,
      lateFees: sql<number>`coalesce(sum(${billAdjustments.amount}) filter (where ${billAdjustments.status} = 'approved' and ${billAdjustments.kind} in ('late_fee', 'late_fee_waiver')), 0)::int`,
      pendingWaivers: sql<number>`coalesce(sum(${billAdjustments.amount}) filter (where ${billAdjustments.status} = 'pending' and ${billAdjustments.kind} = 'late_fee_waiver'), 0)::int`,
    })
    .from(billAdjustments)
    .where(eq(billAdjustments.billId, billId));
  return {
    pendingDown: r?.pendingDown ?? 0,
    lateFees: r?.lateFees ?? 0,
    pendingWaivers: r?.pendingWaivers ?? 0,
  };
}

const negativeBill = (bill: BillRow, amount: number) =>
  new AppError(422, 'bill_negative', 'The bill cannot go below zero', { balance: bill.balance, amount });

/** Raise or lower a bill's adjusted sum by an approved row, in the row's transaction. */
export async function applyToBill(tx: Tx, bill: BillRow, amount: number, now: Date) {
  const next = balanceAfter(bill, amount);
  if (next < 0) throw negativeBill(bill, amount);
  await tx
    .update(bills)
    .set({
      adjustedAmount: bill.adjustedAmount + amount,
      settledAt: next <= 0 ? (bill.settledAt ?? now) : null,
      updatedAt: now,
      version: bill.version + 1,
    })
    .where(eq(bills.id, bill.id));
}

/**
 * A correction of a bill (corrections never edit it): an adjustment (signed), or a 减免 / 核销 /
 * 滞纳金减免 that lowers it. Reductions wait for a second person with billing.finance; a finance
 * user's plain adjustment applies at once. Nothing may take a bill below zero, counting the
 * reductions already waiting.
 */
export async function requestAdjustment(
  ctx: Ctx,
  auth: AuthContext,
  billId: number,
  input: RequestAdjustmentBody,
) {
  const body = requestAdjustmentBody.parse(input);
  if (!can(auth, 'billing.cashier') && !can(auth, 'billing.finance'))
    throw new AppError(403, 'forbidden', 'Requesting a correction needs the cashier or finance permission');
  const lowers = NEEDS_APPROVER.has(body.kind);
  if (lowers && body.amount < 0)
    throw new AppError(
      422,
      'invalid_value',
      'A discount, write-off or waiver lowers the bill: give its size as a positive amount',
    );
  const amount = lowers ? -body.amount : body.amount;
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const bill = await billInScope(tx, auth, billId, true);
    const sums = await adjustmentSums(tx, bill.id);
    if (amount < 0 && balanceAfter(bill, amount + sums.pendingDown) < 0) throw negativeBill(bill, amount);
    if (body.kind === 'late_fee_waiver' && sums.lateFees + sums.pendingWaivers + amount < 0)
      throw new AppError(422, 'invalid_value', 'Only late fees still owed can be waived', {
        lateFees: sums.lateFees,
      });
    const approved = !lowers && can(auth, 'billing.finance');
    const [row] = await tx
      .insert(billAdjustments)
      .values({
        billId: bill.id,
        projectId: bill.projectId,
        kind: body.kind,
        amount,
        reason: body.reason,
        status: approved ? 'approved' : 'pending',
        requestedById: auth.userId,
        approvedById: approved ? auth.userId : null,
        decidedAt: approved ? now : null,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    if (approved) await applyToBill(tx, bill, amount, now);
    await recordEvent(tx, userActor(auth), now, {
      action: approved ? 'bill.adjusted' : 'bill.adjustment_requested',
      entityType: 'bill',
      entityId: bill.id,
      projectId: bill.projectId,
      before: approved ? { adjustedAmount: bill.adjustedAmount, balance: bill.balance } : undefined,
      after: { adjustmentId: row.id, kind: row.kind, amount, reason: row.reason, status: row.status },
    });
    return row;
  });
}

/**
 * 审批: a second person with billing.finance approves or rejects a pending correction; the
 * requester never decides their own. Approval applies the amount to the bill in the same
 * transaction, re-checking that the bill stays at or above zero.
 */
export async function decideAdjustment(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: { decision: 'approve' | 'reject'; version: number },
): Promise<BillAdjustmentRow> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [found] = await tx.select().from(billAdjustments).where(eq(billAdjustments.id, id)).for('update');
    if (!found || !auth.projectIds.includes(found.projectId)) throw notFound('Bill adjustment');
    const adj = checkVersion(found, body.version, 'Bill adjustment');
    if (adj.status !== 'pending')
      throw conflict('Only pending requests can be decided', { status: adj.status });
    if (adj.requestedById === auth.userId)
      throw new AppError(409, 'self_decision', 'Someone else must approve your own request');
    const bill = await billInScope(tx, auth, adj.billId, true);
    const approve = body.decision === 'approve';
    if (approve) await applyToBill(tx, bill, adj.amount, now);
    const [row] = await tx
      .update(billAdjustments)
      .set({
        status: approve ? 'approved' : 'rejected',
        approvedById: auth.userId,
        decidedAt: now,
        version: adj.version + 1,
      })
      .where(and(eq(billAdjustments.id, adj.id), eq(billAdjustments.version, adj.version)))
      .returning();
    if (!row) throw new Error('adjustment vanished inside its transaction');
    await recordEvent(tx, userActor(auth), now, {
      action: approve ? 'bill.adjustment_approved' : 'bill.adjustment_rejected',
      entityType: 'bill',
      entityId: bill.id,
      projectId: bill.projectId,
      before: { status: 'pending', adjustedAmount: bill.adjustedAmount },
      after: {
        adjustmentId: adj.id,
        kind: adj.kind,
        amount: adj.amount,
        reason: adj.reason,
        requestedById: adj.requestedById,
        status: row.status,
      },
    });
    return row;
  });
}
