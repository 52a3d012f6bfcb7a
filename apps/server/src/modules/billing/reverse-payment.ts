import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, conflict, notFound } from '../../platform/http/errors';
import { loadUnit } from './load-unit';
import { insertPayment, lockBills, lockPrepaid, movePrepaid, writeAllocations } from './payment-store';
import { paymentAllocations, payments } from './payments-schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * 冲正: a new payment of the opposite amount that takes every allocation back off its bill (and the
 * prepaid part back out of the account). The original is never edited; a payment is reversed once.
 */
export async function reversePayment(ctx: Ctx, auth: AuthContext, id: number, reason: string) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [original] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
    if (!original || original.companyId !== auth.companyId) throw notFound('Payment');
    const unit = await loadUnit(tx, original.unitId, auth);
    if (original.reversalOf !== null)
      throw conflict('A reversal cannot be reversed', { code: 'is_reversal' });
    const [already] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.reversalOf, id));
    if (already)
      throw new AppError(409, 'already_reversed', 'This payment was already reversed', { by: already.id });
    const allocs = await tx.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, id));
    await lockBills(
      tx,
      unit.id,
      allocs.map((a) => a.billId),
    );
    if (original.prepaidAmount > 0 || original.method === 'prepaid') {
      const balance = await lockPrepaid(tx, unit);
      if (original.prepaidAmount > balance)
        throw new AppError(409, 'prepaid_spent', 'The prepaid money of this payment was already spent', {
          prepaid: original.prepaidAmount,
          balance,
        });
    }
    const reversal = await insertPayment(tx, {
      companyId: unit.companyId,
      projectId: unit.projectId,
      unitId: unit.id,
      amount: -original.amount,
      prepaidAmount: -original.prepaidAmount,
      method: original.method,
      cashierId: auth.userId,
      paidAt: now,
      note: `冲正 ${original.receiptNo}`,
      reversalOf: id,
      reason,
      timeZone: unit.timeZone,
    });
    await writeAllocations(
      tx,
      reversal.id,
      unit.projectId,
      allocs.map((a) => ({ billId: a.billId, amount: -a.amount })),
      now,
    );
    // Money back out of the account it went into; a reversed 预存抵扣 gives the balance back.
    const prepaidBack = original.method === 'prepaid' ? original.amount : -original.prepaidAmount;
    await movePrepaid(tx, {
      unitId: unit.id,
      projectId: unit.projectId,
      kind: 'reversal',
      amount: prepaidBack,
      paymentId: reversal.id,
      at: now,
    });
    await recordEvent(tx, userActor(auth), now, {
      action: 'payment.reversed',
      entityType: 'payment',
      entityId: id,
      projectId: unit.projectId,
      before: { receiptNo: original.receiptNo, amount: original.amount },
      after: { reversalId: reversal.id, receiptNo: reversal.receiptNo, reason },
    });
    return reversal;
  });
}
