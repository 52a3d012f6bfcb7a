import type { AuthContext } from '../../platform/auth/context';
import { AppError } from '../../platform/http/errors';
import { assignTechnician, tryAutoDispatch } from '../dispatch/auto-dispatch';
import type { Ctx } from '../tickets/ticket-write';
import { runWorkOrderAction } from '../tickets/transitions';
import { assertCanTake, writeWorkOrder } from './work-order-write';

/**
 * 派单: to the named technician, or (no name) to the best eligible one by the order's automatic mode
 * (least-load for assign/grab orders). Two dispatchers racing on one order: the ticket lock
 * serializes them and the second fails the version check (409).
 */
export async function dispatchWorkOrder(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  technicianId?: number | null,
) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    // Check the state first so an order already taken answers with its allowed actions.
    runWorkOrderAction(wo, { type: 'dispatch', technicianId: technicianId ?? 0 });
    if (technicianId) {
      await assertCanTake(w, wo, technicianId);
      await assignTechnician(w, wo, technicianId, 'dispatched');
      return;
    }
    const mode = wo.dispatchMode === 'round-robin' ? 'round-robin' : 'least-load';
    const chosen = await tryAutoDispatch(w, wo, { mode });
    if (chosen === null) {
      throw new AppError(
        409,
        'no_technician_available',
        'No on-duty technician with the skill and room under the cap',
        {
          skill: wo.skill,
        },
      );
    }
  });
}
