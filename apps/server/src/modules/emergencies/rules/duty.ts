import type { DutyRole } from '@guanjia/shared/api';
import { zonedParts } from '../../../platform/clock/zoned';

export interface Shift {
  role: DutyRole;
  userId: number;
  /** Local date (yyyy-mm-dd) the shift starts on. */
  date: string;
  startTime: string;
  endTime: string;
}

/** The instant a wall-clock date and time reads in `timeZone` (DST-safe: corrects by the zone's offset). */
export function wallClock(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const p = zonedParts(new Date(guess), timeZone);
  const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return new Date(guess - (shown - guess));
}

/** [start, end) of a shift; an end at or before the start runs overnight into the next day. */
export function shiftSpan(s: Shift, timeZone: string): { from: Date; to: Date } {
  const from = wallClock(s.date, s.startTime, timeZone);
  let to = wallClock(s.date, s.endTime, timeZone);
  if (to.getTime() <= from.getTime()) to = new Date(to.getTime() + 86_400_000);
  return { from, to };
}

/** Who holds `role` at instant `t`, in roster order (the earliest-starting shift first). */
export function onDutyAt(shifts: readonly Shift[], role: DutyRole, t: Date, timeZone: string): number[] {
  return shifts
    .filter((s) => s.role === role)
    .map((s) => ({ s, span: shiftSpan(s, timeZone) }))
    .filter(({ span }) => span.from.getTime() <= t.getTime() && t.getTime() < span.to.getTime())
    .sort((a, b) => a.span.from.getTime() - b.span.from.getTime())
    .map(({ s }) => s.userId)
    .filter((id, i, all) => all.indexOf(id) === i);
}

/** The escalation ladder: a missed step climbs from the role it escalates to, one rung per escalation. */
export const LADDER: readonly DutyRole[] = ['team_leader', 'project_head', 'company_duty'];

/**
 * Who hears escalation number `level` (1 = the first, at the deadline) of a step escalating to
 * `escalateTo`: the rung `level - 1` above it on the ladder (the top rung repeats), taken from the
 * roster at `t`. Nobody on duty on that rung → the next rung up that has someone, else the nearest
 * below it (never below `escalateTo`); the step's own role
 * holders hear every escalation too, so the person who must act is never left out.
 */
export function escalationTargets(
  shifts: readonly Shift[],
  step: { role: DutyRole; escalateTo: DutyRole },
  level: number,
  t: Date,
  timeZone: string,
): { role: DutyRole; userIds: number[] } {
  const startRung = Math.max(0, LADDER.indexOf(step.escalateTo));
  const own = onDutyAt(shifts, step.role, t, timeZone);
  const target = Math.min(startRung + level - 1, LADDER.length - 1);
  const above = LADDER.slice(target);
  const below = LADDER.slice(startRung, target).reverse();
  for (const role of [...above, ...below]) {
    const people = onDutyAt(shifts, role, t, timeZone);
    if (people.length) return { role, userIds: [...new Set([...people, ...own])] };
  }
  return { role: step.escalateTo, userIds: own };
}
