import type { ZonedParts } from '../../clock/zoned';

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) with
 * `*`, `*\/n`, `a-b`, `a-b/n` and comma lists. Day-of-week 0 or 7 is Sunday.
 */
export interface CronSpec {
  minute: Set<number>;
  hour: Set<number>;
  day: Set<number>;
  month: Set<number>;
  weekday: Set<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

const FIELDS: [keyof Pick<CronSpec, 'minute' | 'hour' | 'day' | 'month' | 'weekday'>, number, number][] = [
  ['minute', 0, 59],
  ['hour', 0, 23],
  ['day', 1, 31],
  ['month', 1, 12],
  ['weekday', 0, 7],
];

export function parseCron(expression: string): CronSpec {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron "${expression}" needs 5 fields`);
  const sets = FIELDS.map(([name, min, max], i) => parseField(parts[i] ?? '', min, max, name));
  const weekday = sets[4] ?? new Set<number>();
  if (weekday.delete(7)) weekday.add(0);
  return {
    minute: sets[0] ?? new Set(),
    hour: sets[1] ?? new Set(),
    day: sets[2] ?? new Set(),
    month: sets[3] ?? new Set(),
    weekday,
    dayRestricted: parts[2] !== '*',
    weekdayRestricted: parts[4] !== '*',
  };
}

function parseField(field: string, min: number, max: number, name: string): Set<number> {
  const values = new Set<number>();
  for (const item of field.split(',')) {
    const match = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/.exec(item);
    if (!match?.[1]) throw new Error(`cron field ${name} "${field}" is not understood`);
    const step = match[2] ? Number(match[2]) : 1;
    let [from, to] = [min, max];
    if (match[1] !== '*') {
      const [a, b] = match[1].split('-').map(Number);
      from = a ?? min;
      to = b ?? (match[2] ? max : from);
    }
    if (from < min || to > max || from > to || step < 1)
      throw new Error(`cron field ${name} "${field}" is out of range`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Standard cron semantics: when both day fields are restricted, either may match. */
export function cronMatches(spec: CronSpec, at: ZonedParts): boolean {
  if (!spec.minute.has(at.minute) || !spec.hour.has(at.hour) || !spec.month.has(at.month)) return false;
  const dayOk = spec.day.has(at.day);
  const weekdayOk = spec.weekday.has(at.weekday);
  if (spec.dayRestricted && spec.weekdayRestricted) return dayOk || weekdayOk;
  return dayOk && weekdayOk;
}

/** Exponential retry delay: 5 s, 10 s, 20 s … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}
