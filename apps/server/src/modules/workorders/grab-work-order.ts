import type { AuthContext } from '../../platform/auth/context';
import { AppError } from '../../platform/http/errors';
import { assignTechnician } from '../dispatch/auto-dispatch';
import type { Ctx } from '../tickets/ticket-write';
import { runWorkOrderAction } from '../tickets/transitions';
import { assertCanTake, writeWorkOrder } from './work-order-write';

/** 抢单: a technician takes an order from the grab pool, within his open-order cap. */
export async function grabWorkOrder(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    runWorkOrderAction(wo, { type: 'grab', technicianId: auth.userId });
    if (wo.dispatchMode !== 'grab') {
      throw new AppError(409, 'not_in_grab_pool', 'This order is dispatched, not offered for grabbing', {
        mode: wo.dispatchMode,
      });
    }
    await assertCanTake(w, wo, auth.userId);
    await assignTechnician(w, wo, auth.userId, 'grabbed');
  });
}
