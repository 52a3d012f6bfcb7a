import { DEFAULT_TIME_ZONE, formatHumanTime } from '@guanjia/shared';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

// Extended here as well as in i18n/index.ts so the formatters work on their own (unit tests).
dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Staff read times on the clock of the project they work in, whatever their laptop says: the
 * AuthProvider sets it whenever the current project changes. Module state rather than a context
 * because formatDateTime is called from plain table render functions all over the console.
 */
let displayZone = DEFAULT_TIME_ZONE;

export function setDisplayTimeZone(timeZone: string | null | undefined): void {
  displayZone = timeZone || DEFAULT_TIME_ZONE;
}

/** The current project's zone (Asia/Shanghai before a project is known). */
export const displayTimeZone = (): string => displayZone;

/**
 * Every time in a table, a card or a timeline, one form: `12-06 08:35` this year, `2025-12-06 08:35`
 * another year (minutes, no seconds). Sentences use formatHumanDateTime (`12月6日 08:35`).
 * `tz`: the resident portal passes its estate's zone; `now`: tests pin "this year".
 */
export function formatDateTime(
  value: string | Date | null | undefined,
  tz = displayZone,
  now: Date = new Date(),
): string {
  if (!value) return '—';
  const at = dayjs(value).tz(tz);
  if (!at.isValid()) return '—';
  return at.format(at.year() === dayjs(now).tz(tz).year() ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');
}

/** An exact instant where seconds matter (the audit log, a call's start): `2026-12-06 08:35:07`. */
export function formatExactDateTime(value: string | Date | null | undefined, tz = displayZone): string {
  if (!value) return '—';
  return dayjs(value).tz(tz).format('YYYY-MM-DD HH:mm:ss');
}

/** A time inside a sentence: `12月6日 08:35` / `Dec 6, 08:35`, the year only when it is not this one. */
export function formatHumanDateTime(
  value: string | Date | null | undefined,
  locale: string,
  tz = displayZone,
): string {
  if (!value) return '—';
  return formatHumanTime(value, { timeZone: tz, locale });
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).format('YYYY-MM-DD');
}

/** A 0–1 ratio as a percentage with one decimal: 0.456 → 45.6%. */
export const formatRatio = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatArea(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toLocaleString(undefined, { maximumFractionDigits: 2 })} m²`;
}

export function jsonPreview(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
