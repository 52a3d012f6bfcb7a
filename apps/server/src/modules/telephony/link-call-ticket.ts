import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { tickets } from '../tickets/schema';
import { calls, callTickets } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Insert the link inside the caller's transaction; the ticket must belong to the call's project. */
export async function insertCallTicket(
  tx: DbOrTx,
  callProjectId: number,
  callId: number,
  ticketId: number,
  now: Date,
) {
  const [ticket] = await tx
    .select({ projectId: tickets.projectId })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  if (!ticket || ticket.projectId !== callProjectId)
    throw badRequest('The ticket is not in the call’s project', { ticketId });
  const [row] = await tx
    .insert(callTickets)
    .values({ callId, ticketId, createdAt: now })
    .onConflictDoNothing()
    .returning();
  return Boolean(row);
}

/** Link a ticket raised or discussed in a call (many-to-many); linking twice is a no-op. */
export async function linkCallTicket(ctx: Ctx, auth: AuthContext, callId: number, ticketId: number) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction((tx) => linkCallTicketIn(tx, auth, callId, ticketId, now));
}

/** linkCallTicket inside the caller's transaction (the intake of the call's ticket). */
export async function linkCallTicketIn(
  tx: DbOrTx,
  auth: AuthContext,
  callId: number,
  ticketId: number,
  now: Date,
) {
  const [call] = await tx
    .select()
    .from(calls)
    .where(and(eq(calls.id, callId)))
    .for('update');
  if (!call) throw notFound('Call');
  assertInScope(auth, call.projectId, 'Call');
  const added = await insertCallTicket(tx, call.projectId, callId, ticketId, now);
  if (!added) return;
  await recordEvent(tx, userActor(auth), now, {
    action: 'call.ticket_linked',
    entityType: 'call',
    entityId: callId,
    projectId: call.projectId,
    after: { ticketId },
  });
}
