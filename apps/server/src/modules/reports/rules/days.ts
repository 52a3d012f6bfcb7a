import { zonedParts } from '../../../platform/clock/zoned';

/** 'YYYY-MM-DD' of an instant in a time zone. */
export function localDayOf(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

const utcOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

export const nextDay = (day: string) => new Date(utcOf(day) + 86_400_000).toISOString().slice(0, 10);

/** The instant a local day begins (DST-safe: the offset is measured at that moment, twice). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  let at = utcOf(day);
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(at), timeZone);
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    at += utcOf(day) - wall;
  }
  return new Date(at);
}

/** Local days lying wholly inside [from, to). */
export function fullDaysWithin(from: Date, to: Date, timeZone: string): string[] {
  const days: string[] = [];
  let day = localDayOf(from, timeZone);
  if (startOfLocalDay(day, timeZone) < from) day = nextDay(day);
  while (startOfLocalDay(nextDay(day), timeZone) <= to) {
    days.push(day);
    day = nextDay(day);
  }
  return days;
}

/** Contiguous days as instant ranges [start of first, start of the day after the last). */
export function rangesOf(days: readonly string[], timeZone: string): [Date, Date][] {
  const ranges: [Date, Date][] = [];
  let first: string | null = null;
  let last: string | null = null;
  for (const day of [...days].sort()) {
    if (last && nextDay(last) === day) last = day;
    else {
      if (first && last)
        ranges.push([startOfLocalDay(first, timeZone), startOfLocalDay(nextDay(last), timeZone)]);
      first = day;
      last = day;
    }
  }
  if (first && last)
    ranges.push([startOfLocalDay(first, timeZone), startOfLocalDay(nextDay(last), timeZone)]);
  return ranges;
}

/** 'YYYY-MM-01' of a day. */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/** Every day of the month that starts on `month`. */
export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let d = month; monthOf(d) === month; d = nextDay(d)) days.push(d);
  return days;
}

/** Months wholly made of `days` (and the days left over), for rollups by month. */
export function splitMonths(days: readonly string[]): { months: string[]; rest: string[] } {
  const have = new Set(days);
  const months = [...new Set(days.map(monthOf))].filter((m) => daysOfMonth(m).every((d) => have.has(d)));
  const inMonths = new Set(months);
  return { months, rest: days.filter((d) => !inMonths.has(monthOf(d))) };
}
