import { zonedParts } from '../../../platform/clock/zoned';

/** One working period of a day, local wall time 'HH:MM'. `end` may be '24:00'; an `end` before `start`
 * is an overnight shift that belongs to the day it starts on (holiday checks use that day). */
export interface WorkPeriod {
  start: string;
  end: string;
}

/**
 * When the SLA clock runs. Structurally a superset of the project's `BusinessHours` column, so a
 * project row can be passed straight in with its timezone. Treat calendars as immutable values.
 */
export interface BusinessCalendar {
  /** IANA zone, default 'Asia/Shanghai'. */
  timezone: string;
  /** Index 0 = Monday … 6 = Sunday; several periods per day (lunch break); empty list = day off. */
  weekdays: readonly (readonly WorkPeriod[])[];
  /** 'YYYY-MM-DD' local dates with no work. A date listed in both lists is a holiday (no work). */
  holidays: readonly string[];
  /** 调休: weekend dates worked as a normal weekday, using Monday's periods. */
  extraWorkdays: readonly string[];
  /** 24x7: every minute counts; weekdays/holidays are ignored. */
  always?: boolean;
}

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** Thrown instead of searching forever when a calendar has no working time ahead. */
export class NoWorkingTimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoWorkingTimeError';
  }
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead we look for the next working minute before declaring the calendar empty. */
const SEARCH_LIMIT_DAYS = 3 * 366;

/**
 * Zones with a known fixed offset (minutes east of UTC). Asia/Shanghai is +08:00: China has had no
 * DST since 1991, and we deliberately do not let Intl's 1986–91 history leak into SLA math.
 */
const FIXED_OFFSETS = new Map<string, number>([
  ['Asia/Shanghai', 480],
  ['UTC', 0],
  ['Etc/UTC', 0],
]);

interface Zone {
  /** Local calendar day (days since 1970-01-01) containing the instant. */
  localDay(ms: number): number;
  /** Instant of a local wall time; `minute` may exceed 1440 (overnight ends). */
  toInstant(day: number, minute: number): number;
}

type Interval = readonly [start: number, end: number];

interface Compiled {
  always: boolean;
  zone: Zone;
  /** Per weekday (0 = Monday), [startMinute, endMinute) sorted by start; end > 1440 for overnight. */
  days: (readonly Interval[])[];
  holidays: Set<string>;
  extra: Set<string>;
}

function fixedZone(offsetMinutes: number): Zone {
  const offset = offsetMinutes * MINUTE;
  return {
    localDay: (ms) => Math.floor((ms + offset) / DAY),
    toInstant: (day, minute) => day * DAY + minute * MINUTE - offset,
  };
}

/** Offset (minutes) of an IANA zone at an instant, read through Intl. */
function intlOffset(ms: number, timeZone: string): number {
  const at = Math.floor(ms / MINUTE) * MINUTE;
  const p = zonedParts(new Date(at), timeZone);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - at) / MINUTE;
}

function intlZone(timeZone: string): Zone {
  return {
    localDay(ms) {
      const p = zonedParts(new Date(ms), timeZone);
      return Date.UTC(p.year, p.month - 1, p.day) / DAY;
    },
    toInstant(day, minute) {
      // Guess with the offset at the wall time read as UTC, then correct once. Wall times inside a
      // spring-forward gap land after the gap; ambiguous fall-back times take the later offset.
      const wall = day * DAY + minute * MINUTE;
      const first = wall - intlOffset(wall, timeZone) * MINUTE;
      return wall - intlOffset(first, timeZone) * MINUTE;
    },
  };
}

function zoneFor(timeZone: string): Zone {
  const fixed = FIXED_OFFSETS.get(timeZone);
  if (fixed !== undefined) return fixedZone(fixed);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`business calendar: unknown time zone "${timeZone}"`);
  }
  return intlZone(timeZone);
}

function parseTime(value: string, allow24: boolean): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes < 1440 || (allow24 && minutes === 1440))) {
    throw new RangeError(`business calendar: "${value}" is not a valid HH:MM time`);
  }
  return minutes;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function dateSet(dates: readonly string[], what: string): Set<string> {
  for (const date of dates) {
    if (!DATE_RE.test(date)) throw new RangeError(`business calendar: ${what} "${date}" is not YYYY-MM-DD`);
  }
  return new Set(dates);
}

function compile(cal: BusinessCalendar): Compiled {
  const days: Interval[][] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    const periods = (cal.weekdays[weekday] ?? []).map((p): Interval => {
      const start = parseTime(p.start, false);
      const end = parseTime(p.end, true);
      if (end === start) throw new RangeError(`business calendar: empty period ${p.start}-${p.end}`);
      return [start, end < start ? end + 1440 : end];
    });
    days.push(periods.sort((a, b) => a[0] - b[0]));
  }
  return {
    always: cal.always === true,
    zone: zoneFor(cal.timezone || DEFAULT_TIMEZONE),
    days,
    holidays: dateSet(cal.holidays, 'holiday'),
    extra: dateSet(cal.extraWorkdays, 'extra workday'),
  };
}

function dayKey(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday (index 3 when Monday = 0). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function periodsOn(c: Compiled, day: number): readonly Interval[] {
  const key = dayKey(day);
  if (c.holidays.has(key)) return [];
  return (c.extra.has(key) ? c.days[0] : c.days[weekdayOf(day)]) ?? [];
}

/**
 * Working intervals [start, end) in epoch ms, ascending and non-overlapping, that end after `fromMs`
 * and start before `untilMs`. We walk whole days and their periods, never minutes. Overlaps (an
 * overnight shift running into the next day's first period) are clipped away; adjacent intervals may
 * be yielded separately, which every consumer below tolerates.
 */
function* intervalsFrom(
  c: Compiled,
  fromMs: number,
  untilMs = Number.POSITIVE_INFINITY,
): Generator<Interval> {
  if (c.always) {
    if (fromMs < untilMs) yield [fromMs, Number.POSITIVE_INFINITY];
    return;
  }
  let cursor = Number.NEGATIVE_INFINITY;
  let idleDays = 0;
  // Start a day early so yesterday's overnight shift is seen.
  for (let day = c.zone.localDay(fromMs) - 1; ; day++) {
    if (c.zone.toInstant(day, 0) >= untilMs) return;
    let found = false;
    for (const [startMin, endMin] of periodsOn(c, day)) {
      const start = Math.max(cursor, c.zone.toInstant(day, startMin));
      const end = c.zone.toInstant(day, endMin);
      if (end <= start) continue;
      cursor = end;
      if (end <= fromMs) continue;
      found = true;
      yield [start, end];
    }
    idleDays = found ? 0 : idleDays + 1;
    if (idleDays > SEARCH_LIMIT_DAYS && untilMs === Number.POSITIVE_INFINITY) {
      throw new NoWorkingTimeError(
        `business calendar has no working time within ${SEARCH_LIMIT_DAYS} days after ${new Date(fromMs).toISOString()}`,
      );
    }
  }
}

function millis(at: Date, name: string): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`business calendar: ${name} is an invalid Date`);
  return ms;
}

/**
 * The instant when `minutes` of working time have passed since `start`. Outside working time the
 * clock starts at the next period start; a deadline that uses up a period exactly ends at the period's
 * end (12:00, not 13:30). Zero minutes gives the next working start.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`addBusinessMinutes: minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  const from = millis(start, 'start');
  let remaining = Math.round(minutes * MINUTE);
  for (const [s, e] of intervalsFrom(compile(cal), from)) {
    const begin = Math.max(s, from);
    if (begin + remaining <= e) return new Date(begin + remaining);
    remaining -= e - begin;
  }
  // Unreachable: without an upper bound intervalsFrom is endless or throws.
  throw new NoWorkingTimeError('business calendar ran out of working time');
}

/** Working minutes in [from, to); negative when `to` is before `from`. May be fractional (seconds). */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const a = millis(from, 'from');
  const b = millis(to, 'to');
  if (b < a) return -businessMinutesBetween(cal, to, from);
  let total = 0;
  for (const [s, e] of intervalsFrom(compile(cal), a, b)) {
    const overlap = Math.min(e, b) - Math.max(s, a);
    if (overlap > 0) total += overlap;
  }
  return total / MINUTE;
}

/** Periods are half-open: 08:30 is working time, 12:00 (end of the morning period) is not. */
export function isWorkingTime(cal: BusinessCalendar, at: Date): boolean {
  return nextWorkingStart(cal, at).getTime() === millis(at, 'at');
}

/** `at` itself when it is working time, else the start of the next working period. */
export function nextWorkingStart(cal: BusinessCalendar, at: Date): Date {
  const ms = millis(at, 'at');
  for (const [s] of intervalsFrom(compile(cal), ms)) return new Date(Math.max(s, ms));
  throw new NoWorkingTimeError('business calendar ran out of working time');
}

/**
 * Length of a standard working day (Monday's periods; 1440 for 24x7). Targets written in business
 * days ("complaints within 4 working days") convert through this, so they follow the project's hours.
 */
export function standardDayMinutes(cal: BusinessCalendar): number {
  const c = compile(cal);
  if (c.always) return 1440;
  return (c.days[0] ?? []).reduce((sum, [s, e]) => sum + (e - s), 0);
}

/** Office hours with a lunch break, Monday–Friday (product default; projects override). */
export const DEFAULT_OFFICE_CALENDAR: BusinessCalendar = Object.freeze({
  timezone: DEFAULT_TIMEZONE,
  weekdays: [0, 1, 2, 3, 4, 5, 6].map((d) =>
    d < 5
      ? [
          { start: '08:30', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ]
      : [],
  ),
  holidays: [],
  extraWorkdays: [],
});

/** Round the clock: repairs are accepted 24/7 (Q30) and urgent repairs run on wall time (Q31). */
export const CALENDAR_24X7: BusinessCalendar = Object.freeze({
  timezone: DEFAULT_TIMEZONE,
  weekdays: [[], [], [], [], [], [], []],
  holidays: [],
  extraWorkdays: [],
  always: true,
});
