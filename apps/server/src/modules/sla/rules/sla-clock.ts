import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from './business-calendar';

/** A stretch in a pause status (挂起, waiting for the resident…). `to` absent = still paused. */
export interface PauseInterval {
  from: Date;
  to?: Date | null;
}

/**
 * When to warn before a breach. Fractions are of the target ("75% used"); minutesBefore are business
 * minutes before the deadline, so a "5 minutes left" warning never fires in the middle of the night
 * for an office-hours clock.
 */
export interface WarningConfig {
  fractions: readonly number[];
  minutesBefore: readonly number[];
}

export const DEFAULT_WARNINGS: WarningConfig = Object.freeze({ fractions: [0.75], minutesBefore: [5] });

export type SlaClockStatus = 'running' | 'paused' | 'met' | 'breached';

export interface SlaClockInput {
  /** Business minutes allowed (of `calendar`). */
  targetMinutes: number;
  calendar: BusinessCalendar;
  startedAt: Date;
  pauses?: readonly PauseInterval[];
  /** When the clock was fulfilled (arrived, replied…). */
  stoppedAt?: Date | null;
  now: Date;
  warnings?: WarningConfig;
}

export interface SlaClockResult {
  /**
   * When the target is used up. While paused this is a projection assuming work resumes at `now`,
   * so the stored deadline stays meaningful; it moves on every recompute until resumed.
   */
  deadline: Date;
  /** Business minutes spent paused between start and now/stop. */
  pausedMinutes: number;
  /** Business minutes the clock actually ran between start and now/stop (pauses excluded). */
  elapsedBusinessMinutes: number;
  /** target − elapsed; negative once overdue. */
  remainingBusinessMinutes: number;
  state: SlaClockStatus;
  /**
   * Warning instants for the current deadline, ascending, past ones included (so a timer job can
   * tell which already fired). Empty unless the clock is running: a paused, met or breached clock has
   * nothing to warn about, and resuming is a write that recomputes.
   */
  warnAt: Date[];
  /** True when the deadline passed before the clock stopped (a stopped clock can still be failed). */
  breached: boolean;
}

type Span = { from: number; to: number };

/** Pauses clipped to [start, end], open ones closed at `end`, overlaps merged, sorted. */
function normalizePauses(pauses: readonly PauseInterval[], start: number, end: number): Span[] {
  const spans = pauses
    .map((p) => {
      const from = p.from.getTime();
      const to = p.to ? p.to.getTime() : end;
      if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
        throw new RangeError('sla clock: a pause ends before it starts or has an invalid date');
      }
      return { from: Math.max(from, start), to: Math.min(to, end) };
    })
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The instant at which the clock has run `minutes` of business time, walking the running segments
 * between pauses. This is why a pause after the deadline cannot "un-breach" a clock: the deadline was
 * reached in an earlier segment and later pauses never get a say.
 */
function instantAfterRunning(cal: BusinessCalendar, start: number, paused: Span[], minutes: number): Date {
  let segmentStart = start;
  let left = minutes;
  for (const pause of paused) {
    const available = businessMinutesBetween(cal, new Date(segmentStart), new Date(pause.from));
    if (left < available || (left === available && available > 0)) {
      return addBusinessMinutes(cal, new Date(segmentStart), left);
    }
    left -= available;
    segmentStart = pause.to;
  }
  return addBusinessMinutes(cal, new Date(segmentStart), left);
}

export function computeSlaClock(input: SlaClockInput): SlaClockResult {
  const { targetMinutes: target, calendar: cal } = input;
  if (!Number.isFinite(target) || target < 0) throw new RangeError(`sla clock: bad target ${target}`);
  const start = input.startedAt.getTime();
  const now = input.now.getTime();
  const stopped = input.stoppedAt ? input.stoppedAt.getTime() : null;
  if (!Number.isFinite(start) || !Number.isFinite(now) || (stopped !== null && !Number.isFinite(stopped))) {
    throw new RangeError('sla clock: invalid date');
  }
  // Measure up to the stop when there is one; a start in the future simply has nothing elapsed.
  const end = Math.max(start, stopped ?? now);
  const pauses = input.pauses ?? [];
  const paused = normalizePauses(pauses, start, end);

  const deadline = instantAfterRunning(cal, start, paused, target);
  const pausedMinutes = paused.reduce(
    (sum, p) => sum + businessMinutesBetween(cal, new Date(p.from), new Date(p.to)),
    0,
  );
  const elapsed = businessMinutesBetween(cal, new Date(start), new Date(end)) - pausedMinutes;

  const deadlineMs = deadline.getTime();
  let state: SlaClockStatus;
  if (stopped !== null) state = stopped <= deadlineMs ? 'met' : 'breached';
  else if (now > deadlineMs) state = 'breached';
  else if (pauses.some((p) => p.from.getTime() <= now && (!p.to || p.to.getTime() > now))) state = 'paused';
  else state = 'running';

  return {
    deadline,
    pausedMinutes,
    elapsedBusinessMinutes: elapsed,
    remainingBusinessMinutes: target - elapsed,
    state,
    warnAt:
      state === 'running' ? warnings(cal, start, paused, target, input.warnings ?? DEFAULT_WARNINGS) : [],
    breached: state === 'breached',
  };
}

function warnings(
  cal: BusinessCalendar,
  start: number,
  paused: Span[],
  target: number,
  config: WarningConfig,
) {
  const offsets = [
    ...config.fractions.filter((f) => f > 0 && f < 1).map((f) => f * target),
    // A warning longer than the whole target would land before the start: skip it.
    ...config.minutesBefore.filter((m) => m > 0 && m < target).map((m) => target - m),
  ];
  const times = new Set(offsets.map((m) => instantAfterRunning(cal, start, paused, m).getTime()));
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}
