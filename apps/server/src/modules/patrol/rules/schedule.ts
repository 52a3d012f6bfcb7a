import { wallClockInstant, zonedDay, zonedParts } from '@guanjia/shared';
import type { PatrolSchedule } from '@guanjia/shared/api';

const MINUTE = 60_000;
const DAY = 86_400_000;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** "2026-03-02" plus n days (calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  const t =
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + n * DAY;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The starts of a route's patrols in [from, to): each night (or day) begins at `schedule.from` on the
 * project's clock and repeats every `everyMinutes` while before `schedule.to`, which is the next day when
 * it is not after `from` (20:00–06:00). A night belongs to the weekday it begins on.
 */
export function patrolStarts(schedule: PatrolSchedule, from: Date, to: Date, timeZone: string): Date[] {
  const out: Date[] = [];
  const span = (minutesOf(schedule.to) - minutesOf(schedule.from) + 24 * 60) % (24 * 60) || 24 * 60;
  // A night that began yesterday may still have starts after `from`.
  let day = addDays(zonedDay(from, timeZone), -1);
  const lastDay = zonedDay(to, timeZone);
  while (day <= lastDay) {
    const begin = wallClockInstant(day, schedule.from, timeZone);
    const weekday = zonedParts(begin, timeZone).weekday;
    if (!schedule.weekdays.length || schedule.weekdays.includes(weekday)) {
      for (let m = 0; m < span; m += schedule.everyMinutes) {
        const at = new Date(begin.getTime() + m * MINUTE);
        if (at >= from && at < to) out.push(at);
      }
    }
    day = addDays(day, 1);
  }
  return out;
}
