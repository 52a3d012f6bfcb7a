import type { SlaBadge, SlaClockKind } from '@guanjia/shared';
import { nextTimerAt, type PlannedClock } from './plan-clocks';

/** A planned clock with what has already been announced for it. */
export interface TrackedClock {
  id: number;
  plan: PlannedClock;
  warningsFired: number;
  breachNotified: boolean;
}

export interface TicketSlaSummary {
  slaDueAt: Date | null;
  slaNextAt: Date | null;
  slaState: SlaBadge;
  respondDueAt: Date | null;
  replyDueAt: Date | null;
  callbackDueAt: Date | null;
  /** The earliest pending announcement, for the timer job. */
  next: { clock: TrackedClock; at: Date; event: 'warning' | 'breach' } | null;
}

const live = (c: TrackedClock) => c.plan.state === 'running' || c.plan.state === 'paused';

/** Columns the list filters and sorts by, derived from the clocks. */
export function summarize(clocks: readonly TrackedClock[], now: Date): TicketSlaSummary {
  let slaDueAt: Date | null = null;
  let next: TicketSlaSummary['next'] = null;
  let state: SlaBadge = 'ok';
  for (const c of clocks) {
    if (live(c) && (!slaDueAt || c.plan.dueAt < slaDueAt)) slaDueAt = c.plan.dueAt;
    const timer = nextTimerAt(c.plan, c.warningsFired, c.breachNotified);
    if (timer && (!next || timer.at < next.at)) next = { clock: c, ...timer };
    if (c.plan.state === 'breached') state = 'breached';
    else if (state === 'ok' && c.plan.state === 'running') {
      const first = c.plan.warnAt[0];
      if (c.warningsFired > 0 || (first && first <= now)) state = 'warning';
    }
  }
  const due = (kind: SlaClockKind) => {
    const mine = clocks.filter((c) => c.plan.kind === kind && c.plan.state !== 'cancelled');
    return mine.length ? mine[mine.length - 1]!.plan.dueAt : null;
  };
  return {
    slaDueAt,
    slaNextAt: next?.at ?? null,
    slaState: state,
    respondDueAt: due('respond'),
    replyDueAt: due('reply'),
    callbackDueAt: due('callback'),
    next,
  };
}

export type Announcement = { clock: TrackedClock; event: 'warning' | 'lastWarning' | 'breach' };

/**
 * What a timer run must announce now, and the markers to store. At most one announcement per clock:
 * when a run is late, the most severe due event wins (a breach swallows the warnings before it).
 */
export function dueAnnouncements(clocks: readonly TrackedClock[], now: Date): Announcement[] {
  const out: Announcement[] = [];
  for (const c of clocks) {
    const { plan } = c;
    if (plan.state === 'breached' && !c.breachNotified) {
      out.push({ clock: c, event: 'breach' });
      c.breachNotified = true;
      c.warningsFired = plan.warnAt.length;
      continue;
    }
    if (plan.state !== 'running') continue;
    const due = plan.warnAt.filter((w) => w <= now).length;
    if (due > c.warningsFired) {
      const last = due === plan.warnAt.length && plan.warnAt.length > 1;
      out.push({ clock: c, event: last ? 'lastWarning' : 'warning' });
      c.warningsFired = due;
    }
  }
  return out;
}
