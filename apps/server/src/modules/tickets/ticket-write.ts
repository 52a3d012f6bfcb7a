import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import type { Actor, EventInput } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { SETTLE_DAYS } from '../reports/rollup';
import { localDayOf } from '../reports/rules/days';
import { slaContextFor } from '../sla/cached-context';
import type { SlaContext } from '../sla/context';
import { recomputeSla, type TicketBundle, type WorkOrderRow } from '../sla/engine';
import type { TrackedClock } from '../sla/rules/aggregate';
import { assignNumbers, runDeferredDispatch } from './deferred';
import { lockTicketBundle } from './load';
import { WriteBatch } from './write-batch';

export type Ctx = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

/** One write to a ticket aggregate: the locked rows, the SLA context, and what to publish after commit. */
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
  /** Work to run at the end of the transaction (lock-taking steps, see deferred.ts). */
  deferred: { dispatch: WorkOrderRow[] };
  /** Rows written in one statement when the write finishes (write-batch.ts). */
  batch: WriteBatch;
  /** A timeline/audit row, stored with the batch. */
  event(input: Omit<EventInput, 'projectId'>): Promise<void>;
}

export async function openWrite(
  tx: DbOrTx,
  ctx: Ctx,
  bundle: TicketBundle,
  actor: Actor,
  auth: AuthContext | null,
  now: Date,
  /** Several writes in one transaction may share one batch and outbox (one flush for all). */
  shared?: { batch: WriteBatch; outbox: BusMessage[] },
  /** The project's SLA context when the caller has it (a write that must not read). */
  known?: SlaContext,
): Promise<TicketWrite> {
  const sla =
    known ?? (await slaContextFor(ctx.database, tx, bundle.ticket.companyId, bundle.ticket.projectId));
  const batch = shared?.batch ?? new WriteBatch();
  return {
    tx,
    ctx,
    bundle,
    sla,
    now,
    actor,
    auth,
    outbox: shared?.outbox ?? [],
    deferred: { dispatch: [] },
    batch,
    event: async (input) => {
      batch.event({
        occurredAt: now,
        companyId: actor.companyId,
        projectId: bundle.ticket.projectId,
        actorId: actor.userId,
        source: actor.source,
        action: input.action,
        entityType: input.entityType,
        entityId: String(input.entityId),
        before: input.before ?? null,
        after: input.after ?? null,
      });
    },
  };
}

/** Send the batched rows now (before a read that depends on them, and at the end of every write). */
export function flushWrite(w: TicketWrite): Promise<void> {
  // A ticket old enough for its day to be rolled up for the SLA report: that day must be aggregated again.
  const t = w.bundle.ticket;
  if (t.createdAt.getTime() < w.now.getTime() - (SETTLE_DAYS - 1) * 86_400_000)
    w.batch.markReportDay(t.projectId, localDayOf(t.createdAt, w.sla.timezone));
  return w.batch.flush(w.tx, w.ctx.queue, w.outbox, w.now);
}

/**
 * Close a write: automatic dispatch, recompute every SLA clock (deadlines, timers), then numbering —
 * the lock-taking steps last, so concurrent intakes wait on them as briefly as possible.
 */
export async function finishWrite(w: TicketWrite): Promise<TrackedClock[]> {
  const clocks = await settleWrite(w);
  await flushWrite(w);
  return clocks;
}

/** finishWrite without the flush, for writes sharing a batch that the caller flushes once. */
export async function settleWrite(w: TicketWrite): Promise<TrackedClock[]> {
  await runDeferredDispatch(w);
  const clocks = await recomputeSla(w, w.bundle);
  await assignNumbers(w);
  const t = w.bundle.ticket;
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
