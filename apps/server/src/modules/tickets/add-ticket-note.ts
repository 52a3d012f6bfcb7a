import type { AuthContext } from '../../platform/auth/context';
import { flagWritten } from './flag-written';
import { type Ctx, writeTicket } from './ticket-write';

/**
 * An agent's note on the ticket's timeline (what the caller added, what was promised). It changes no
 * field of the ticket, so it takes no version and never conflicts with a colleague's edit.
 */
export async function addTicketNote(ctx: Ctx, auth: AuthContext, id: number, note: string) {
  return writeTicket(ctx, auth, id, async (w) => {
    const forbidden = await flagWritten(w, 'note', note);
    await w.event({
      action: 'ticket.noted',
      entityType: 'ticket',
      entityId: w.bundle.ticket.id,
      after: { note, ...(forbidden.length ? { forbidden } : {}) },
    });
  });
}
