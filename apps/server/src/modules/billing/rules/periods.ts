import type { FeeKind } from '../schema';

/**
 * Billing periods are calendar months written "2026-12". A cyclic item bills in the month of its
 * start date and every 1/3/12 months after; a one-off charge or a deposit bills once, in its start
 * month. A quarterly or yearly line covers that many months of an area or meter price.
 */
export const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isPeriod = (text: string) => PERIOD_RE.test(text);

/** "2026-12" → months since year 0 (a plain number to subtract). */
export function periodIndex(period: string): number {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new RangeError(`not a period: ${period}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function periodOf(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The period a calendar date ("2026-03-15") falls in. */
export const periodOfDate = (isoDate: string) => isoDate.slice(0, 7);

export const addMonths = (period: string, months: number) => periodOf(periodIndex(period) + months);

export const CYCLE_MONTHS: Record<FeeKind, number> = {
  monthly: 1,
  quarterly: 3,
  yearly: 12,
  one_off: 1,
  deposit: 1,
};

/** Does an item of this kind, starting on startDate, bill in this period? */
export function billsInPeriod(kind: FeeKind, startDate: string, period: string): boolean {
  const offset = periodIndex(period) - periodIndex(periodOfDate(startDate));
  if (offset < 0) return false;
  if (kind === 'one_off' || kind === 'deposit') return offset === 0;
  return offset % CYCLE_MONTHS[kind] === 0;
}

/** The periods in [from, to] an item bills in (for the settings preview and the demo seed). */
export function billingPeriods(kind: FeeKind, startDate: string, from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = periodIndex(from); i <= periodIndex(to); i++)
    if (billsInPeriod(kind, startDate, periodOf(i))) out.push(periodOf(i));
  return out;
}

/** First day of a period as "2026-12-01". */
export const periodStart = (period: string) => `${periodOf(periodIndex(period))}-01`;

/** An ISO date plus whole days, in calendar arithmetic (no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b later → positive). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A bill of this period falls due dueDays after its first day. */
export const dueDateOf = (period: string, dueDays: number) => addDays(periodStart(period), dueDays);
