/** 未缴 / 部分缴 / 已缴: derived from a bill's sums, never stored. */
export const BILL_STATUSES = ['unpaid', 'partial', 'paid'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

export function billStatus(b: { balance: number; paidAmount: number }): BillStatus {
  if (b.balance <= 0) return 'paid';
  return b.paidAmount > 0 ? 'partial' : 'unpaid';
}

/** A correction may lower a bill to zero, never below: 不允许负数账单. */
export function balanceAfter(
  b: { billedAmount: number; adjustedAmount: number; paidAmount: number },
  delta: number,
) {
  return b.billedAmount + b.adjustedAmount + delta - b.paidAmount;
}
