import { and, eq } from 'drizzle-orm';
import type { TicketWrite } from '../tickets/ticket-write';
import { supervisions } from './schema';

/** The ticket's active 督办, if any. */
export async function activeSupervision(w: TicketWrite) {
  const [row] = await w.tx
    .select()
    .from(supervisions)
    .where(and(eq(supervisions.ticketId, w.bundle.ticket.id), eq(supervisions.state, 'active')));
  return row ?? null;
}

/** A reassigned ticket's 督办 is on the new person's list from now on. */
export async function moveActiveSupervision(
  w: TicketWrite,
  assigneeId: number | null,
  departmentId: number | null,
): Promise<void> {
  await w.tx
    .update(supervisions)
    .set({ assigneeId, departmentId, updatedAt: w.now })
    .where(and(eq(supervisions.ticketId, w.bundle.ticket.id), eq(supervisions.state, 'active')));
}
