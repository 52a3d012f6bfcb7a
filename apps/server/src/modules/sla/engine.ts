import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { JobQueue } from '../../platform/jobs/queue';
import type { callbacks } from '../callbacks/schema';
import { tickets } from '../tickets/schema';
import type { workOrders } from '../workorders/schema';
import { workOrders as workOrdersTable } from '../workorders/schema';
import { type SlaContext, targetsFor } from './context';
import { summarize, type TicketSlaSummary, type TrackedClock } from './rules/aggregate';
import { type PlannedClock, planClocks } from './rules/plan-clocks';
import { slaClocks } from './schema';

export type TicketRow = typeof tickets.$inferSelect;
export type WorkOrderRow = typeof workOrders.$inferSelect;
export type CallbackRow = typeof callbacks.$inferSelect;

export interface TicketBundle {
  ticket: TicketRow;
  workOrders: WorkOrderRow[];
  callbacks: CallbackRow[];
  categoryPath: number[];
}

export const SLA_TIMER_JOB = 'sla.timer';

/** Clocks the ticket has now, computed from its rows and the project's policies (no I/O). */
export function planFor(bundle: TicketBundle, sla: SlaContext, now: Date): PlannedClock[] {
  const { ticket: t } = bundle;
  const targets = targetsFor(sla, {
    projectId: t.projectId,
    ticketType: t.type,
    priority: t.priority,
    categoryPath: bundle.categoryPath,
  }).targets;
  return planClocks({
    facts: {
      createdAt: t.createdAt,
      acceptedAt: t.acceptedAt,
      resolvedAt: t.resolvedAt,
      closedAt: t.closedAt,
      cancelledAt: t.cancelledAt,
      isComplaint: t.type === '投诉',
      appointmentAt: t.appointmentAt,
      workOrders: bundle.workOrders.map((w) => ({
        id: w.id,
        createdAt: w.createdAt,
        dispatchedAt: w.dispatchedAt,
        arrivedAt: w.arrivedAt,
        completedAt: w.completedAt,
        cancelledAt: w.cancelledAt,
        pauses: w.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
      })),
      callbacks: bundle.callbacks.map((c) => ({
        id: c.id,
        createdAt: c.createdAt,
        completedAt: c.completedAt,
        cancelled: c.status === '已取消',
      })),
    },
    targets,
    calendarFor: (policyId) => sla.policyCalendars.get(policyId) ?? sla.projectCalendar,
    warnings: sla.settings.warnings,
    now,
  });
}

/** Write the planned clocks (one upsert) and return them with their announcement markers. */
export async function persistClocks(
  tx: DbOrTx,
  ticket: TicketRow,
  planned: PlannedClock[],
  now: Date,
): Promise<TrackedClock[]> {
  if (!planned.length) return [];
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  const rows = await tx
    .insert(slaClocks)
    .values(
      planned.map((p) => ({
        ticketId: ticket.id,
        projectId: ticket.projectId,
        subject: p.subject,
        workOrderId: p.workOrderId,
        kind: p.kind,
        policyId: p.policyId,
        calendar: p.calendar,
        targetMinutes: p.targetMinutes,
        byAppointment: p.byAppointment,
        startedAt: p.startedAt,
        dueAt: p.dueAt,
        stoppedAt: p.stoppedAt,
        pauses: p.pauses.map((x) => ({ from: x.from.toISOString(), to: x.to ? x.to.toISOString() : null })),
        pausedMinutes: p.pausedMinutes,
        elapsedMinutes: p.stoppedAt ? p.elapsedMinutes : null,
        state: p.state,
        warnAt: p.warnAt.map((w) => w.toISOString()),
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [slaClocks.ticketId, slaClocks.subject, slaClocks.kind],
      set: {
        policyId: excluded('policy_id'),
        calendar: excluded('calendar'),
        targetMinutes: excluded('target_minutes'),
        byAppointment: excluded('by_appointment'),
        startedAt: excluded('started_at'),
        dueAt: excluded('due_at'),
        stoppedAt: excluded('stopped_at'),
        pauses: excluded('pauses'),
        pausedMinutes: excluded('paused_minutes'),
        elapsedMinutes: excluded('elapsed_minutes'),
        state: excluded('state'),
        warnAt: excluded('warn_at'),
        updatedAt: excluded('updated_at'),
      },
    })
    .returning({
      id: slaClocks.id,
      subject: slaClocks.subject,
      kind: slaClocks.kind,
      warningsFired: slaClocks.warningsFired,
      breachNotifiedAt: slaClocks.breachNotifiedAt,
    });
  return planned.map((plan) => {
    const row = rows.find((r) => r.subject === plan.subject && r.kind === plan.kind);
    if (!row) throw new Error(`clock ${plan.subject}/${plan.kind} was not stored`);
    return {
      id: row.id,
      plan,
      warningsFired: row.warningsFired,
      breachNotified: row.breachNotifiedAt !== null,
    };
  });
}

/** Store the deadline columns on the ticket and its work orders, and arm the next timer. */
export async function applySummary(
  tx: DbOrTx,
  queue: JobQueue,
  bundle: TicketBundle,
  clocks: TrackedClock[],
  now: Date,
): Promise<TicketSlaSummary> {
  const summary = summarize(clocks, now);
  const t = bundle.ticket;
  const patch = {
    slaDueAt: summary.slaDueAt,
    slaNextAt: summary.slaNextAt,
    slaState: summary.slaState,
    respondDueAt: summary.respondDueAt,
    replyDueAt: summary.replyDueAt,
    callbackDueAt: summary.callbackDueAt,
  };
  const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  const changed =
    !same(t.slaDueAt, patch.slaDueAt) ||
    !same(t.slaNextAt, patch.slaNextAt) ||
    t.slaState !== patch.slaState ||
    !same(t.respondDueAt, patch.respondDueAt) ||
    !same(t.replyDueAt, patch.replyDueAt) ||
    !same(t.callbackDueAt, patch.callbackDueAt);
  if (changed) {
    await tx.update(tickets).set(patch).where(eq(tickets.id, t.id));
    Object.assign(t, patch);
  }
  for (const wo of bundle.workOrders) {
    const dueOf = (kind: string) =>
      clocks.find((c) => c.plan.workOrderId === wo.id && c.plan.kind === kind)?.plan.dueAt ?? null;
    const woPatch = {
      dispatchDueAt: dueOf('dispatch'),
      arriveDueAt: dueOf('arrive'),
      resolveDueAt: dueOf('resolve'),
    };
    if (
      !same(wo.dispatchDueAt, woPatch.dispatchDueAt) ||
      !same(wo.arriveDueAt, woPatch.arriveDueAt) ||
      !same(wo.resolveDueAt, woPatch.resolveDueAt)
    ) {
      await tx.update(workOrdersTable).set(woPatch).where(eq(workOrdersTable.id, wo.id));
      Object.assign(wo, woPatch);
    }
  }
  if (summary.next) {
    const { clock, at, event } = summary.next;
    // One pending timer per clock event: a moved deadline gets a new key, the stale job finds nothing due.
    await queue.enqueue(
      SLA_TIMER_JOB,
      { ticketId: t.id },
      {
        tx,
        runAt: at < now ? now : at,
        dedupeKey: `sla:${t.id}:${clock.plan.subject}:${clock.plan.kind}:${event}:${at.getTime()}`,
        maxAttempts: 3,
      },
    );
  }
  return summary;
}

/** Recompute every clock of a ticket after a write, inside that write's transaction. */
export async function recomputeSla(
  tx: DbOrTx,
  queue: JobQueue,
  bundle: TicketBundle,
  sla: SlaContext,
  now: Date,
): Promise<TrackedClock[]> {
  const clocks = await persistClocks(tx, bundle.ticket, planFor(bundle, sla, now), now);
  await applySummary(tx, queue, bundle, clocks, now);
  return clocks;
}
