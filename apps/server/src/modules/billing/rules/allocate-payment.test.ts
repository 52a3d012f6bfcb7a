import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocatePayment,
  applyPrepaidBalance,
  type OpenBill,
  OverpaymentError,
  orderBills,
  refundProblem,
} from './allocate-payment';

const bill = (id: number, balance: number, period: string, priority = 100): OpenBill => ({
  id,
  balance,
  period,
  dueDate: `${period}-28`,
  priority,
});

describe('allocatePayment', () => {
  const bills = [bill(3, 5000, '2026-11'), bill(1, 3000, '2026-09'), bill(2, 4000, '2026-10', 10)];
  it.each([
    { amount: 3000, prepay: false, want: [{ billId: 1, amount: 3000 }], prepaid: 0 },
    {
      amount: 5000,
      prepay: false,
      want: [
        { billId: 1, amount: 3000 },
        { billId: 2, amount: 2000 },
      ],
      prepaid: 0,
    },
    {
      amount: 12000,
      prepay: false,
      want: [
        { billId: 1, amount: 3000 },
        { billId: 2, amount: 4000 },
        { billId: 3, amount: 5000 },
      ],
      prepaid: 0,
    },
    {
      amount: 15000,
      prepay: true,
      want: [
        { billId: 1, amount: 3000 },
        { billId: 2, amount: 4000 },
        { billId: 3, amount: 5000 },
      ],
      prepaid: 3000,
    },
  ])('$amount (prepay $prepay) settles the oldest first', ({ amount, prepay, want, prepaid }) => {
    expect(allocatePayment(amount, bills, { prepay })).toEqual({ allocations: want, prepaid });
  });

  it('refuses more than is owed unless prepayment is chosen', () => {
    expect(() => allocatePayment(12001, bills, { prepay: false })).toThrow(OverpaymentError);
    expect(allocatePayment(500, [], { prepay: true })).toEqual({ allocations: [], prepaid: 500 });
  });

  it.each([0, -1, 1.5])('refuses the amount %s', (amount) => {
    expect(() => allocatePayment(amount, bills, { prepay: true })).toThrow(RangeError);
  });

  it('orders by fee priority first for prepaid application', () => {
    expect(orderBills(bills, 'priority_first').map((b) => b.id)).toEqual([2, 1, 3]);
    expect(orderBills(bills, 'oldest_first').map((b) => b.id)).toEqual([1, 2, 3]);
  });

  const billsArb = fc.array(
    fc.record({
      id: fc.integer({ min: 1, max: 10_000 }),
      balance: fc.integer({ min: -5000, max: 100_000 }),
      period: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04'),
      priority: fc.integer({ min: 0, max: 200 }),
    }),
    { maxLength: 8 },
  );

  it('never makes a balance negative unless it is prepayment; allocations sum to the payment', () => {
    fc.assert(
      fc.property(billsArb, fc.integer({ min: 1, max: 500_000 }), fc.boolean(), (raw, amount, prepay) => {
        const list = raw.map((b, i) => bill(i + 1, b.balance, b.period, b.priority));
        const owed = list.reduce((s, b) => s + Math.max(0, b.balance), 0);
        if (!prepay && amount > owed) {
          expect(() => allocatePayment(amount, list, { prepay })).toThrow(OverpaymentError);
          return;
        }
        const r = allocatePayment(amount, list, { prepay });
        expect(r.allocations.reduce((s, a) => s + a.amount, 0) + r.prepaid).toBe(amount);
        for (const a of r.allocations) {
          const b = list.find((x) => x.id === a.billId)!;
          expect(a.amount).toBeGreaterThan(0);
          expect(b.balance - a.amount).toBeGreaterThanOrEqual(0);
        }
        if (!prepay) expect(r.prepaid).toBe(0);
      }),
    );
  });

  it('applies at most the prepaid balance and never more than owed', () => {
    fc.assert(
      fc.property(billsArb, fc.integer({ min: 0, max: 500_000 }), (raw, balance) => {
        const list = raw.map((b, i) => bill(i + 1, b.balance, b.period, b.priority));
        const r = applyPrepaidBalance(balance, list);
        const spent = r.allocations.reduce((s, a) => s + a.amount, 0);
        const owed = list.reduce((s, b) => s + Math.max(0, b.balance), 0);
        expect(spent).toBe(Math.min(balance, owed));
        expect(r.prepaid).toBe(0);
      }),
    );
  });
});

describe('refundProblem', () => {
  it.each([
    [100, 100, null],
    [101, 100, 'exceeds_paid'],
    [0, 100, 'amount_positive'],
    [-5, 100, 'amount_positive'],
  ] as const)('refund %s of %s paid → %s', (amount, paid, want) => {
    expect(refundProblem(amount, paid)).toBe(want);
  });

  it('never lets a refund exceed what was paid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (a, paid) => {
          if (refundProblem(a, paid) === null) expect(a).toBeLessThanOrEqual(paid);
        },
      ),
    );
  });
});
