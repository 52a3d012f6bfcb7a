/**
 * 收费率: what a period's bills collected ÷ what they billed (after adjustments), and the share of
 * households whose bill of the period is settled. null when nothing was billed (no 0 ÷ 0).
 * Rounded to 0.01 % so that a report and its export show the same figure.
 */
export function collectionRate(collected: number, billed: number): number | null {
  if (billed <= 0) return null;
  return Math.round((Math.min(collected, billed) / billed) * 10_000) / 10_000;
}

export interface PeriodBill {
  billed: number;
  paid: number;
}

export interface RateFigures {
  billed: number;
  collected: number;
  rate: number | null;
  households: number;
  settledHouseholds: number;
  householdRate: number | null;
}

/** The figures of one period (or building) from its bills: billed = billed + adjusted, collected = paid. */
export function rateFigures(bills: readonly PeriodBill[]): RateFigures {
  let billed = 0;
  let collected = 0;
  let households = 0;
  let settled = 0;
  for (const b of bills) {
    if (b.billed <= 0) continue;
    billed += b.billed;
    collected += Math.min(b.paid, b.billed);
    households++;
    if (b.paid >= b.billed) settled++;
  }
  return {
    billed,
    collected,
    rate: collectionRate(collected, billed),
    households,
    settledHouseholds: settled,
    householdRate: collectionRate(settled, households),
  };
}
