import type { SlaBadge } from '@guanjia/shared';

/** Minutes before a deadline from which a running clock shows amber even before the server says so. */
export const WARN_WITHIN_MS = 5 * 60_000;

/**
 * The badge of a list row at `now`: red once the nearest deadline passed (the server's state follows at
 * its next timer), amber when the server warned or the deadline is near, green otherwise; null when no
 * clock is running.
 */
export function badgeAt(state: SlaBadge, dueAt: string | null, now: number): SlaBadge | null {
  if (!dueAt) return state === 'breached' ? 'breached' : null;
  const remaining = Date.parse(dueAt) - now;
  if (remaining <= 0 || state === 'breached') return 'breached';
  if (state === 'warning' || remaining <= WARN_WITHIN_MS) return 'warning';
  return 'ok';
}

export interface DurationParts {
  negative: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function durationParts(ms: number): DurationParts {
  const negative = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  return { negative, days, hours, minutes, seconds: s - minutes * 60 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2天3小时", "3小时05分", "04:59" — the unit words come from the caller's translations. */
export function formatDuration(ms: number, words: { day: string; hour: string; minute: string }): string {
  const p = durationParts(ms);
  if (p.days > 0) return `${p.days}${words.day}${p.hours}${words.hour}`;
  if (p.hours > 0) return `${p.hours}${words.hour}${pad(p.minutes)}${words.minute}`;
  return `${pad(p.minutes)}:${pad(p.seconds)}`;
}

/** A target in minutes as the largest whole unit: 15 → {15, minutes}, 360 → {6, hours}, 2880 → {2, days}. */
export function splitMinutes(minutes: number): { value: number; unit: 'minutes' | 'hours' | 'days' } {
  if (minutes >= 1440 && minutes % 1440 === 0) return { value: minutes / 1440, unit: 'days' };
  if (minutes >= 60 && minutes % 60 === 0) return { value: minutes / 60, unit: 'hours' };
  return { value: minutes, unit: 'minutes' };
}
