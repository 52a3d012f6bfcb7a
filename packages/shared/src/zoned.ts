/** Wall-clock parts of an instant in a time zone (Asia/Shanghai unless a project says otherwise). */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, as cron counts. */
  weekday: number;
}

/** Where an estate is when nothing says otherwise (projects.timezone defaults to it). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

// An IANA name (Asia/Shanghai, UTC, Etc/GMT-8), not an offset (+08:00): PostgreSQL reads offsets
// with the opposite (POSIX) sign, so only names mean the same thing to Intl and to SQL.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Whether every reader of a zone (Intl here and in browsers, PostgreSQL's AT TIME ZONE) takes it. */
export function isIanaTimeZone(name: string): boolean {
  if (name.length > 60 || !ZONE_NAME.test(name)) return false;
  if (formatters.has(name)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function zonedParts(at: Date, timeZone = DEFAULT_TIME_ZONE): ZonedParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'),
  };
}

/** "2026-12-06 02:10": an instant on the estate's wall clock, as printed reports show it. */
export function zonedStamp(at: Date | string, timeZone: string): string {
  const p = zonedParts(typeof at === 'string' ? new Date(at) : at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}
