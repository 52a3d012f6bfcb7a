/**
 * Pure rules of the resident's report form, shared by the portal (which suggests and offers) and the
 * server (which decides): urgency hints from the words or the category, and appointment windows on the
 * estate's clock.
 */
import { zonedParts } from './zoned';

/** A preferred visit window of a day, on the estate's wall clock ("上午 9–12"). */
export interface AppointmentWindow {
  key: string;
  label: string;
  /** "HH:MM" */
  from: string;
  /** "HH:MM", after `from` on the same day. */
  to: string;
}

export const DEFAULT_APPOINTMENT_WINDOWS: readonly AppointmentWindow[] = [
  { key: 'morning', label: '上午', from: '09:00', to: '12:00' },
  { key: 'afternoon', label: '下午', from: '14:00', to: '18:00' },
  { key: 'evening', label: '晚上', from: '18:00', to: '21:00' },
];

/** Words that mean "someone should come now": water where it must not be, no power, people stuck, gas, fire. */
export const DEFAULT_URGENT_KEYWORDS: readonly string[] = [
  '漏水',
  '跑水',
  '爆管',
  '水管爆',
  '淹水',
  '倒灌',
  '停电',
  '断电',
  '没电',
  '漏电',
  '触电',
  '困梯',
  '困人',
  '关在电梯',
  '电梯关人',
  '燃气',
  '煤气',
  '漏气',
  '着火',
  '冒烟',
  '火警',
];

export type UrgencyHint =
  | { reason: 'keyword'; keyword: string }
  | { reason: 'category'; category: string }
  | null;

/**
 * Why this report looks urgent, or null: a keyword in the text first (the resident's own words), else a
 * chosen category that is urgent by default (default priority 急) or whose name carries a keyword.
 */
export function urgencyHint(
  text: string,
  category: { name: string; pathNames: string; urgent: boolean } | null,
  keywords: readonly string[] = DEFAULT_URGENT_KEYWORDS,
): UrgencyHint {
  const words = keywords.map((k) => k.trim()).filter(Boolean);
  const inText = words.find((k) => text.includes(k));
  if (inText) return { reason: 'keyword', keyword: inText };
  if (!category) return null;
  if (category.urgent || words.some((k) => category.pathNames.includes(k)))
    return { reason: 'category', category: category.name };
  return null;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isClockTime = (v: string) => HHMM.test(v);
const minutesOf = (hhmm: string) => {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};

/** Whether a list of windows is usable: unique keys, each from before to. */
export function windowsValid(windows: readonly AppointmentWindow[]): boolean {
  const keys = new Set(windows.map((w) => w.key));
  return (
    keys.size === windows.length &&
    windows.every((w) => isClockTime(w.from) && isClockTime(w.to) && minutesOf(w.from) < minutesOf(w.to))
  );
}

/** The instant a wall-clock date and time ("2026-03-02", "09:00") is in a zone. */
export function wallClockInstant(date: string, time: string, timeZone: string): Date {
  const d = DAY.exec(date);
  const minutes = minutesOf(time);
  if (!d || Number.isNaN(minutes)) return new Date(Number.NaN);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])) + minutes * 60_000;
  // Two rounds settle the offset, also next to a daylight-saving change.
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wall - seen;
  }
  return new Date(guess);
}

/** "2026-03-02" of an instant on the estate's clock. */
export function zonedDay(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The days a resident may pick: today and the next `days - 1` days, on the estate's clock. */
export function bookableDays(now: Date, timeZone: string, days: number): string[] {
  const today = zonedDay(now, timeZone);
  const base = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: Math.max(0, days) }, (_, i) =>
    new Date(base + i * 86_400_000).toISOString().slice(0, 10),
  );
}

export type AppointmentRefusal = 'unknown_window' | 'window_past' | 'too_far';

/**
 * The window's start and end instants, or why it cannot be booked: a window of a past day or one that
 * has already ended today is refused (one that has begun may still be asked for: "come this morning").
 */
export function bookWindow(args: {
  date: string;
  window: string;
  windows: readonly AppointmentWindow[];
  timeZone: string;
  now: Date;
  daysAhead: number;
}): { from: Date; to: Date; window: AppointmentWindow } | { refusal: AppointmentRefusal } {
  const w = args.windows.find((x) => x.key === args.window);
  if (!w || !DAY.test(args.date)) return { refusal: 'unknown_window' };
  const from = wallClockInstant(args.date, w.from, args.timeZone);
  const to = wallClockInstant(args.date, w.to, args.timeZone);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return { refusal: 'unknown_window' };
  if (to.getTime() <= args.now.getTime()) return { refusal: 'window_past' };
  if (!bookableDays(args.now, args.timeZone, args.daysAhead).includes(args.date))
    return { refusal: 'too_far' };
  return { from, to, window: w };
}

/** "12:00" of an instant on the estate's clock (the end of a window beside its start's date and time). */
export function wallClockTime(at: Date | string, timeZone: string): string {
  const p = zonedParts(typeof at === 'string' ? new Date(at) : at, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
