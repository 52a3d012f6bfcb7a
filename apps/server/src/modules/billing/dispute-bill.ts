import type { disputeBody } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { billDisputes } from './collection-schema';
import { bills } from './schema';

/**
 * 有争议: a disputed bill is not chased (the 催缴 job skips it, and cancels its planned attempts when
 * nothing undisputed is left); unmarking it lets collection resume. The reason is kept in bill_disputes.
 */
export async function disputeBill(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  billId: number,
  body: z.infer<typeof disputeBody>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [bill] = await tx.select().from(bills).where(eq(bills.id, billId)).for('update');
    if (!bill) throw notFound('Bill');
    assertInScope(auth, bill.projectId, 'Bill');
    const [row] = await tx
      .update(bills)
      .set({ disputed: body.disputed, updatedAt: now, version: bill.version + 1 })
      .where(eq(bills.id, bill.id))
      .returning({ id: bills.id, disputed: bills.disputed, version: bills.version });
    if (!row) throw new Error('bill vanished inside its transaction');
    await tx.insert(billDisputes).values({
      billId: bill.id,
      projectId: bill.projectId,
      disputed: body.disputed,
      reason: body.reason,
      byId: auth.userId,
      createdAt: now,
    });
    await recordEvent(tx, userActor(auth), now, {
      action: body.disputed ? 'bill.disputed' : 'bill.undisputed',
      entityType: 'bill',
      entityId: bill.id,
      projectId: bill.projectId,
      before: { disputed: bill.disputed },
      after: { disputed: body.disputed, reason: body.reason },
    });
    return row;
  });
}
