import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContactRules, nextContactMoment } from './contact-time';

const Q07: ContactRules = {
  timezone: 'Asia/Shanghai',
  quiet: {
    dayStart: '08:00',
    dayEnd: '21:00',
    meals: [
      { start: '11:30', end: '13:30' },
      { start: '17:30', end: '19:00' },
    ],
  },
  // 2026-10-01..07 国庆; Sunday 2026-09-27 is a 调休 working day.
  holidays: [
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  extraWorkdays: ['2026-09-27'],
  weekends: true,
  windows: [],
};
/** Local Beijing time → the instant. */
const bj = (s: string) => new Date(`${s}:00+08:00`);

describe('next allowed contact moment (Q07)', () => {
  it.each([
    ['a weekday morning is fine', '2026-12-07T10:00', {}, '2026-12-07T10:00'],
    ['early morning waits for 08:00', '2026-12-07T06:30', {}, '2026-12-07T08:00'],
    ['lunch waits for 13:30', '2026-12-07T12:00', {}, '2026-12-07T13:30'],
    ['dinner waits for 19:00', '2026-12-07T17:45', {}, '2026-12-07T19:00'],
    ['after 21:00 waits for tomorrow 08:00', '2026-12-07T21:00', {}, '2026-12-08T08:00'],
    ['Saturday is allowed', '2026-12-05T10:00', {}, '2026-12-05T10:00'],
    ['no weekends: Saturday waits for Monday', '2026-12-05T10:00', { weekends: false }, '2026-12-07T08:00'],
    ['a holiday waits until it ends', '2026-09-30T21:30', {}, '2026-10-08T08:00'],
    [
      'no weekends: a 调休 Sunday is a working day',
      '2026-09-27T09:00',
      { weekends: false },
      '2026-09-27T09:00',
    ],
    [
      'a resident window: weekday evenings 19:30–20:30',
      '2026-12-07T10:00',
      { windows: [{ weekdays: [0, 1, 2, 3, 4], start: '19:30', end: '20:30' }] },
      '2026-12-07T19:30',
    ],
    [
      'a window inside dinner is cut to after dinner',
      '2026-12-07T17:00',
      { windows: [{ weekdays: [0], start: '18:00', end: '20:00' }] },
      '2026-12-07T19:00',
    ],
    [
      'a window only at night never meets Q07: Q07 alone applies',
      '2026-12-07T06:00',
      { windows: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], start: '22:00', end: '23:00' }] },
      '2026-12-07T08:00',
    ],
  ] as const)('%s', (_name, at, patch, expected) => {
    expect(nextContactMoment(bj(at), { ...Q07, ...patch }).toISOString()).toBe(bj(expected).toISOString());
  });

  it('never lands in quiet hours, and never moves backwards', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 365 }), (minutes) => {
        const at = new Date(Date.parse('2026-06-01T00:00:00+08:00') + minutes * 60_000);
        const next = nextContactMoment(at, Q07);
        expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
        const local = new Date(next.getTime() + 8 * 3_600_000);
        const m = local.getUTCHours() * 60 + local.getUTCMinutes();
        const quiet = m < 480 || m >= 1260 || (m >= 690 && m < 810) || (m >= 1050 && m < 1140);
        expect(quiet).toBe(false);
        expect(Q07.holidays).not.toContain(local.toISOString().slice(0, 10));
      }),
    );
  });
});
