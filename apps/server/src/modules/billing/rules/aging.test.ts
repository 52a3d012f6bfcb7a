import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBalances, agingBucket, daysPastDue } from './aging';
import { collectionRate, rateFigures } from './collection-rate';

describe('aging buckets', () => {
  it.each([
    [1, 'd0_30'],
    [30, 'd0_30'],
    [31, 'd31_90'],
    [90, 'd31_90'],
    [91, 'd91_180'],
    [180, 'd91_180'],
    [181, 'd181_365'],
    [365, 'd181_365'],
    [366, 'd365_plus'],
    [4000, 'd365_plus'],
  ] as const)('%i days → %s', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });

  it.each([
    ['2026-11-30', '2026-12-06', 6],
    ['2026-12-06', '2026-12-06', 0],
    ['2025-12-06', '2026-12-06', 365],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-12-10', '2026-12-06', -4],
  ])('%s to %s is %i days', (due, today, days) => {
    expect(daysPastDue(due, today)).toBe(days);
  });

  it('sums balances past due and leaves out what is not due yet', () => {
    const totals = ageBalances(
      [
        { dueDate: '2026-12-06', balance: 500 },
        { dueDate: '2026-11-20', balance: 10_000 },
        { dueDate: '2026-09-01', balance: 20_000 },
        { dueDate: '2025-01-01', balance: 30_000 },
        { dueDate: '2025-01-01', balance: 0 },
      ],
      '2026-12-06',
    );
    expect(totals).toEqual({ d0_30: 10_000, d31_90: 0, d91_180: 20_000, d181_365: 0, d365_plus: 30_000 });
  });

  it('never loses a fen: the buckets add up to every overdue balance', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ days: fc.integer({ min: 1, max: 2000 }), balance: fc.integer({ min: 1, max: 1e7 }) }),
        ),
        (rows) => {
          const today = '2026-12-06';
          const base = Date.parse(`${today}T00:00:00Z`);
          const input = rows.map((r) => ({
            dueDate: new Date(base - r.days * 86_400_000).toISOString().slice(0, 10),
            balance: r.balance,
          }));
          const totals = ageBalances(input, today);
          const sum = Object.values(totals).reduce((a, b) => a + b, 0);
          expect(sum).toBe(rows.reduce((a, r) => a + r.balance, 0));
        },
      ),
    );
  });
});

describe('收费率', () => {
  it.each([
    [0, 0, null],
    [50, 100, 0.5],
    [100, 100, 1],
    [150, 100, 1],
    [1, 3, 0.3333],
  ])('%i of %i → %s', (collected, billed, rate) => {
    expect(collectionRate(collected, billed)).toBe(rate);
  });

  it('by amount and by households', () => {
    const f = rateFigures([
      { billed: 10_000, paid: 10_000 },
      { billed: 20_000, paid: 5_000 },
      { billed: 30_000, paid: 0 },
      { billed: 0, paid: 0 },
    ]);
    expect(f).toEqual({
      billed: 60_000,
      collected: 15_000,
      rate: 0.25,
      households: 3,
      settledHouseholds: 1,
      householdRate: 0.3333,
    });
  });

  it('stays between 0 and 1', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ billed: fc.integer({ min: 0, max: 1e7 }), paid: fc.integer({ min: 0, max: 2e7 }) }),
        ),
        (bills) => {
          const f = rateFigures(bills);
          for (const r of [f.rate, f.householdRate]) if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
          expect(f.collected).toBeLessThanOrEqual(f.billed);
        },
      ),
    );
  });
});
