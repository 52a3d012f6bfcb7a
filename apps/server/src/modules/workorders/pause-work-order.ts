import type { AuthContext } from '../../platform/auth/context';
import type { Ctx } from '../tickets/ticket-write';
import { assertHolderOrDispatcher, stepWorkOrder, writeWorkOrder } from './work-order-write';

/** 挂起 (waiting for parts, resident away, appointment): the fix clock stops counting until resumed. */
export async function pauseWorkOrder(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  reason: string,
) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    assertHolderOrDispatcher(auth, wo);
    const pauses = [...wo.pauses, { from: w.now.toISOString(), to: null, reason }];
    await stepWorkOrder(w, wo, { type: 'pause', reason }, { pauses, lastReason: reason }, { reason });
  });
}
