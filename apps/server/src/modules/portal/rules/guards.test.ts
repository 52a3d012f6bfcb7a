import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intakeRefusal, type RecentReport, reopenRefusal, urgeWaitSeconds } from './guards';

const now = new Date('2026-03-02T10:00:00+08:00');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const limits = { maxPerDay: 3, duplicateHours: 24 };
const r = (description: string, h: number, unitId = 1): RecentReport => ({
  description,
  unitId,
  createdAt: hoursAgo(h),
});

describe('portal abuse guard', () => {
  it.each<[string, RecentReport[], string, number, string | null]>([
    ['first report', [], '水龙头漏水', 1, null],
    ['identical within 24 h', [r('水龙头漏水', 2)], '水龙头漏水', 1, 'duplicate'],
    ['identical up to whitespace and case', [r('Tap  leaks', 2)], ' tap leaks ', 1, 'duplicate'],
    ['identical but another unit', [r('水龙头漏水', 2)], '水龙头漏水', 2, null],
    ['identical but 25 h ago', [r('水龙头漏水', 25)], '水龙头漏水', 1, null],
    ['third in a day is fine', [r('a', 1), r('b', 2)], 'c', 1, null],
    ['fourth in a day is refused', [r('a', 1), r('b', 2), r('c', 3)], 'd', 1, 'daily_limit'],
    ['older ones do not count', [r('a', 1), r('b', 2), r('c', 30)], 'd', 1, null],
  ])('%s', (_name, recent, description, unitId, want) => {
    expect(intakeRefusal(recent, { description, unitId }, now, limits)).toBe(want);
  });

  it('never refuses when nothing was reported in the last day', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 25, max: 500 }), { maxLength: 20 }),
        fc.string({ minLength: 1 }),
        (ages, text) => {
          expect(
            intakeRefusal(
              ages.map((h) => r(text, h)),
              { description: text, unitId: 1 },
              now,
              limits,
            ),
          ).toBeNull();
        },
      ),
    );
  });

  it.each([
    [null, 0],
    [hoursAgo(1), 0],
    [new Date(now.getTime() - 10 * 60_000), 20 * 60],
    [now, 30 * 60],
  ])('urge after %s waits %i s', (last, wait) => {
    expect(urgeWaitSeconds(last, now, 30)).toBe(wait);
  });

  it.each([
    [{ status: '处理中', resolvedAt: null, closedAt: null }, 'only a finished'],
    [{ status: '待回访', resolvedAt: hoursAgo(24), closedAt: null }, null],
    [{ status: '已关闭', resolvedAt: hoursAgo(24 * 6), closedAt: hoursAgo(24 * 5) }, null],
    [{ status: '已关闭', resolvedAt: hoursAgo(24 * 8), closedAt: hoursAgo(24) }, 'within 7 days'],
    [{ status: '已取消', resolvedAt: null, closedAt: null }, 'only a finished'],
  ])('reopen %o → %s', (t, want) => {
    const got = reopenRefusal(t, now, 7);
    if (want === null) expect(got).toBeNull();
    else expect(got).toContain(want);
  });
});
