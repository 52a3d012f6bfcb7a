import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, type EventInput, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { markReportStale } from '../reports/mark-stale';
import { slaContextFor } from '../sla/cached-context';
import type { SlaContext } from '../sla/context';
import { recomputeSla } from '../sla/engine';
import type { TrackedClock } from '../sla/rules/aggregate';
import { lockTicketBundle } from './load';
import { assignNumbers } from './numbering';
import type { TicketBundle } from './ticket-rows';

export type Ctx = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

/**
 * One write to a ticket aggregate: the locked rows, the SLA context, and what to publish after commit.
 * Every change goes straight to the database in `tx`; only bus messages wait for the commit.
 */
export interface TicketWrite {
  tx: DbOrTx;
  ctx: Ctx;
  bundle: TicketBundle;
  sla: SlaContext;
  now: Date;
  actor: Actor;
  auth: AuthContext | null;
  /** Bus messages sent only once the transaction committed (a rolled-back write announces nothing). */
  outbox: BusMessage[];
  /** A timeline/audit row of the ticket's project. */
  event(input: Omit<EventInput, 'projectId'>): Promise<void>;
}

export async function openWrite(
  tx: DbOrTx,
  ctx: Ctx,
  bundle: TicketBundle,
  actor: Actor,
  auth: AuthContext | null,
  now: Date,
  /** The project's SLA context when the caller already has it. */
  known?: SlaContext,
): Promise<TicketWrite> {
  const sla =
    known ?? (await slaContextFor(ctx.database, tx, bundle.ticket.companyId, bundle.ticket.projectId));
  return {
    tx,
    ctx,
    bundle,
    sla,
    now,
    actor,
    auth,
    outbox: [],
    event: (input) => recordEvent(tx, actor, now, { ...input, projectId: bundle.ticket.projectId }),
  };
}

/**
 * Close a write: recompute every SLA clock (deadline columns, next timer), then give new rows their
 * numbers — last, so the day's counter row stays locked for the fewest statements before the commit.
 */
export async function finishWrite(w: TicketWrite): Promise<TrackedClock[]> {
  const clocks = await recomputeSla(w, w.bundle);
  await assignNumbers(w);
  const t = w.bundle.ticket;
  await markReportStale(w.tx, t, w.now, w.sla.timezone);
  w.outbox.push({
    type: 'ticket.updated',
    companyId: t.companyId,
    projectId: t.projectId,
    entityType: 'ticket',
    entityId: t.id,
    data: { status: t.status, slaState: t.slaState },
  });
  return clocks;
}

export async function publishAll(ctx: Pick<Services, 'bus'>, messages: BusMessage[]): Promise<void> {
  for (const message of messages) await ctx.bus.publish(message);
}

/**
 * Run `fn` on a locked ticket the caller may see (404 otherwise), recompute SLA, commit, publish.
 * Jobs pass auth = null and an actor of their own.
 */
export async function writeTicket<T>(
  ctx: Ctx,
  auth: AuthContext | null,
  ticketId: number,
  fn: (w: TicketWrite) => Promise<T>,
  actor?: Actor,
): Promise<T> {
  const now = ctx.clock.now();
  const { result, outbox } = await ctx.database.db.transaction(async (tx) => {
    const bundle = await lockTicketBundle(ctx.database, tx, ticketId);
    if (auth) assertInScope(auth, bundle.ticket.projectId, 'Ticket');
    const who =
      actor ??
      (auth
        ? userActor(auth)
        : { userId: null, companyId: bundle.ticket.companyId, source: 'system' as const });
    const w = await openWrite(tx, ctx, bundle, who, auth, now);
    const result = await fn(w);
    await finishWrite(w);
    return { result, outbox: w.outbox };
  });
  await publishAll(ctx, outbox);
  return result;
}
