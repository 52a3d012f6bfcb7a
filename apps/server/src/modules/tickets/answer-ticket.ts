import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { flagWritten } from './flag-written';
import { patchTicket, stateOf, statusEvent } from './ticket-ops';
import { type Ctx, type TicketWrite, writeTicket } from './ticket-write';
import { runTicketAction } from './transitions';

/** 咨询/表扬/建议 answered and closed at first contact; the answer is kept on the ticket. */
export async function answerTicket(ctx: Ctx, auth: AuthContext, id: number, version: number, answer: string) {
  return writeTicket(ctx, auth, id, async (w) => {
    checkVersion(w.bundle.ticket, version, 'Ticket');
    await applyAnswer(w, answer);
  });
}

/** The answer step itself, shared with an intake that answers on the spot (create-ticket.ts). */
export async function applyAnswer(w: TicketWrite, answer: string): Promise<void> {
  const t = w.bundle.ticket;
  const from = t.status;
  const next = runTicketAction(stateOf(w), { type: 'answer' });
  await patchTicket(w, {
    status: next.status,
    answer,
    acceptedAt: t.acceptedAt ?? w.now,
    ownerId: t.ownerId ?? w.actor.userId,
    resolvedAt: w.now,
    closedAt: w.now,
  });
  const forbidden = await flagWritten(w, 'answer', answer);
  await statusEvent(w, 'ticket.answered', from, { answer, ...(forbidden.length ? { forbidden } : {}) });
}
