import { AGING_BUCKETS, type AgingBucket } from '@guanjia/shared';

const DAY = 86_400_000;

/** Days from a 'YYYY-MM-DD' due date to a 'YYYY-MM-DD' local day (0 on the due date, negative before). */
export function daysPastDue(dueDate: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY);
}

/** Upper bounds (inclusive) of the buckets; the last is open-ended. */
const BOUNDS: readonly [AgingBucket, number][] = [
  ['d0_30', 30],
  ['d31_90', 90],
  ['d91_180', 180],
  ['d181_365', 365],
];

/** The aging bucket of a balance that is `days` past due (a bill is in arrears from day 1). */
export function agingBucket(days: number): AgingBucket {
  for (const [bucket, upTo] of BOUNDS) if (days <= upTo) return bucket;
  return 'd365_plus';
}

export type AgingTotals = Record<AgingBucket, number>;

export const emptyAging = (): AgingTotals =>
  Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as AgingTotals;

/** Sum open balances (分) into buckets; bills not yet past due are not arrears and are left out. */
export function ageBalances(
  rows: readonly { dueDate: string; balance: number }[],
  today: string,
): AgingTotals {
  const totals = emptyAging();
  for (const r of rows) {
    const days = daysPastDue(r.dueDate, today);
    if (days < 1 || r.balance <= 0) continue;
    totals[agingBucket(days)] += r.balance;
  }
  return totals;
}
