import { and, eq, inArray } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, conflict } from '../../platform/http/errors';
import { tickets } from '../tickets/schema';
import { incidentInScope } from './queries';
import { incidentTickets } from './schema';

/** Attach tickets of the incident's project in bulk; already-attached ones are ignored. */
export async function linkTickets(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  id: number,
  ticketIds: number[],
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction((tx) => linkTicketsIn(tx, auth, id, ticketIds, now));
}

/** linkTickets inside the caller's transaction (an intake that reports about the outage). */
export async function linkTicketsIn(
  tx: DbOrTx,
  auth: AuthContext,
  id: number,
  ticketIds: number[],
  now: Date,
) {
  const i = await incidentInScope(tx, auth, id, true);
  if (i.status !== '进行中') throw conflict('The incident is already restored', { status: i.status });
  const wanted = [...new Set(ticketIds)];
  const found = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.projectId, i.projectId), inArray(tickets.id, wanted)));
  const have = new Set(found.map((t) => t.id));
  const strays = wanted.filter((t) => !have.has(t));
  // Tickets of another project (or unknown ones) are refused without saying which exist.
  if (strays.length) throw badRequest("Tickets not of this incident's project", { ticketIds: strays });
  const inserted = await tx
    .insert(incidentTickets)
    .values(
      wanted.map((ticketId) => ({
        incidentId: i.id,
        ticketId,
        projectId: i.projectId,
        linkedById: auth.userId,
        linkedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ ticketId: incidentTickets.ticketId });
  const linked = inserted.map((r) => r.ticketId);
  if (linked.length)
    await recordEvent(tx, userActor(auth), now, {
      action: 'incident.tickets_linked',
      entityType: 'incident',
      entityId: i.id,
      projectId: i.projectId,
      after: { ticketIds: linked },
    });
  return { linked, alreadyLinked: wanted.filter((t) => !linked.includes(t)) };
}
