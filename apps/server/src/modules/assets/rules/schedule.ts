import type { Frequency, PlanBasis } from '@guanjia/shared';
import { addDays, addMonthsClamped, isoWeekday } from './dates';

/** One occurrence of a plan: the day it is due, its round of the day, and the day it is missed. */
export interface Occurrence {
  dueDate: string;
  slot: number;
  /** The next occurrence's day: undone by then, the task counts as missed. */
  expiresDate: string;
}

const MONTHS: Partial<Record<Frequency['kind'], number>> = {
  monthly: 1,
  quarterly: 3,
  halfYearly: 6,
  yearly: 12,
};

/** The k-th due day of a frequency counted from its anchor (k = 0 is the anchor itself when it fits). */
function* dueDays(freq: Frequency, anchor: string): Generator<string> {
  const n = Math.max(1, freq.n ?? 1);
  const months = MONTHS[freq.kind];
  if (months) {
    // Always from the anchor, never from the previous (clamped) date: 31 Jan → 29 Feb → 31 Mar.
    for (let k = 0; ; k++) yield addMonthsClamped(anchor, k * months * n);
  }
  if (freq.kind === 'weekdays') {
    const wanted = new Set(freq.weekdays?.length ? freq.weekdays : [1]);
    for (let day = anchor; ; day = addDays(day, 1)) if (wanted.has(isoWeekday(day))) yield day;
  }
  const step = freq.kind === 'weekly' ? 7 * n : freq.kind === 'everyNDays' ? n : n; // daily: every n days
  for (let day = anchor; ; day = addDays(day, step)) yield day;
}

/** The first due day strictly after `day` for a completion-based plan (completed on `day`). */
export function nextAfterCompletion(freq: Frequency, day: string): string {
  const it = dueDays(freq, day);
  it.next(); // the completion day itself
  return it.next().value as string;
}

export interface GenerateInput {
  freq: Frequency;
  basis: PlanBasis;
  /** The plan's start day: due-based plans count from it. */
  start: string;
  /** Generate occurrences due within [from, to] (inclusive days). */
  from: string;
  to: string;
  /** completion-based: the day of the last completion (null: none yet, due from the start). */
  lastCompleted?: string | null;
  /** completion-based: a task still open — nothing new until it is done or missed. */
  hasOpen?: boolean;
  skipHolidays?: boolean;
  holidays?: ReadonlySet<string>;
}

/**
 * The occurrences of a plan due within a window. Due-based plans follow the calendar from their
 * start whatever happened; completion-based ones have one open task at a time, due one interval
 * after the last completion (or today when that is already past). Holidays drop an occurrence only
 * for plans that skip them: daily safety checks (电梯运行, 配电数据) run every day of the year.
 */
export function generateOccurrences(input: GenerateInput): Occurrence[] {
  const slots = Math.max(1, Math.min(24, input.freq.timesPerDay ?? 1));
  const skip = (day: string) => Boolean(input.skipHolidays && input.holidays?.has(day));
  const out: Occurrence[] = [];
  const push = (dueDate: string, expiresDate: string) => {
    for (let slot = 1; slot <= slots; slot++) out.push({ dueDate, slot, expiresDate });
  };
  if (input.basis === 'completion' && input.freq.kind !== 'weekdays') {
    if (input.hasOpen) return [];
    let due = input.lastCompleted ? nextAfterCompletion(input.freq, input.lastCompleted) : input.start;
    if (due < input.from) due = input.from;
    if (due < input.start) due = input.start;
    while (skip(due)) due = addDays(due, 1);
    if (due <= input.to) push(due, nextAfterCompletion(input.freq, due));
    return out;
  }
  // Days as 'YYYY-MM-DD' compare as strings: the later of the two.
  const from = [input.from, input.start].sort()[1] ?? input.from;
  const it = dueDays(input.freq, input.start);
  let current = it.next().value as string;
  // Monthly-style sequences are computed per k, so jumping ahead is cheap; daily ones step through.
  while (current < from) current = it.next().value as string;
  while (current <= input.to) {
    const next = it.next().value as string;
    if (!skip(current)) push(current, next);
    current = next;
  }
  return out;
}
