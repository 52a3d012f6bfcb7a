import { divRound } from './money';
import { daysBetween } from './periods';

/** One line of an overdue bill, with its fee item's 滞纳金 terms. */
export interface LateFeeLine {
  amount: number;
  /** Per-day rate in 1/10,000 (5 = 万分之五). */
  rate: number;
  graceDays: number;
  /** Cap on this line's late fees, in percent of its amount. */
  capPercent: number;
}

export interface LateFeeBill {
  dueDate: string;
  billedAmount: number;
  /** What is still owed on the lines themselves: balance less late fees not yet paid, never < 0. */
  unpaidPrincipal: number;
  /** Late fees charged on this bill so far (approved late_fee rows less waivers). */
  chargedSoFar: number;
  lines: LateFeeLine[];
}

/**
 * The late fee one bill accrues on one day (the project's calendar day): each line's unpaid share
 * (its amount × unpaid ÷ billed) × its daily rate, for lines past their grace days after the due
 * date, rounded once to the 分 and capped so the bill's late fees never pass the lines' caps.
 */
export function dailyLateFee(bill: LateFeeBill, day: string): number {
  const overdue = daysBetween(bill.dueDate, day);
  if (overdue <= 0 || bill.unpaidPrincipal <= 0 || bill.billedAmount <= 0) return 0;
  let numerator = 0n;
  let cap = 0n;
  for (const line of bill.lines) {
    if (line.rate <= 0 || line.amount <= 0) continue;
    cap += BigInt(line.amount) * BigInt(line.capPercent);
    if (overdue <= line.graceDays) continue;
    numerator += BigInt(line.amount) * BigInt(line.rate);
  }
  if (numerator === 0n) return 0;
  const unpaid = BigInt(Math.min(bill.unpaidPrincipal, bill.billedAmount));
  const fee = Number(divRound(numerator * unpaid, BigInt(bill.billedAmount) * 10_000n));
  const room = Number(cap / 100n) - bill.chargedSoFar;
  return Math.max(0, Math.min(fee, room));
}
