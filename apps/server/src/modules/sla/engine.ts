import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { JobQueue } from '../../platform/jobs/queue';
import { tickets } from '../tickets/schema';
import type { TicketBundle, TicketRow } from '../tickets/ticket-rows';
import { workOrders } from '../workorders/schema';
import { type SlaContext, targetsFor } from './context';
import { summarize, type TicketSlaSummary, type TrackedClock } from './rules/aggregate';
import { type PlannedClock, planClocks } from './rules/plan-clocks';
import { slaClocks } from './schema';

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
      appointmentUntil: t.appointmentUntil,
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

/** The sla_clocks row of a planned clock. */
export function clockValues(ticket: TicketRow, p: PlannedClock, now: Date): typeof slaClocks.$inferInsert {
  return {
    ticketId: ticket.id,
    projectId: ticket.projectId,
    subject: p.subject,
    workOrderId: p.workOrderId,
    kind: p.kind,
    ticketCreatedAt: ticket.createdAt,
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
  };
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
    .values(planned.map((p) => clockValues(ticket, p, now)))
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

/** What the engine needs of a write: its transaction, "now", the project's SLA context, the job queue. */
export interface SlaWrite {
  tx: DbOrTx;
  now: Date;
  sla: SlaContext;
  ctx: { queue: JobQueue };
}

/** Store the deadline columns on the ticket and its work orders (where they moved), and arm the next timer. */
export async function applySummary(
  w: Pick<SlaWrite, 'tx' | 'now' | 'ctx'>,
  bundle: TicketBundle,
  clocks: TrackedClock[],
): Promise<TicketSlaSummary> {
  const { now } = w;
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
    await w.tx.update(tickets).set(patch).where(eq(tickets.id, t.id));
    Object.assign(t, patch);
  }
  for (const wo of bundle.workOrders) {
    const woPatch = workOrderDues(clocks, wo.id);
    if (
      !same(wo.dispatchDueAt, woPatch.dispatchDueAt) ||
      !same(wo.arriveDueAt, woPatch.arriveDueAt) ||
      !same(wo.resolveDueAt, woPatch.resolveDueAt)
    ) {
      await w.tx.update(workOrders).set(woPatch).where(eq(workOrders.id, wo.id));
      Object.assign(wo, woPatch);
    }
  }
  const timer = timerJob(t.id, summary, now);
  if (timer) await w.ctx.queue.enqueue(SLA_TIMER_JOB, timer.payload, { ...timer.options, tx: w.tx });
  return summary;
}

/** The deadline columns of a work order, from its clocks. */
export function workOrderDues(clocks: readonly TrackedClock[], workOrderId: number) {
  const dueOf = (kind: string) =>
    clocks.find((c) => c.plan.workOrderId === workOrderId && c.plan.kind === kind)?.plan.dueAt ?? null;
  return { dispatchDueAt: dueOf('dispatch'), arriveDueAt: dueOf('arrive'), resolveDueAt: dueOf('resolve') };
}

/** The job that fires the next warning or breach, if any clock has one ahead. */
export function timerJob(ticketId: number, summary: TicketSlaSummary, now: Date) {
  if (!summary.next) return null;
  const { clock, at, event } = summary.next;
  return {
    payload: { ticketId },
    options: {
      runAt: at < now ? now : at,
      // One pending timer per clock event: a moved deadline gets a new key, the stale job finds nothing due.
      dedupeKey: `sla:${ticketId}:${clock.plan.subject}:${clock.plan.kind}:${event}:${at.getTime()}`,
      maxAttempts: 3,
    },
  };
}

/** Recompute every clock of a ticket after a write, inside that write's transaction. */
export async function recomputeSla(w: SlaWrite, bundle: TicketBundle): Promise<TrackedClock[]> {
  const clocks = await persistClocks(w.tx, bundle.ticket, planFor(bundle, w.sla, w.now), w.now);
  await applySummary(w, bundle, clocks);
  return clocks;
}
