import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zonedParts } from '../../clock/zoned';
import { cronMatches, parseCron, retryDelayMs } from './cron';

const at = (iso: string) => zonedParts(new Date(iso));

describe('cron', () => {
  it.each([
    ['10 3 * * *', '2026-11-22T03:10:00+08:00', true],
    ['10 3 * * *', '2026-11-22T03:11:00+08:00', false],
    // Asia/Shanghai: 03:10 local is 19:10 UTC the day before.
    ['10 3 * * *', '2026-11-21T19:10:00Z', true],
    ['*/15 * * * *', '2026-11-22T10:45:00+08:00', true],
    ['*/15 * * * *', '2026-11-22T10:50:00+08:00', false],
    ['0 9 * * 1-5', '2026-11-23T09:00:00+08:00', true], // Monday
    ['0 9 * * 1-5', '2026-11-22T09:00:00+08:00', false], // Sunday
    ['0 9 * * 7', '2026-11-22T09:00:00+08:00', true], // 7 = Sunday
    ['0 8 1 * *', '2026-12-01T08:00:00+08:00', true],
    // Both day fields restricted: either may match (standard cron).
    ['0 8 1 * 1', '2026-11-23T08:00:00+08:00', true],
    ['0,30 8-9 * * *', '2026-11-22T09:30:00+08:00', true],
    ['5-20/5 * * * *', '2026-11-22T09:15:00+08:00', true],
    ['5-20/5 * * * *', '2026-11-22T09:25:00+08:00', false],
  ])('%s at %s → %s', (expr, iso, expected) => expect(cronMatches(parseCron(expr), at(iso))).toBe(expected));

  it.each(['* * * *', '61 * * * *', '* 24 * * *', 'a * * * *', '*/0 * * * *', '5-1 * * * *'])(
    'rejects %j',
    (expr) => {
      expect(() => parseCron(expr)).toThrow();
    },
  );

  it('"* * * * *" matches every minute', () => {
    const spec = parseCron('* * * * *');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (d) => cronMatches(spec, zonedParts(d)),
      ),
    );
  });

  it('retry delays grow and are capped at an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        (n) => retryDelayMs(n + 1) >= retryDelayMs(n) && retryDelayMs(n) <= 3_600_000,
      ),
    );
  });
});
