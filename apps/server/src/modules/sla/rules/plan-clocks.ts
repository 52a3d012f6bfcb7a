import type { SlaClockKind, SlaClockState } from '@guanjia/shared';
import type { BusinessCalendar } from './business-calendar';
import { clockParams, type ResolvedTargets } from './policy-match';
import { computeSlaClock, type PauseInterval, type WarningConfig } from './sla-clock';

/** What the engine needs to know about a ticket, its work orders and callback rounds. */
export interface TicketFacts {
  createdAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  isComplaint: boolean;
  appointmentAt: Date | null;
  /** End of the resident's preferred window: arriving any time inside it is on time. */
  appointmentUntil?: Date | null;
  workOrders: {
    id: number;
    createdAt: Date;
    dispatchedAt: Date | null;
    arrivedAt: Date | null;
    completedAt: Date | null;
    cancelledAt: Date | null;
    pauses: readonly PauseInterval[];
  }[];
  callbacks: { id: number; createdAt: Date; completedAt: Date | null; cancelled: boolean }[];
}

export interface PlannedClock {
  subject: string;
  workOrderId: number | null;
  kind: SlaClockKind;
  policyId: number;
  calendar: BusinessCalendar;
  targetMinutes: number;
  byAppointment: boolean;
  startedAt: Date;
  stoppedAt: Date | null;
  pauses: PauseInterval[];
  state: SlaClockState;
  dueAt: Date;
  pausedMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  warnAt: Date[];
}

export interface PlanInput {
  facts: TicketFacts;
  targets: ResolvedTargets['targets'];
  /** Calendar for 'business' targets, per policy id (a policy may name its own calendar). */
  calendarFor: (policyId: number) => BusinessCalendar;
  warnings: WarningConfig;
  now: Date;
}

interface Spec {
  subject: string;
  workOrderId: number | null;
  kind: SlaClockKind;
  start: Date;
  stop: Date | null;
  cancelled: boolean;
  pauses?: readonly PauseInterval[];
}

/** Which clocks a ticket has right now and where each stands. Pure: the engine persists the result. */
export function planClocks(input: PlanInput): PlannedClock[] {
  const { facts: f } = input;
  const specs: Spec[] = [];
  const ticketCancelled = f.cancelledAt !== null;
  // Phone and walk-in intake is accepted on the spot: no respond clock for what nobody waited for.
  if (f.acceptedAt === null || f.acceptedAt.getTime() > f.createdAt.getTime()) {
    specs.push({
      subject: 'ticket',
      workOrderId: null,
      kind: 'respond',
      start: f.createdAt,
      stop: f.acceptedAt,
      cancelled: ticketCancelled,
    });
  }
  if (f.isComplaint) {
    specs.push({
      subject: 'ticket',
      workOrderId: null,
      kind: 'reply',
      start: f.createdAt,
      stop: f.resolvedAt ?? f.closedAt,
      cancelled: ticketCancelled,
    });
  }
  for (const wo of f.workOrders) {
    const subject = `wo:${wo.id}`;
    const cancelled = wo.cancelledAt !== null || ticketCancelled;
    const base = { subject, workOrderId: wo.id, start: wo.createdAt, cancelled };
    specs.push({ ...base, kind: 'dispatch', stop: wo.dispatchedAt });
    specs.push({ ...base, kind: 'arrive', stop: wo.arrivedAt });
    specs.push({ ...base, kind: 'resolve', stop: wo.completedAt, pauses: wo.pauses });
  }
  for (const cb of f.callbacks) {
    specs.push({
      subject: `cb:${cb.id}`,
      workOrderId: null,
      kind: 'callback',
      start: cb.createdAt,
      stop: cb.completedAt,
      cancelled: cb.cancelled,
    });
  }
  const planned: PlannedClock[] = [];
  for (const spec of specs) {
    const hit = input.targets[spec.kind];
    if (!hit) continue;
    planned.push(planOne(input, spec, hit.target, hit.policyId));
  }
  return planned;
}

function planOne(
  input: PlanInput,
  spec: Spec,
  target: NonNullable<PlanInput['targets'][SlaClockKind]>['target'],
  policyId: number,
): PlannedClock {
  let { calendar, targetMinutes } = clockParams(target, input.calendarFor(policyId));
  let start = spec.start;
  let byAppointment = false;
  const appointment = input.facts.appointmentAt;
  if (target.appointmentOverrides && appointment) {
    byAppointment = true;
    if (spec.kind === 'arrive') {
      // Be there at the agreed time (by the end of the agreed window): wall-clock minutes from the start.
      const arriveBy = input.facts.appointmentUntil ?? appointment;
      calendar = { ...calendar, always: true };
      targetMinutes = Math.max(0, (arriveBy.getTime() - start.getTime()) / 60_000);
    } else if (appointment > start) {
      // The fix target counts from the agreed visit, not from the call (Q32 预约除外).
      start = appointment;
    }
  }
  const stoppedAt = spec.stop ?? (spec.cancelled ? input.now : null);
  const pauses = [...(spec.pauses ?? [])];
  const r = computeSlaClock({
    targetMinutes,
    calendar,
    startedAt: start,
    pauses,
    stoppedAt,
    now: input.now,
    warnings: input.warnings,
  });
  return {
    subject: spec.subject,
    workOrderId: spec.workOrderId,
    kind: spec.kind,
    policyId,
    calendar,
    targetMinutes,
    byAppointment,
    startedAt: start,
    stoppedAt,
    pauses,
    state: spec.cancelled && spec.stop === null ? 'cancelled' : r.state,
    dueAt: r.deadline,
    pausedMinutes: r.pausedMinutes,
    elapsedMinutes: r.elapsedBusinessMinutes,
    remainingMinutes: r.remainingBusinessMinutes,
    warnAt: r.warnAt,
  };
}

/** The next moment something must be announced for a clock: an unfired warning, or the breach. */
export function nextTimerAt(
  clock: Pick<PlannedClock, 'state' | 'warnAt' | 'dueAt'>,
  warningsFired: number,
  breachNotified: boolean,
): { at: Date; event: 'warning' | 'breach' } | null {
  if (clock.state === 'running') {
    const next = clock.warnAt[warningsFired];
    if (next) return { at: next, event: 'warning' };
    return breachNotified ? null : { at: new Date(clock.dueAt.getTime() + 1), event: 'breach' };
  }
  // Breached while running (a missed timer) or stopped late: announce it once.
  if (clock.state === 'breached' && !breachNotified) return { at: clock.dueAt, event: 'breach' };
  return null;
}
