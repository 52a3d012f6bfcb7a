import { and, eq, inArray } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { tickets } from '../tickets/schema';
import { ticketSimilarLinks } from './schema';

/**
 * The agent confirms that other residents' tickets are the same problem as this one: links both
 * ways, one timeline entry on every ticket involved. Tickets of other projects are refused.
 */
export async function linkSimilarTickets(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  props: { ticketId: number; ticketIds: number[] },
): Promise<{ linked: number }> {
  const now = ctx.clock.now();
  const others = [...new Set(props.ticketIds)].filter((id) => id !== props.ticketId);
  return ctx.database.db.transaction(async (tx) => {
    const [t] = await tx
      .select({ id: tickets.id, projectId: tickets.projectId })
      .from(tickets)
      .where(and(eq(tickets.id, props.ticketId), eq(tickets.companyId, auth.companyId)));
    if (!t) throw notFound('Ticket');
    assertInScope(auth, t.projectId, 'Ticket');
    const found = others.length
      ? await tx
          .select({ id: tickets.id })
          .from(tickets)
          .where(and(eq(tickets.projectId, t.projectId), inArray(tickets.id, others)))
      : [];
    if (found.length !== others.length || !others.length)
      throw badRequest('Only other tickets of the same project can be linked', {
        ticketIds: props.ticketIds,
      });
    const rows = others.flatMap((o) => [
      {
        ticketId: t.id,
        otherTicketId: o,
        companyId: auth.companyId,
        createdById: auth.userId,
        createdAt: now,
      },
      {
        ticketId: o,
        otherTicketId: t.id,
        companyId: auth.companyId,
        createdById: auth.userId,
        createdAt: now,
      },
    ]);
    const inserted = await tx
      .insert(ticketSimilarLinks)
      .values(rows)
      .onConflictDoNothing()
      .returning({ ticketId: ticketSimilarLinks.ticketId, other: ticketSimilarLinks.otherTicketId });
    const actor = userActor(auth);
    for (const r of inserted)
      await recordEvent(tx, actor, now, {
        action: 'ticket.similar_linked',
        entityType: 'ticket',
        entityId: r.ticketId,
        projectId: t.projectId,
        after: { otherTicketId: r.other },
      });
    return { linked: inserted.length / 2 };
  });
}
