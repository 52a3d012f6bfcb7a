import type { CampaignLevel } from '@guanjia/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseLevel, type LevelInput, promiseKept } from './campaign-level';

const LEVELS: CampaignLevel[] = [
  { level: 1, days: 15, channel: 'sms', task: false },
  { level: 2, days: 45, channel: 'call', task: false },
  { level: 3, days: 90, channel: 'letter', task: true },
  { level: 4, days: 180, channel: 'manager', task: false },
];
const base: LevelInput = {
  levels: LEVELS,
  minAmount: 5_000,
  owed: 100_000,
  disputedOwed: 0,
  daysOverdue: 20,
  doneLevel: 0,
  openPromise: false,
  brokenPromise: false,
};

describe('campaign level choice', () => {
  it.each<[string, Partial<LevelInput>, number | string]>([
    ['14 days: nothing yet', { daysOverdue: 14 }, 'not_due'],
    ['15 days: SMS', { daysOverdue: 15 }, 1],
    ['44 days, SMS done: wait', { daysOverdue: 44, doneLevel: 1 }, 'not_due'],
    ['45 days, SMS done: call', { daysOverdue: 45, doneLevel: 1 }, 2],
    ['100 days, nothing done: straight to the letter', { daysOverdue: 100 }, 3],
    ['200 days: the manager', { daysOverdue: 200, doneLevel: 3 }, 4],
    ['all levels done', { daysOverdue: 400, doneLevel: 4 }, 'last_level'],
    ['paid', { owed: 0 }, 'paid'],
    ['only disputed bills owed', { owed: 0, disputedOwed: 9_000 }, 'disputed'],
    ['below the minimum', { owed: 4_999 }, 'below_minimum'],
    ['at the minimum', { owed: 5_000 }, 1],
    ['a promise pending', { openPromise: true, daysOverdue: 50, doneLevel: 1 }, 'promised'],
    ['a broken promise: next level early', { brokenPromise: true, daysOverdue: 20, doneLevel: 1 }, 2],
    [
      'a broken promise after the last level',
      { brokenPromise: true, daysOverdue: 200, doneLevel: 4 },
      'last_level',
    ],
  ])('%s', (_name, patch, expected) => {
    const choice = chooseLevel({ ...base, ...patch });
    if (typeof expected === 'number') {
      expect(choice).toMatchObject({ action: 'attempt', level: { level: expected } });
    } else expect(choice).toEqual({ action: 'none', reason: expected });
  });

  it('marks an early level as escalated', () => {
    expect(chooseLevel({ ...base, brokenPromise: true, doneLevel: 1 })).toMatchObject({ escalated: true });
    expect(chooseLevel({ ...base, daysOverdue: 50, doneLevel: 1 })).toMatchObject({ escalated: false });
  });

  it('never repeats a level and never chases a paid unit', () => {
    fc.assert(
      fc.property(
        fc.record({
          owed: fc.integer({ min: -100, max: 1e6 }),
          disputedOwed: fc.integer({ min: 0, max: 1e6 }),
          daysOverdue: fc.integer({ min: 0, max: 1000 }),
          doneLevel: fc.integer({ min: 0, max: 4 }),
          openPromise: fc.boolean(),
          brokenPromise: fc.boolean(),
        }),
        (patch) => {
          const c = chooseLevel({ ...base, ...patch });
          if (c.action === 'attempt') {
            expect(c.level.level).toBeGreaterThan(patch.doneLevel);
            expect(patch.owed).toBeGreaterThanOrEqual(base.minAmount);
            expect(patch.openPromise).toBe(false);
          }
        },
      ),
    );
  });
});

describe('promises', () => {
  it.each([
    [{ promisedAmount: 10_000, paidAtPromise: 0 }, 10_000, 5_000, true],
    [{ promisedAmount: 10_000, paidAtPromise: 0 }, 9_999, 5_000, false],
    [{ promisedAmount: 10_000, paidAtPromise: 20_000 }, 25_000, 5_000, false],
    [{ promisedAmount: 10_000, paidAtPromise: 0 }, 0, 0, true],
    [{ promisedAmount: null, paidAtPromise: 0 }, 1, 5_000, true],
  ])('%j paid %i owing %i → kept %s', (p, paid, owed, kept) => {
    expect(promiseKept(p, paid, owed)).toBe(kept);
  });
});
