import type { AuthContext } from '../../platform/auth/context';
import { closeHandoff } from '../dispatch/assign';
import { resolveIfDone } from '../tickets/resolve-ticket';
import type { Ctx } from '../tickets/ticket-write';
import { stepWorkOrder, writeWorkOrder } from './work-order-write';

/** A dispatcher withdraws one order (the ticket stays); if the rest is done the ticket resolves. */
export async function cancelWorkOrder(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  reason: string,
) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    await stepWorkOrder(w, wo, { type: 'cancel' }, { cancelledAt: w.now, lastReason: reason }, { reason });
    await closeHandoff(w, wo, 'cancelled', reason);
    await resolveIfDone(w);
  });
}
