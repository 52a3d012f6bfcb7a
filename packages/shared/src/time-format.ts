import { zonedParts } from './zoned';

/**
 * How a time reads to a person (an SMS, an e-mail, an in-app alert, the portal): the wall clock of
 * the estate's zone in the reader's language — zh-CN `12月6日 08:35`, en `Dec 6, 08:35` — never an ISO
 * string. Month names are spelled out here rather than taken from Intl so the text is the same on
 * every Node and browser build (ICU versions differ in spaces and punctuation).
 */

export type HumanLocale = 'zh-CN' | 'en';

export interface HumanTimeOptions {
  /** IANA zone of the project whose clock the reader goes by. */
  timeZone: string;
  /** The reader's language; anything but English reads Chinese (residents default to zh-CN). */
  locale?: string | null;
  /** true always names the year, false never; by default only when it is not the current year there. */
  withYear?: boolean;
  /** "Now" for the current-year test: pass the service clock so tests and replays agree. */
  now?: Date;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function humanLocale(locale: string | null | undefined): HumanLocale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

const two = (n: number) => String(n).padStart(2, '0');

interface Day {
  year: number;
  month: number;
  day: number;
}

function showYear(day: Day, o: HumanTimeOptions): boolean {
  if (o.withYear !== undefined) return o.withYear;
  return zonedParts(o.now ?? new Date(), o.timeZone).year !== day.year;
}

function dayText(d: Day, locale: HumanLocale, withYear: boolean): string {
  if (locale === 'en') return `${EN_MONTHS[d.month - 1]} ${d.day}${withYear ? `, ${d.year}` : ''}`;
  return `${withYear ? `${d.year}年` : ''}${d.month}月${d.day}日`;
}

/** `12月6日 08:35` / `2025年12月6日 08:35` / `Dec 6, 08:35` / `Dec 6, 2025, 08:35`. */
export function formatHumanTime(at: Date | string, o: HumanTimeOptions): string {
  const p = zonedParts(typeof at === 'string' ? new Date(at) : at, o.timeZone);
  const locale = humanLocale(o.locale);
  const clock = `${two(p.hour)}:${two(p.minute)}`;
  return `${dayText(p, locale, showYear(p, o))}${locale === 'en' ? ', ' : ' '}${clock}`;
}

/**
 * A calendar day with no time of day (a warranty's last day, a birthday): `6月30日` / `Jun 30`, the
 * year as formatHumanTime decides it. `day` is `YYYY-MM-DD`, already a local date.
 */
export function formatHumanDay(day: string, o: HumanTimeOptions): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const d = { year, month, day: date };
  return dayText(d, humanLocale(o.locale), showYear(d, o));
}
