import { zonedParts } from '../../../platform/clock/zoned';

/** A daily window in local wall-clock time, "HH:MM"; start > end wraps past midnight (21:00–08:00). */
export interface QuietWindow {
  start: string;
  end: string;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Is local minute-of-day `m` inside the window? An empty window (start = end) is never quiet. */
export function inQuietWindow(m: number, window: QuietWindow): boolean {
  const s = minutesOf(window.start);
  const e = minutesOf(window.end);
  if (s === e) return false;
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/**
 * Q07: no non-urgent outbound message inside the quiet window. Returns the instant the window opens
 * (when a non-urgent message must wait), or null when it may go now. Emergencies always go now.
 * Minute arithmetic on local wall-clock time: exact for Asia/Shanghai (no daylight saving).
 */
export function quietHoursRelease(
  now: Date,
  timeZone: string,
  window: QuietWindow,
  urgent: boolean,
): Date | null {
  if (urgent) return null;
  const p = zonedParts(now, timeZone);
  const m = p.hour * 60 + p.minute;
  if (!inQuietWindow(m, window)) return null;
  const wait = (minutesOf(window.end) - m + 1440) % 1440 || 1440;
  const minuteStart = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(minuteStart + wait * 60_000);
}
