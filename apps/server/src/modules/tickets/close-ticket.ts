import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { cancelOpenCallbacks } from '../callbacks/open-callback';
import { patchTicket, stateOf, statusEvent } from './ticket-ops';
import { type Ctx, writeTicket } from './ticket-write';
import { runTicketAction } from './transitions';

/** Close from 待回访 without a callback: only where Q39 is switched off for the project or category. */
export async function closeTicket(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  reason?: string | null,
) {
  return writeTicket(ctx, auth, id, async (w) => {
    checkVersion(w.bundle.ticket, version, 'Ticket');
    const from = w.bundle.ticket.status;
    const next = runTicketAction(stateOf(w), { type: 'close' });
    await cancelOpenCallbacks(w);
    await patchTicket(w, { status: next.status, closedAt: w.now });
    await statusEvent(w, 'ticket.closed', from, { reason: reason ?? null });
  });
}
