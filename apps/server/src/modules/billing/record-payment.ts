import type { PaymentBody } from '@guanjia/shared/api';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest } from '../../platform/http/errors';
import { applyPrepaidInTx } from './apply-prepaid';
import { type LoadedUnit, loadUnit } from './load-unit';
import { insertPayment, lockBills, lockPrepaid, movePrepaid, writeAllocations } from './payment-store';
import type { PaymentMethod } from './payments-schema';
import { allocatePayment, OverpaymentError } from './rules/allocate-payment';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** 前台收费: one transaction from the locked bills to the receipt number. */
export async function recordPayment(ctx: Ctx, auth: AuthContext, body: PaymentBody) {
  const unit = await loadUnit(ctx.database.db, body.unitId, auth);
  return ctx.database.db.transaction((tx) =>
    takePayment(tx, unit, userActor(auth), {
      amount: body.amount,
      method: body.method,
      billIds: body.billIds,
      prepay: body.prepay,
      note: body.note,
      cashierId: auth.userId,
      at: ctx.clock.now(),
    }),
  );
}

export interface TakePayment {
  amount: number;
  method: PaymentMethod;
  billIds?: readonly number[];
  prepay: boolean;
  note?: string;
  cashierId: number | null;
  at: Date;
  onlineOrderId?: number;
}

/**
 * Lock the bills, split the money (oldest first), write the payment, its allocations, the bills'
 * paid amounts and any prepaid remainder; a prepayment is applied at once to the unit's other open
 * bills, by fee-item priority. Shared by the desk and the online notification.
 */
export async function takePayment(tx: DbOrTx, unit: LoadedUnit, actor: Actor, p: TakePayment) {
  const locked = await lockBills(tx, unit.id, p.billIds);
  if (p.billIds && locked.length !== new Set(p.billIds).size)
    throw badRequest('A bill does not belong to this unit', { billIds: 'unknown bill for this unit' });
  let split: ReturnType<typeof allocatePayment>;
  try {
    split = allocatePayment(p.amount, locked, { prepay: p.prepay });
  } catch (e) {
    if (e instanceof OverpaymentError)
      throw new AppError(
        400,
        'overpayment',
        'The amount is more than the bills owe; choose 预存 to keep the rest',
        {
          amount: e.amount,
          owed: e.owed,
        },
      );
    throw e;
  }
  const payment = await insertPayment(tx, {
    companyId: unit.companyId,
    projectId: unit.projectId,
    unitId: unit.id,
    amount: p.amount,
    prepaidAmount: split.prepaid,
    method: p.method,
    cashierId: p.cashierId,
    paidAt: p.at,
    note: p.note,
    onlineOrderId: p.onlineOrderId,
    timeZone: unit.timeZone,
  });
  await writeAllocations(tx, payment.id, unit.projectId, split.allocations, p.at);
  if (split.prepaid > 0) {
    await lockPrepaid(tx, unit);
    await movePrepaid(tx, {
      unitId: unit.id,
      projectId: unit.projectId,
      kind: 'deposit',
      amount: split.prepaid,
      paymentId: payment.id,
      at: p.at,
    });
  }
  await recordEvent(tx, actor, p.at, {
    action: 'payment.recorded',
    entityType: 'payment',
    entityId: payment.id,
    projectId: unit.projectId,
    after: {
      receiptNo: payment.receiptNo,
      unitId: unit.id,
      amount: p.amount,
      method: p.method,
      prepaid: split.prepaid,
      allocations: split.allocations,
    },
  });
  if (split.prepaid > 0)
    await applyPrepaidInTx(tx, { projectId: unit.projectId, unitIds: [unit.id], now: p.at, actor });
  return payment;
}
