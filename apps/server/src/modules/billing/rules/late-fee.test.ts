import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billStatus } from './bill-status';
import { dailyLateFee, type LateFeeBill } from './late-fee';

const bill = (over: Partial<LateFeeBill> = {}): LateFeeBill => ({
  dueDate: '2026-12-31',
  billedAmount: 100_000,
  unpaidPrincipal: 100_000,
  chargedSoFar: 0,
  lines: [{ amount: 100_000, rate: 5, graceDays: 0, capPercent: 10 }],
  ...over,
});

describe('dailyLateFee (万分之五 per day after grace, capped)', () => {
  it.each([
    ['on the due date', bill(), '2026-12-31', 0],
    ['the day after', bill(), '2027-01-01', 50],
    ['half paid', bill({ unpaidPrincipal: 50_000 }), '2027-01-01', 25],
    [
      'within grace',
      bill({ lines: [{ amount: 100_000, rate: 5, graceDays: 15, capPercent: 10 }] }),
      '2027-01-15',
      0,
    ],
    [
      'after grace',
      bill({ lines: [{ amount: 100_000, rate: 5, graceDays: 15, capPercent: 10 }] }),
      '2027-01-16',
      50,
    ],
    ['at the cap', bill({ chargedSoFar: 10_000 }), '2027-03-01', 0],
    ['just below the cap', bill({ chargedSoFar: 9_980 }), '2027-03-01', 20],
    ['paid', bill({ unpaidPrincipal: 0 }), '2027-03-01', 0],
    [
      'only lines with a rate',
      bill({
        lines: [
          { amount: 60_000, rate: 5, graceDays: 0, capPercent: 10 },
          { amount: 40_000, rate: 0, graceDays: 0, capPercent: 0 },
        ],
      }),
      '2027-01-02',
      30,
    ],
  ])('%s', (_what, b, day, fee) => {
    expect(dailyLateFee(b, day)).toBe(fee);
  });

  it('never charges past the cap however many days run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        (amount, rate) => {
          let charged = 0;
          for (let d = 1; d <= 400; d++) {
            const day = new Date(Date.UTC(2027, 0, d)).toISOString().slice(0, 10);
            charged += dailyLateFee(
              bill({
                billedAmount: amount,
                unpaidPrincipal: amount,
                chargedSoFar: charged,
                lines: [{ amount, rate, graceDays: 0, capPercent: 5 }],
              }),
              day,
            );
          }
          expect(charged).toBeLessThanOrEqual(Math.floor((amount * 5) / 100));
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('billStatus', () => {
  it.each([
    [{ balance: 100, paidAmount: 0 }, 'unpaid'],
    [{ balance: 100, paidAmount: 50 }, 'partial'],
    [{ balance: 0, paidAmount: 150 }, 'paid'],
    [{ balance: 0, paidAmount: 0 }, 'paid'],
  ] as const)('%j → %s', (b, s) => {
    expect(billStatus(b)).toBe(s);
  });
});
