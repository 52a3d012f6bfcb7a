import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zonedParts } from '../../../platform/clock/zoned';
import { inQuietWindow, quietHoursRelease } from './quiet-hours';

const Q07 = { start: '21:00', end: '08:00' };
const TZ = 'Asia/Shanghai';
const local = (iso: string) => new Date(`${iso}+08:00`);

describe('quiet hours (Q07)', () => {
  it.each([
    ['2026-03-02T20:59:00', false, null],
    ['2026-03-02T21:00:00', false, '2026-03-03T08:00:00'],
    ['2026-03-02T23:30:00', false, '2026-03-03T08:00:00'],
    ['2026-03-03T00:00:00', false, '2026-03-03T08:00:00'],
    ['2026-03-03T07:59:00', false, '2026-03-03T08:00:00'],
    ['2026-03-03T08:00:00', false, null],
    ['2026-03-03T12:00:00', false, null],
    ['2026-03-02T23:30:00', true, null],
    ['2026-03-03T03:00:00', true, null],
  ])('at %s urgent=%s → release %s', (at, urgent, release) => {
    const got = quietHoursRelease(local(at), TZ, Q07, urgent);
    expect(got?.toISOString() ?? null).toBe(release ? local(release).toISOString() : null);
  });

  it.each([
    [{ start: '12:00', end: '13:30' }, 12 * 60, true],
    [{ start: '12:00', end: '13:30' }, 13 * 60 + 30, false],
    [{ start: '12:00', end: '13:30' }, 11 * 60 + 59, false],
    [{ start: '08:00', end: '08:00' }, 8 * 60, false],
    [Q07, 0, true],
    [Q07, 21 * 60, true],
    [Q07, 8 * 60, false],
  ])('window %o at minute %i quiet=%s', (window, minute, quiet) => {
    expect(inQuietWindow(minute, window)).toBe(quiet);
  });

  const hhmm = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const instant = fc.date({ min: new Date('2024-01-01'), max: new Date('2030-01-01'), noInvalidDate: true });

  it('a release is in the future, at the window end, and outside the window; urgent never waits', () => {
    fc.assert(
      fc.property(instant, hhmm, hhmm, (now, start, end) => {
        const window = { start, end };
        expect(quietHoursRelease(now, TZ, window, true)).toBeNull();
        const release = quietHoursRelease(now, TZ, window, false);
        const p = zonedParts(now, TZ);
        const quiet = inQuietWindow(p.hour * 60 + p.minute, window);
        expect(release !== null).toBe(quiet);
        if (!release) return;
        expect(release.getTime()).toBeGreaterThan(now.getTime());
        expect(release.getTime() - now.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
        const r = zonedParts(release, TZ);
        expect(`${String(r.hour).padStart(2, '0')}:${String(r.minute).padStart(2, '0')}`).toBe(end);
        expect(inQuietWindow(r.hour * 60 + r.minute, window)).toBe(false);
      }),
    );
  });
});
