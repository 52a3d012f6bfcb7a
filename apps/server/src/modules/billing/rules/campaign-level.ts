import type { CampaignLevel } from '@guanjia/shared';

export interface LevelInput {
  levels: readonly CampaignLevel[];
  /** Nobody owing less than this (分) is chased. */
  minAmount: number;
  /** What the unit owes on overdue bills that are not disputed (分). */
  owed: number;
  /** What it owes on disputed bills: collection stops for those. */
  disputedOwed: number;
  /** Days past due of the oldest overdue, undisputed bill. */
  daysOverdue: number;
  /** Highest level already planned or done in this arrears episode (0 = none). */
  doneLevel: number;
  /** A promise to pay whose date has not come: wait for it. */
  openPromise: boolean;
  /** A promise that was broken since the last level: go one level up whatever the days say. */
  brokenPromise: boolean;
}

export type LevelChoice =
  | { action: 'attempt'; level: CampaignLevel; escalated: boolean }
  | {
      action: 'none';
      reason: 'paid' | 'disputed' | 'below_minimum' | 'promised' | 'not_due' | 'last_level';
    };

/**
 * Which campaign level a unit in arrears gets now: the highest level whose days it has reached, if
 * not done yet in this episode; one above the last done after a broken promise. Nothing when it has
 * paid, when all it owes is disputed, below the minimum amount, or while a promise is pending.
 */
export function chooseLevel(input: LevelInput): LevelChoice {
  if (input.owed <= 0) return { action: 'none', reason: input.disputedOwed > 0 ? 'disputed' : 'paid' };
  if (input.owed < input.minAmount) return { action: 'none', reason: 'below_minimum' };
  if (input.openPromise) return { action: 'none', reason: 'promised' };
  const levels = [...input.levels].sort((a, b) => a.level - b.level);
  const last = levels[levels.length - 1];
  if (!last) return { action: 'none', reason: 'not_due' };
  let reached = levels.filter((l) => l.days <= input.daysOverdue).pop();
  let escalated = false;
  if (input.brokenPromise) {
    const next = levels.find((l) => l.level > input.doneLevel);
    if (next && (!reached || next.level > reached.level)) {
      reached = next;
      escalated = true;
    }
  }
  if (!reached || reached.level <= input.doneLevel)
    return { action: 'none', reason: input.doneLevel >= last.level ? 'last_level' : 'not_due' };
  return { action: 'attempt', level: reached, escalated };
}

/** A promise whose date has passed: kept when the unit paid the promised amount since, or owes nothing. */
export function promiseKept(
  p: { promisedAmount: number | null; paidAtPromise: number },
  paidNow: number,
  owedNow: number,
) {
  if (owedNow <= 0) return true;
  return paidNow - p.paidAtPromise >= (p.promisedAmount ?? 1);
}
