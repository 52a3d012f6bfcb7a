import type { AuthContext } from '../../platform/auth/context';
import { handTo } from '../dispatch/assign';
import type { Ctx } from '../tickets/ticket-write';
import { runWorkOrderAction } from '../tickets/transitions';
import { assertCanTake, assertHolderOrDispatcher, stepWorkOrder, writeWorkOrder } from './work-order-write';

/** 转单 to another technician, who must accept again; the hand-off row says why it left. */
export async function transferWorkOrder(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  technicianId: number,
  reason?: string | null,
) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    assertHolderOrDispatcher(auth, wo);
    runWorkOrderAction(wo, { type: 'transfer', technicianId });
    await assertCanTake(w, wo, technicianId);
    const from = wo.technicianId;
    await stepWorkOrder(
      w,
      wo,
      { type: 'transfer', technicianId },
      { lastReason: reason ?? null, acceptedAt: null },
      { from, reason },
    );
    await handTo(w, wo, technicianId, 'transferred', reason);
  });
}
