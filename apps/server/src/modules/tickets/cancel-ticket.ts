import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { cancelOpenCallbacks } from '../callbacks/open-callback';
import { closeHandoff, patchWorkOrder } from '../dispatch/assign';
import { isWorkOrderOpen } from './rules/work-order-status';
import { patchTicket, stateOf, statusEvent } from './ticket-ops';
import { type Ctx, writeTicket } from './ticket-write';
import { runTicketAction } from './transitions';

/** Withdrawn (duplicate, resident solved it): the ticket and every open work order are cancelled. */
export async function cancelTicket(ctx: Ctx, auth: AuthContext, id: number, version: number, reason: string) {
  return writeTicket(ctx, auth, id, async (w) => {
    checkVersion(w.bundle.ticket, version, 'Ticket');
    const from = w.bundle.ticket.status;
    const next = runTicketAction(stateOf(w), { type: 'cancel' });
    for (const wo of w.bundle.workOrders) {
      if (!isWorkOrderOpen(wo.status)) continue;
      await closeHandoff(w, wo, 'cancelled', reason);
      await patchWorkOrder(w, wo, { status: '已取消', cancelledAt: w.now, lastReason: reason });
    }
    await cancelOpenCallbacks(w);
    await patchTicket(w, { status: next.status, cancelledAt: w.now, cancelReason: reason });
    await statusEvent(w, 'ticket.cancelled', from, { reason });
  });
}
