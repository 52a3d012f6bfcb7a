import { formatHumanTime, type SlaClockKind } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import { queueStaffAlerts } from '../delivery/staff-alerts';
import { patchWorkOrder } from '../dispatch/assign';
import { retryPendingDispatch } from '../dispatch/retry';
import { notify, userLocales, usersWithRoles } from '../notifications/notify';
import { lockTicketBundle } from '../tickets/load';
import { openWrite, publishAll, type TicketWrite } from '../tickets/ticket-write';
import { applySummary, persistClocks, planFor, SLA_TIMER_JOB } from './engine';
import { type Announcement, dueAnnouncements } from './rules/aggregate';
import { slaClocks } from './schema';

const CLOCK_LABEL: Record<SlaClockKind, string> = {
  respond: '受理',
  dispatch: '派单',
  arrive: '到场',
  resolve: '完成',
  reply: '回复',
  callback: '回访',
};
const LEVEL = { warning: 1, lastWarning: 2, breach: 3 } as const;

type TimerServices = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

/**
 * The timer job and the sweep both land here: recompute the ticket's clocks, announce every warning
 * or breach now due (once per clock and event), store the markers and arm the next timer.
 */
export async function runSlaTimers(services: TimerServices, ticketId: number): Promise<number> {
  const now = services.clock.now();
  const { count, outbox } = await services.database.db.transaction(async (tx) => {
    const bundle = await lockTicketBundle(services.database, tx, ticketId);
    const actor = { userId: null, companyId: bundle.ticket.companyId, source: 'job' as const };
    const w = await openWrite(tx, services, bundle, actor, null, now);
    const clocks = await persistClocks(tx, bundle.ticket, planFor(bundle, w.sla, now), now);
    const due = dueAnnouncements(clocks, now);
    for (const a of due) await announce(w, a);
    await applySummary(w, bundle, clocks);
    if (due.length) {
      w.outbox.push({
        type: 'ticket.sla',
        companyId: bundle.ticket.companyId,
        projectId: bundle.ticket.projectId,
        entityType: 'ticket',
        entityId: ticketId,
        data: { state: bundle.ticket.slaState, events: due.map((d) => `${d.clock.plan.kind}.${d.event}`) },
      });
    }
    return { count: due.length, outbox: w.outbox };
  });
  await publishAll(services, outbox);
  return count;
}

async function announce(w: TicketWrite, a: Announcement): Promise<void> {
  const t = w.bundle.ticket;
  const { plan } = a.clock;
  await w.tx
    .update(slaClocks)
    .set({ warningsFired: a.clock.warningsFired, breachNotifiedAt: a.event === 'breach' ? w.now : null })
    .where(eq(slaClocks.id, a.clock.id));
  const wo = plan.workOrderId ? w.bundle.workOrders.find((o) => o.id === plan.workOrderId) : undefined;
  const label = CLOCK_LABEL[plan.kind];
  const subject = wo ? `${t.number}/${wo.number}` : t.number;
  // A job nobody took escalates to the dispatcher only ("escalates to the 班长"), and only on breach.
  const stuckDispatch = plan.kind === 'dispatch';
  if (stuckDispatch && a.event !== 'breach') return;
  const roles = stuckDispatch ? w.sla.settings.escalation.dispatch : w.sla.settings.escalation[a.event];
  const people = await usersWithRoles(w.tx, t.companyId, t.projectId, roles);
  const recipients = new Set(people.map((p) => p.userId));
  // The person who must act hears it too: the technician for work-order clocks, else the owner.
  const actor = wo ? wo.technicianId : t.ownerId;
  if (actor && !stuckDispatch) recipients.add(actor);
  const due = plan.dueAt.toISOString();
  // The deadline as the reader's wall clock shows it where the estate is, in their language.
  const locales = await userLocales(w.tx, [...recipients]);
  const bodyFor = (userId: number) => {
    const time = formatHumanTime(plan.dueAt, {
      timeZone: w.sla.timezone,
      locale: locales.get(userId),
      now: w.now,
    });
    return `${t.title}（${t.priority}）截止 ${time}`;
  };
  const title = stuckDispatch
    ? `无人接单 ${subject}：已超过派单时限`
    : a.event === 'breach'
      ? `【超时】${subject} ${label}时限已过`
      : `【预警】${subject} ${label}时限将到`;
  await notify(
    w,
    [...recipients].map((userId) => ({
      companyId: t.companyId,
      userId,
      projectId: t.projectId,
      kind: stuckDispatch
        ? ('dispatch.escalated' as const)
        : a.event === 'breach'
          ? ('sla.breached' as const)
          : ('sla.warning' as const),
      level: stuckDispatch ? 1 : LEVEL[a.event],
      title,
      body: bodyFor(userId),
      ticketId: t.id,
      workOrderId: plan.workOrderId,
      dedupeKey: `sla:${a.clock.id}:${a.event}:${a.clock.warningsFired}`,
    })),
  );
  // The same alert by each person's own e-mail/SMS/WeChat/webhook (the dispatch escalation is the
  // desk's in-app business and stays there).
  const sent = stuckDispatch
    ? 0
    : await queueStaffAlerts(
        w.tx,
        w.ctx,
        {
          companyId: t.companyId,
          projectId: t.projectId,
          event: a.event === 'breach' ? 'breach' : 'warning',
          ticketId: t.id,
          priority: t.priority,
          subject: title,
          body: bodyFor,
        },
        [...recipients],
      );
  if (stuckDispatch && wo) await patchWorkOrder(w, wo, { escalatedAt: w.now });
  await w.event({
    action: a.event === 'breach' ? 'sla.breached' : 'sla.warning',
    entityType: wo ? 'work_order' : 'ticket',
    entityId: wo ? wo.id : t.id,
    after: { clock: plan.kind, event: a.event, dueAt: due, notified: recipients.size, deliveries: sent },
  });
}

/**
 * Minute sweep: tickets whose next announcement is past due with no timer job due to handle it (a lost
 * timer, a node that was down). One statement queues a timer job for each of them; the queue runs them
 * one by one, yielding between them. (Running them here would hold this one job for as many tickets as
 * are due, and would repeat the work of timers that are merely waiting their turn in a burst.)
 */
export async function sweepSla(services: TimerServices, limit = 2_000): Promise<number> {
  const now = services.clock.now();
  const queued = await services.database.query<{ id: number }>(
    `insert into jobs (name, payload, run_at, max_attempts)
     select $1, jsonb_build_object('ticketId', t.id), $2, 3
       from tickets t
      where t.sla_next_at <= $2
        and not exists (select 1 from jobs j
                         where j.name = $1 and j.state in ('pending', 'running') and j.run_at <= $2
                           and j.payload->>'ticketId' = t.id::text)
      order by t.sla_next_at
      limit $3
     returning id`,
    [SLA_TIMER_JOB, now, limit],
  );
  return queued.length;
}

export function registerSlaJobs(services: TimerServices): void {
  services.queue.register<{ ticketId: number }>(SLA_TIMER_JOB, async ({ payload }) => ({
    fired: await runSlaTimers(services, payload.ticketId),
  }));
  services.queue.register('sla.sweep', async () => ({
    queued: await sweepSla(services),
    dispatched: await retryPendingDispatch(services),
  }));
  services.queue.schedule('sla.sweep', '* * * * *');
}
