import type { RefundBody } from '@guanjia/shared/api';
import { and, eq, sql } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest } from '../../platform/http/errors';
import { type LoadedUnit, loadUnit } from './load-unit';
import { lockBills, lockPrepaid, movePrepaid } from './payment-store';
import { refunds } from './payments-schema';
import { refundProblem } from './rules/allocate-payment';
import { billAdjustments, billLines, bills, feeItems } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * 退款 (财务): a prepaid balance, or a paid deposit such as 装修押金. A deposit refund takes the money
 * off the bill (paid_amount) and writes an approved adjustment of the same size, so the bill stays
 * settled instead of turning into arrears; neither can give back more than was paid.
 */
export async function refundPayment(ctx: Ctx, auth: AuthContext, body: RefundBody) {
  const unit = await loadUnit(ctx.database.db, body.unitId, auth);
  const now = ctx.clock.now();
  return ctx.database.db.transaction((tx) => refundInTx(tx, unit, auth, now, body));
}

/** The refund inside the caller's transaction (装修押金 refunded when the case closes). */
export async function refundInTx(
  tx: DbOrTx,
  unit: LoadedUnit,
  auth: AuthContext,
  now: Date,
  body: RefundBody,
) {
  let refundable: number;
  if (body.kind === 'prepaid') {
    refundable = await lockPrepaid(tx, unit);
  } else {
    if (!body.billId) throw badRequest('Choose the deposit bill', { billId: 'required for a deposit' });
    const [bill] = await lockBills(tx, unit.id, [body.billId]);
    if (!bill)
      throw badRequest('A bill does not belong to this unit', { billId: 'unknown bill for this unit' });
    const [deposit] = await tx
      .select({ amount: sql<number>`coalesce(sum(${billLines.amount}), 0)::int` })
      .from(billLines)
      .innerJoin(feeItems, eq(feeItems.id, billLines.feeItemId))
      .where(and(eq(billLines.billId, bill.id), eq(feeItems.kind, 'deposit')));
    if (!deposit?.amount) throw badRequest('This bill holds no deposit', { billId: 'not a deposit bill' });
    refundable = Math.min(bill.paidAmount, deposit.amount);
  }
  const problem = refundProblem(body.amount, refundable);
  if (problem)
    throw new AppError(400, 'refund_exceeds_paid', 'A refund cannot exceed what was paid', {
      amount: body.amount,
      refundable,
    });
  const [refund] = await tx
    .insert(refunds)
    .values({
      companyId: unit.companyId,
      projectId: unit.projectId,
      unitId: unit.id,
      kind: body.kind,
      billId: body.billId ?? null,
      amount: body.amount,
      method: body.method,
      reason: body.reason,
      refundedById: auth.userId,
      refundedAt: now,
    })
    .returning();
  if (body.kind === 'prepaid') {
    await movePrepaid(tx, {
      unitId: unit.id,
      projectId: unit.projectId,
      kind: 'refund',
      amount: -body.amount,
      refundId: refund!.id,
      at: now,
    });
  } else {
    const billId = body.billId!;
    await tx.insert(billAdjustments).values({
      billId,
      projectId: unit.projectId,
      kind: 'adjustment',
      amount: -body.amount,
      reason: `押金退还：${body.reason}`,
      status: 'approved',
      requestedById: auth.userId,
      approvedById: auth.userId,
      decidedAt: now,
    });
    await tx
      .update(bills)
      .set({
        paidAmount: sql`${bills.paidAmount} - ${body.amount}`,
        adjustedAmount: sql`${bills.adjustedAmount} - ${body.amount}`,
        updatedAt: now,
        version: sql`${bills.version} + 1`,
      })
      .where(eq(bills.id, billId));
  }
  await recordEvent(tx, userActor(auth), now, {
    action: 'payment.refunded',
    entityType: 'refund',
    entityId: refund!.id,
    projectId: unit.projectId,
    after: {
      unitId: unit.id,
      kind: body.kind,
      billId: body.billId ?? null,
      amount: body.amount,
      reason: body.reason,
    },
  });
  return refund!;
}
