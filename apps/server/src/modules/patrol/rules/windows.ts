import { wallClockInstant, zonedDay } from '@guanjia/shared';
import { addDays } from './schedule';

const MINUTE = 60_000;

export interface PointTiming {
  offsetMinutes: number | null;
  clockFrom: string | null;
  clockTo: string | null;
}

export interface Window {
  from: Date;
  to: Date;
}

/**
 * When a point of a patrol starting at `start` is due: `offsetMinutes` after the start, ± the route's
 * tolerance; or its clock window on the patrol's night — the first `clockFrom` not more than an hour
 * before the start (a 01:00 window of a 22:00 patrol is the next morning's).
 */
export function pointWindow(
  point: PointTiming,
  start: Date,
  toleranceMinutes: number,
  timeZone: string,
): Window {
  if (point.clockFrom && point.clockTo) {
    let day = zonedDay(start, timeZone);
    let from = wallClockInstant(day, point.clockFrom, timeZone);
    if (from.getTime() < start.getTime() - 60 * MINUTE) {
      day = addDays(day, 1);
      from = wallClockInstant(day, point.clockFrom, timeZone);
    }
    let to = wallClockInstant(day, point.clockTo, timeZone);
    if (to <= from) to = wallClockInstant(addDays(day, 1), point.clockTo, timeZone);
    return { from, to };
  }
  const due = start.getTime() + (point.offsetMinutes ?? 0) * MINUTE;
  return { from: new Date(due - toleranceMinutes * MINUTE), to: new Date(due + toleranceMinutes * MINUTE) };
}

/** A patrol closes its late-scan grace after the last point's window ends. */
export function closesAt(windows: readonly Window[], start: Date, graceMinutes: number): Date {
  const last = Math.max(start.getTime(), ...windows.map((w) => w.to.getTime()));
  return new Date(last + graceMinutes * MINUTE);
}
