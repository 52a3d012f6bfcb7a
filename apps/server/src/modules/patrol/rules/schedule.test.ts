import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, patrolStarts } from './schedule';
import { closesAt, pointWindow } from './windows';

const TZ = 'Asia/Shanghai';
const local = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, dateStyle: 'short', timeStyle: 'short' }).format(d);
const at = (s: string) => new Date(`${s}+08:00`);

describe('patrol starts from a schedule', () => {
  it.each([
    [
      '安管 night patrol every 2 hours 20:00–06:00',
      { from: '20:00', to: '06:00', everyMinutes: 120, weekdays: [] },
      ['2026-12-06 20:00', '2026-12-06 22:00', '2026-12-07 00:00', '2026-12-07 02:00', '2026-12-07 04:00'],
    ],
    [
      'daily engineering round at 09:00',
      { from: '09:00', to: '09:30', everyMinutes: 1440, weekdays: [] },
      ['2026-12-06 09:00'],
    ],
    [
      'every 3 hours round the clock',
      { from: '00:00', to: '00:00', everyMinutes: 180, weekdays: [] },
      [
        '2026-12-06 06:00',
        '2026-12-06 09:00',
        '2026-12-06 12:00',
        '2026-12-06 15:00',
        '2026-12-06 18:00',
        '2026-12-06 21:00',
        '2026-12-07 00:00',
        '2026-12-07 03:00',
      ],
    ],
    // 2026-12-06 is a Sunday (0): a Monday-only round has no start that day.
    ['Mondays only', { from: '09:00', to: '10:00', everyMinutes: 60, weekdays: [1] }, []],
    ['Sundays only', { from: '09:00', to: '10:00', everyMinutes: 60, weekdays: [0] }, ['2026-12-06 09:00']],
  ])('%s', (_what, schedule, expected) => {
    // One day from 06:00: the night before ended at 06:00, so none of its starts is in range.
    const starts = patrolStarts(schedule, at('2026-12-06T06:00'), at('2026-12-07T06:00'), TZ);
    expect(starts.map(local)).toEqual(expected);
  });

  it('includes the tail of the night that began the day before', () => {
    const s = { from: '20:00', to: '06:00', everyMinutes: 120, weekdays: [] };
    expect(patrolStarts(s, at('2026-12-07T01:00'), at('2026-12-07T05:00'), TZ).map(local)).toEqual([
      '2026-12-07 02:00',
      '2026-12-07 04:00',
    ]);
  });

  it('months and leap years roll over', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('every start is inside the range, ascending and apart by at least the interval', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 15, max: 1440 }),
        fc.integer({ min: 1, max: 72 }),
        (fromH, toH, every, hours) => {
          const s = {
            from: `${String(fromH).padStart(2, '0')}:00`,
            to: `${String(toH).padStart(2, '0')}:00`,
            everyMinutes: every,
            weekdays: [],
          };
          const from = at('2026-12-06T10:00');
          const to = new Date(from.getTime() + hours * 3_600_000);
          const starts = patrolStarts(s, from, to, TZ);
          for (const [i, d] of starts.entries()) {
            expect(d >= from && d < to).toBe(true);
            if (i > 0) expect(d.getTime()).toBeGreaterThan(starts[i - 1]!.getTime());
          }
        },
      ),
    );
  });
});

describe('point windows', () => {
  const start = at('2026-12-06T22:00');
  it.each([
    [
      '10 minutes after the start ± 5',
      { offsetMinutes: 10, clockFrom: null, clockTo: null },
      '22:05',
      '22:15',
    ],
    ['at the start ± 5', { offsetMinutes: 0, clockFrom: null, clockTo: null }, '21:55', '22:05'],
    [
      'clock window the same evening',
      { offsetMinutes: null, clockFrom: '22:30', clockTo: '23:00' },
      '22:30',
      '23:00',
    ],
    [
      'clock window after midnight',
      { offsetMinutes: null, clockFrom: '01:00', clockTo: '01:30' },
      '01:00',
      '01:30',
    ],
    [
      'clock window across midnight',
      { offsetMinutes: null, clockFrom: '23:50', clockTo: '00:20' },
      '23:50',
      '00:20',
    ],
  ])('%s', (_what, point, from, to) => {
    const w = pointWindow(point, start, 5, TZ);
    expect(local(w.from).slice(11)).toBe(from);
    expect(local(w.to).slice(11)).toBe(to);
    expect(w.to > w.from).toBe(true);
  });

  it('a patrol closes the grace period after its last window', () => {
    const w = [
      { from: at('2026-12-06T22:00'), to: at('2026-12-06T22:10') },
      { from: at('2026-12-06T22:30'), to: at('2026-12-06T22:40') },
    ];
    expect(local(closesAt(w, start, 30))).toBe('2026-12-06 23:10');
  });
});
