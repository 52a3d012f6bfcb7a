/**
 * Where a payment's money goes. Pure: the caller locks the bills, passes their balances and writes
 * what this returns. Money is integer 分.
 */

export interface OpenBill {
  id: number;
  /** What is still owed (billed + adjusted − paid); ≤ 0 means nothing to pay. */
  balance: number;
  dueDate: string;
  period: string;
  /** The most urgent fee item on the bill (lower is paid first, fee_items.priority). */
  priority: number;
}

export interface Allocation {
  billId: number;
  amount: number;
}

export interface AllocationResult {
  allocations: Allocation[];
  /** What is left after every bill is settled: goes to prepaid (预存) when prepayment was chosen. */
  prepaid: number;
}

export type AllocationOrder = 'oldest_first' | 'priority_first';

export class OverpaymentError extends Error {
  constructor(
    readonly amount: number,
    readonly owed: number,
  ) {
    super(`Payment ${amount} exceeds the ${owed} owed`);
  }
}

/**
 * A desk payment settles the oldest bill first (then the most urgent fee item); prepaid money applied
 * to new bills goes by fee-item priority first (物业费 before 停车费), then the oldest.
 */
export function orderBills(bills: readonly OpenBill[], order: AllocationOrder): OpenBill[] {
  const age = (a: OpenBill, b: OpenBill) =>
    a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period);
  return [...bills].sort((a, b) =>
    order === 'oldest_first'
      ? age(a, b) || a.priority - b.priority || a.id - b.id
      : a.priority - b.priority || age(a, b) || a.id - b.id,
  );
}

/**
 * Split `amount` across the bills. Without prepay a payment larger than what is owed is refused
 * (OverpaymentError): nobody pays into the void by mistyping. With prepay the rest is prepaid.
 */
export function allocatePayment(
  amount: number,
  bills: readonly OpenBill[],
  options: { prepay: boolean; order?: AllocationOrder },
): AllocationResult {
  if (!Number.isInteger(amount) || amount <= 0) throw new RangeError('amount must be a positive integer');
  const owed = bills.reduce((sum, b) => sum + Math.max(0, b.balance), 0);
  if (amount > owed && !options.prepay) throw new OverpaymentError(amount, owed);
  let left = amount;
  const allocations: Allocation[] = [];
  for (const bill of orderBills(bills, options.order ?? 'oldest_first')) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(0, bill.balance));
    if (take > 0) {
      allocations.push({ billId: bill.id, amount: take });
      left -= take;
    }
  }
  return { allocations, prepaid: left };
}

/** How much of a prepaid balance to spend on the bills: all of it or everything owed, whichever is less. */
export function applyPrepaidBalance(balance: number, bills: readonly OpenBill[]): AllocationResult {
  const owed = bills.reduce((sum, b) => sum + Math.max(0, b.balance), 0);
  const spend = Math.min(balance, owed);
  if (spend <= 0) return { allocations: [], prepaid: 0 };
  return allocatePayment(spend, bills, { prepay: false, order: 'priority_first' });
}

/** A refund may give back at most what was paid (and not already refunded). */
export function refundProblem(amount: number, refundable: number): 'amount_positive' | 'exceeds_paid' | null {
  if (!Number.isInteger(amount) || amount <= 0) return 'amount_positive';
  if (amount > refundable) return 'exceeds_paid';
  return null;
}
