import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Actor } from '../../platform/events/record-event';
import { type AssignedTechnician, assignTechnician, tryAutoDispatch } from '../dispatch/auto-dispatch';
import { lockTechnician, technicianCandidates } from '../dispatch/candidates';
import type { TicketBundle, WorkOrderRow } from '../sla/engine';
import type { TrackedClock } from '../sla/rules/aggregate';
import { workOrders } from '../workorders/schema';
import { lockTicketBundle } from './load';
import { isEligible } from './rules/dispatch-choice';
import { tickets } from './schema';
import { type Ctx, finishWrite, flushWrite, openWrite, publishAll } from './ticket-write';

export interface IntakeDispatch {
  bundle: TicketBundle;
  clocks: TrackedClock[];
  technician: AssignedTechnician;
}

/**
 * Lock tickets just created and re-read them with their work orders in one statement. A ticket whose
 * version (or a work order's) moved — someone acted on it in between — answers null: the caller's copy
 * is stale. While no warning or breach was announced yet (a timer due at once could have), the clocks
 * are still the ones the intake wrote, and the dispatch sends their recomputation with its batch
 * (clockMarkers).
 */
export async function relockIntakes(
  tx: DbOrTx,
  known: readonly { bundle: TicketBundle; clocks: readonly TrackedClock[] }[],
): Promise<(TicketBundle | null)[]> {
  const announced =
    sql<number>`(select count(*) filter (where k.warnings_fired > 0 or k.breach_notified_at is not null)
      from sla_clocks k where k.ticket_id = ${tickets.id})`.mapWith(Number);
  const rows = await tx
    .select({ ticket: tickets, workOrder: workOrders, announced })
    .from(tickets)
    .leftJoin(workOrders, eq(workOrders.ticketId, tickets.id))
    .where(
      inArray(
        tickets.id,
        known.map((k) => k.bundle.ticket.id),
      ),
    )
    .orderBy(asc(tickets.id), asc(workOrders.id))
    .for('update', { of: tickets });
  const byTicket = new Map<number, typeof rows>();
  for (const r of rows) byTicket.set(r.ticket.id, [...(byTicket.get(r.ticket.id) ?? []), r]);
  return known.map(({ bundle: k, clocks }) => {
    const mine = byTicket.get(k.ticket.id) ?? [];
    const ticket = mine[0]?.ticket;
    if (!ticket || ticket.version !== k.ticket.version) return null;
    const wos = mine.map((r) => r.workOrder).filter((w): w is WorkOrderRow => w !== null);
    if (wos.some((w) => k.workOrders.find((o) => o.id === w.id)?.version !== w.version)) return null;
    const quiet = mine[0]?.announced === 0 && clocks.every((c) => c.id > 0);
    const clockMarkers = quiet
      ? new Map(
          clocks.map((c) => [
            `${c.plan.subject}/${c.plan.kind}`,
            { id: c.id, warningsFired: 0, breachNotified: false },
          ]),
        )
      : undefined;
    // An unchanged version means no callback round yet (opening one changes the ticket's status).
    return { ticket, workOrders: wos, callbacks: [], categoryPath: k.categoryPath, clockMarkers };
  });
}

async function relock(
  ctx: Ctx,
  tx: DbOrTx,
  known: TicketBundle,
  knownClocks: readonly TrackedClock[],
): Promise<{ bundle: TicketBundle; moved: boolean }> {
  const [bundle] = await relockIntakes(tx, [{ bundle: known, clocks: knownClocks }]);
  if (bundle) return { bundle, moved: false };
  return { bundle: await lockTicketBundle(ctx.database, tx, known.ticket.id), moved: true };
}

/**
 * Automatic dispatch of a new ticket's work order, in its own short transaction after the intake
 * committed: the intake never waits on a technician's row lock, and this transaction holds that lock
 * for a handful of statements (the writes after the choice go out as one batch). The named technician
 * of the intake form is dispatched the same way; the form checked eligibility before the intake.
 * Answers null when nobody could take the order now — it waits in the pool, the minute sweep retries
 * and the dispatch clock escalates to the 班长, exactly as when automatic dispatch finds nobody — and
 * 'stale' when the rows in hand no longer tell the truth (someone acted on the ticket meanwhile, or
 * the dispatch failed): the caller reads the ticket again.
 */
export async function dispatchAfterIntake(
  ctx: Ctx,
  known: TicketBundle,
  knownClocks: readonly TrackedClock[],
  workOrderId: number,
  named: number | null,
  actor: Actor,
  now: Date,
): Promise<IntakeDispatch | null | 'stale'> {
  let done: Awaited<ReturnType<typeof attempt>>;
  try {
    done = await attempt(ctx, known, knownClocks, workOrderId, named, actor, now);
  } catch {
    // The ticket is stored either way; its order waits in the pool for the sweep's next try.
    return 'stale';
  }
  if (done === null || done === 'stale') return done;
  await publishAll(ctx, done.outbox);
  return { bundle: done.bundle, clocks: done.clocks, technician: done.technician };
}

function attempt(
  ctx: Ctx,
  known: TicketBundle,
  knownClocks: readonly TrackedClock[],
  workOrderId: number,
  named: number | null,
  actor: Actor,
  now: Date,
) {
  return ctx.database.db.transaction(async (tx) => {
    const { bundle, moved } = await relock(ctx, tx, known, knownClocks);
    const w = await openWrite(tx, ctx, bundle, actor, null, now);
    const wo = bundle.workOrders.find((o) => o.id === workOrderId);
    const technician = wo ? (named ? await dispatchNamed(w, wo, named) : await tryAutoDispatch(w, wo)) : null;
    if (!technician) return moved ? ('stale' as const) : null;
    const clocks = await finishWrite(w);
    return { bundle, clocks, outbox: w.outbox, technician, moved };
  });
}

async function dispatchNamed(
  w: Awaited<ReturnType<typeof openWrite>>,
  wo: WorkOrderRow,
  technicianId: number,
): Promise<AssignedTechnician | null> {
  const t = w.bundle.ticket;
  if (wo.status !== '待派单') return null;
  if (w.batch.pendingDispatchFacts) await flushWrite(w);
  await lockTechnician(w.tx, t.companyId, technicianId);
  const [candidate] = await technicianCandidates(
    w.tx,
    t.companyId,
    t.projectId,
    w.sla.settings.dispatchOpenCap,
    {
      onlyIds: [technicianId],
    },
  );
  if (!candidate || !isEligible(candidate, wo.skill)) return null;
  await assignTechnician(w, wo, technicianId, 'dispatched');
  return { id: candidate.id, displayName: candidate.displayName };
}
