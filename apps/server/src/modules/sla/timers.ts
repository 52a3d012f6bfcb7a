import { formatHumanTime, type SlaClockKind } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import { queueStaffAlerts } from '../delivery/staff-alerts';
import { patchWorkOrder } from '../dispatch/assign';
import { retryPendingDispatch } from '../dispatch/retry';
import { notify, userLocales, usersWithRoles } from '../notifications/notify';
import { lockTicketBundle } from '../tickets/load';
import { openWrite, publishAll, type TicketWrite } from '../tickets/ticket-write';
import { applySummary, persistClocks, planFor, SLA_TIMER_JOB } from './engine';
import { type Announcement, dueAnnouncements } from './rules/aggregate';

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
    await announceAll(w, due);
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

/**
 * Announce what one run found due. The markers, the role holders, their languages and the in-app
 * notifications of all its announcements take one statement each, not one per announcement: a burst of
 * thousands of timers runs this thousands of times, one after the other on the embedded engine.
 */
async function announceAll(w: TicketWrite, due: readonly Announcement[]): Promise<void> {
  if (!due.length) return;
  const t = w.bundle.ticket;
  await storeMarkers(w, due);
  // A job nobody took escalates to the dispatcher only ("escalates to the 班长"), and only on breach.
  const heard = due.filter((a) => a.clock.plan.kind !== 'dispatch' || a.event === 'breach');
  if (!heard.length) return;
  const rolesOf = (a: Announcement): readonly string[] =>
    a.clock.plan.kind === 'dispatch'
      ? w.sla.settings.escalation.dispatch
      : w.sla.settings.escalation[a.event];
  const holders = await usersWithRoles(w.tx, t.companyId, t.projectId, [...new Set(heard.flatMap(rolesOf))]);
  const plans = heard.map((a) => {
    const { plan } = a.clock;
    const wo = plan.workOrderId ? w.bundle.workOrders.find((o) => o.id === plan.workOrderId) : undefined;
    const roles = rolesOf(a);
    const recipients = new Set(holders.filter((h) => roles.includes(h.roleCode)).map((h) => h.userId));
    // The person who must act hears it too: the technician for work-order clocks, else the owner.
    const actor = wo ? wo.technicianId : t.ownerId;
    if (actor && plan.kind !== 'dispatch') recipients.add(actor);
    return { a, wo, recipients: [...recipients] };
  });
  // The deadline as the reader's wall clock shows it where the estate is, in their language.
  const locales = await userLocales(w.tx, [...new Set(plans.flatMap((p) => p.recipients))]);
  const texts = plans.map(({ a, wo, recipients }) => {
    const { plan } = a.clock;
    const label = CLOCK_LABEL[plan.kind];
    const subject = wo ? `${t.number}/${wo.number}` : t.number;
    const stuckDispatch = plan.kind === 'dispatch';
    const title = stuckDispatch
      ? `无人接单 ${subject}：已超过派单时限`
      : a.event === 'breach'
        ? `【超时】${subject} ${label}时限已过`
        : a.event === 'lastWarning'
          ? `【最后预警】${subject} ${label}时限将到`
          : `【预警】${subject} ${label}时限将到`;
    const bodyFor = (userId: number) => {
      const time = formatHumanTime(plan.dueAt, {
        timeZone: w.sla.timezone,
        locale: locales.get(userId),
        now: w.now,
      });
      return `${t.title}（${t.priority}）截止 ${time}`;
    };
    return { a, wo, recipients, stuckDispatch, title, bodyFor };
  });
  await notify(
    w,
    texts.flatMap(({ a, recipients, stuckDispatch, title, bodyFor }) =>
      recipients.map((userId) => ({
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
        workOrderId: a.clock.plan.workOrderId,
        // A clock's warnings are one alert that grows more urgent (the 班长 hears both the first and
        // the last): the last one replaces the first in the bell instead of standing beside it.
        ...(a.event === 'breach'
          ? { dedupeKey: `sla:${a.clock.id}:breach` }
          : { dedupeKey: `sla:${a.clock.id}:warning`, replaces: true }),
      })),
    ),
  );
  for (const { a, wo, recipients, stuckDispatch, title, bodyFor } of texts) {
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
          recipients,
        );
    if (stuckDispatch && wo) await patchWorkOrder(w, wo, { escalatedAt: w.now });
    await w.event({
      action: a.event === 'breach' ? 'sla.breached' : 'sla.warning',
      entityType: wo ? 'work_order' : 'ticket',
      entityId: wo ? wo.id : t.id,
      after: {
        clock: a.clock.plan.kind,
        event: a.event,
        dueAt: a.clock.plan.dueAt.toISOString(),
        notified: recipients.length,
        deliveries: sent,
      },
    });
  }
}

/** What has been announced, on every due clock at once (a breach stamps its time, a warning clears it). */
async function storeMarkers(w: TicketWrite, due: readonly Announcement[]): Promise<void> {
  await w.tx.execute(sql`
    update sla_clocks k
       set warnings_fired = m.fired,
           breach_notified_at = case when m.breach then ${w.now}::timestamptz end
      from unnest(${sql.param(due.map((a) => a.clock.id))}::bigint[],
                  ${sql.param(due.map((a) => a.clock.warningsFired))}::int[],
                  ${sql.param(due.map((a) => a.event === 'breach'))}::boolean[]) as m(id, fired, breach)
     where k.id = m.id`);
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
