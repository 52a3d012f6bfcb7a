import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  billingPeriods,
  billsInPeriod,
  daysBetween,
  dueDateOf,
  periodIndex,
  periodOf,
} from './periods';

describe('billsInPeriod', () => {
  it.each([
    ['monthly', '2026-03-15', '2026-02', false],
    ['monthly', '2026-03-15', '2026-03', true],
    ['monthly', '2026-03-15', '2027-01', true],
    ['quarterly', '2026-01-01', '2026-04', true],
    ['quarterly', '2026-01-01', '2026-05', false],
    ['yearly', '2025-07-01', '2026-07', true],
    ['yearly', '2025-07-01', '2026-06', false],
    ['one_off', '2026-05-10', '2026-05', true],
    ['one_off', '2026-05-10', '2026-06', false],
    ['deposit', '2026-05-10', '2026-05', true],
    ['deposit', '2026-05-10', '2027-05', false],
  ] as const)('%s from %s bills in %s: %s', (kind, start, period, yes) => {
    expect(billsInPeriod(kind, start, period)).toBe(yes);
  });

  it('lists the quarters of a year', () => {
    expect(billingPeriods('quarterly', '2026-02-01', '2026-01', '2026-12')).toEqual([
      '2026-02',
      '2026-05',
      '2026-08',
      '2026-11',
    ]);
  });

  it('period arithmetic round-trips across years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000 * 12, max: 2100 * 12 }),
        fc.integer({ min: -240, max: 240 }),
        (i, n) => {
          const p = periodOf(i);
          expect(periodIndex(addMonths(p, n))).toBe(i + n);
        },
      ),
    );
  });
});

describe('dates', () => {
  it.each([
    ['2026-12', 30, '2026-12-31'],
    ['2026-02', 30, '2026-03-03'],
    ['2026-12', 0, '2026-12-01'],
  ])('%s due after %i days → %s', (period, days, due) => {
    expect(dueDateOf(period, days)).toBe(due);
  });
  it('counts days across a month end', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toBe(3);
  });
});
