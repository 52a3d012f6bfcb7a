import { flagForbidden } from '../quality/flag-forbidden';
import type { QaFlagSource } from '../quality/schema';
import type { TicketWrite } from './ticket-write';

/**
 * Forbidden phrases (§6.6) in what staff write on a ticket are flagged for QA as they are saved; the
 * phrases go on the timeline too, where the console shows them as a red 禁语 tag.
 */
export async function flagWritten(w: TicketWrite, source: QaFlagSource, text: string): Promise<string[]> {
  const t = w.bundle.ticket;
  const phrases = await flagForbidden(w.tx, {
    companyId: t.companyId,
    projectId: t.projectId,
    subjectType: 'ticket',
    subjectId: t.id,
    source,
    authorId: w.actor.userId,
    text,
    at: w.now,
  });
  if (phrases.length)
    await w.event({
      action: 'qa.flagged',
      entityType: 'ticket',
      entityId: t.id,
      after: { source, phrases, authorId: w.actor.userId },
    });
  return phrases;
}
