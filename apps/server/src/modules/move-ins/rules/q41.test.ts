import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLongFix, moveInMove, progressDue, replyDue } from './q41';

const weekday = (d: Date) => d.getUTCDay();
const DAY = 86_400_000;

describe('Q41 reply deadline', () => {
  it.each([
    ['Monday', '2026-12-07T08:00:00Z', 1, '2026-12-08T08:00:00Z'],
    ['Friday', '2026-12-11T08:00:00Z', 1, '2026-12-14T08:00:00Z'],
    ['Saturday', '2026-12-12T08:00:00Z', 1, '2026-12-14T08:00:00Z'],
    ['Thursday, two days', '2026-12-10T08:00:00Z', 2, '2026-12-14T08:00:00Z'],
    ['zero days', '2026-12-10T08:00:00Z', 0, '2026-12-10T08:00:00Z'],
  ])('fixed %s → due %s', (_n, fixed, days, due) => {
    expect(replyDue(new Date(fixed), days, weekday).toISOString()).toBe(new Date(due).toISOString());
  });
  it('never falls on a weekend and is never more than n + 2 days per week later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 10 }), (d, n) => {
        const fixed = new Date(Date.UTC(2020, 0, 1) + d * DAY);
        const due = replyDue(fixed, n, weekday);
        const span = (due.getTime() - fixed.getTime()) / DAY;
        return ![0, 6].includes(due.getUTCDay()) && span >= n && span <= n + 2 * Math.ceil(n / 5) + 2;
      }),
    );
  });
});

describe('Q41 weekly progress', () => {
  const created = new Date('2026-12-07T00:00:00Z');
  it.each([
    [{ long: true, fixed: false, lastProgressAt: null }, 7, true],
    [{ long: true, fixed: false, lastProgressAt: null }, 6.9, false],
    [{ long: false, fixed: false, lastProgressAt: null }, 30, false],
    [{ long: true, fixed: true, lastProgressAt: null }, 30, false],
    [{ long: true, fixed: false, lastProgressAt: new Date(created.getTime() + 7 * DAY) }, 13, false],
    [{ long: true, fixed: false, lastProgressAt: new Date(created.getTime() + 7 * DAY) }, 14, true],
  ])('%o after %s days → %s', (d, days, due) => {
    expect(progressDue({ ...d, createdAt: created }, new Date(created.getTime() + days * DAY), 7)).toBe(due);
  });
  it.each([
    [7, 7, false],
    [8, 7, true],
  ])('a %i-day fix with threshold %i is long: %s', (f, t, long) => {
    expect(isLongFix(f, t)).toBe(long);
  });
});

describe('move-in case', () => {
  it.each([
    ['open', 'complete', ['documents', 'agreements', 'meters', 'inspection', 'keys'], 'completed'],
    ['open', 'complete', ['documents'], 'steps_missing'],
    ['open', 'cancel', [], 'cancelled'],
    ['completed', 'cancel', [], 'wrong_state'],
  ] as const)('%s + %s → %s', (state, move, steps, expected) => {
    const r = moveInMove(state, move, [...steps]);
    expect(r.ok ? r.to : r.reason).toBe(expected);
  });
});
