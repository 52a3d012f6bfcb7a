import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { patchTicket, stateOf, statusEvent } from './ticket-ops';
import { type Ctx, writeTicket } from './ticket-write';
import { runTicketAction } from './transitions';

/** 待受理 → 处理中: the caller becomes the owner (首问负责) and the respond clock stops. */
export async function acceptTicket(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  return writeTicket(ctx, auth, id, async (w) => {
    checkVersion(w.bundle.ticket, version, 'Ticket');
    const from = w.bundle.ticket.status;
    const next = runTicketAction(stateOf(w), { type: 'accept' });
    await patchTicket(w, { status: next.status, acceptedAt: w.now, ownerId: auth.userId });
    await statusEvent(w, 'ticket.accepted', from, { ownerId: auth.userId });
  });
}
