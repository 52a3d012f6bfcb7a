import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import { loadUnit } from './load-unit';
import { insertPayment, lockBills, lockPrepaid, movePrepaid, writeAllocations } from './payment-store';
import { prepaidAccounts } from './payments-schema';
import { applyPrepaidBalance } from './rules/allocate-payment';

export interface ApplyPrepaidInput {
  projectId: number;
  /** Only these units; omitted = every unit of the project holding a prepaid balance. */
  unitIds?: readonly number[];
  now: Date;
  /** Who applies it; a job (the billing run) when omitted. */
  actor?: Actor;
}

/**
 * 预存抵扣: spend prepaid balances on open bills, by fee-item priority then the oldest. Runs inside the
 * caller's transaction (the billing run calls it at its end, a prepayment right after it is taken);
 * each unit's spend is a payment of method `prepaid` with its own receipt number, so the bills show
 * where the money came from and the cashier's 日结 can tell it from money taken in.
 */
export async function applyPrepaidInTx(tx: DbOrTx, input: ApplyPrepaidInput) {
  const holders = await tx
    .select({ unitId: prepaidAccounts.unitId })
    .from(prepaidAccounts)
    .where(
      and(
        eq(prepaidAccounts.projectId, input.projectId),
        gt(prepaidAccounts.balance, 0),
        input.unitIds
          ? inArray(prepaidAccounts.unitId, input.unitIds.length ? [...input.unitIds] : [-1])
          : undefined,
      ),
    )
    .orderBy(asc(prepaidAccounts.unitId));
  let applied = 0;
  for (const { unitId } of holders) {
    const unit = await loadUnit(tx, unitId);
    const actor = input.actor ?? { userId: null, companyId: unit.companyId, source: 'job' as const };
    // Same lock order as a desk payment that prepays (bills, then the account): no deadlock between them.
    const open = await lockBills(tx, unitId);
    const balance = await lockPrepaid(tx, unit);
    const split = applyPrepaidBalance(balance, open);
    const spend = split.allocations.reduce((s, a) => s + a.amount, 0);
    if (spend <= 0) continue;
    const payment = await insertPayment(tx, {
      companyId: unit.companyId,
      projectId: unit.projectId,
      unitId,
      amount: spend,
      prepaidAmount: 0,
      method: 'prepaid',
      cashierId: actor.userId,
      paidAt: input.now,
      note: '预存抵扣',
      timeZone: unit.timeZone,
    });
    await writeAllocations(tx, payment.id, unit.projectId, split.allocations, input.now);
    await movePrepaid(tx, {
      unitId,
      projectId: unit.projectId,
      kind: 'apply',
      amount: -spend,
      paymentId: payment.id,
      at: input.now,
    });
    await recordEvent(tx, actor, input.now, {
      action: 'payment.prepaid_applied',
      entityType: 'payment',
      entityId: payment.id,
      projectId: unit.projectId,
      after: { receiptNo: payment.receiptNo, unitId, amount: spend, allocations: split.allocations },
    });
    applied += spend;
  }
  return { applied };
}

/** The name the billing run calls. */
export const applyPrepaid = applyPrepaidInTx;
