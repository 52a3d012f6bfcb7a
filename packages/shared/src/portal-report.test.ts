import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookableDays,
  bookWindow,
  DEFAULT_APPOINTMENT_WINDOWS,
  urgencyHint,
  wallClockInstant,
  windowsValid,
  zonedDay,
} from './portal-report';
import { zonedParts } from './zoned';

const SH = 'Asia/Shanghai';
const kitchen = { name: '水龙头漏水', pathNames: '户内/给排水/水龙头漏水', urgent: false };
const door = { name: '门锁损坏', pathNames: '户内/门窗/门锁损坏', urgent: false };
const lift = { name: '电梯故障', pathNames: '公共区域/电梯/电梯故障', urgent: true };

describe('urgencyHint', () => {
  it.each([
    ['卫生间天花板在漏水', null, { reason: 'keyword', keyword: '漏水' }],
    ['家里突然停电了', door, { reason: 'keyword', keyword: '停电' }],
    ['电梯困梯，有老人在里面', null, { reason: 'keyword', keyword: '困梯' }],
    ['门锁坏了打不开', door, null],
    ['水龙头坏了', kitchen, { reason: 'category', category: '水龙头漏水' }],
    ['电梯有异响', lift, { reason: 'category', category: '电梯故障' }],
    ['想咨询物业费', null, null],
  ] as const)('%s', (text, category, expected) => {
    expect(urgencyHint(text, category)).toEqual(expected);
  });

  it('uses the configured words only', () => {
    expect(urgencyHint('阳台漏水', null, ['化粪池'])).toBeNull();
    expect(urgencyHint('化粪池满溢', null, ['化粪池', ' '])).toEqual({
      reason: 'keyword',
      keyword: '化粪池',
    });
  });

  it('finds any configured word wherever it stands in the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const hint = urgencyHint(`${before}困梯${after}`, null);
        expect(hint?.reason).toBe('keyword');
      }),
    );
  });
});

describe('appointment windows', () => {
  const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
  const book = (date: string, window: string, now = MONDAY_10, timeZone = SH) =>
    bookWindow({ date, window, windows: DEFAULT_APPOINTMENT_WINDOWS, timeZone, now, daysAhead: 7 });

  it('turns a day and a window into instants on the estate clock', () => {
    expect(book('2026-03-02', 'afternoon')).toMatchObject({
      from: new Date('2026-03-02T14:00:00+08:00'),
      to: new Date('2026-03-02T18:00:00+08:00'),
    });
    expect(book('2026-03-03', 'morning', MONDAY_10, 'Europe/Berlin')).toMatchObject({
      from: new Date('2026-03-03T09:00:00+01:00'),
    });
  });

  it.each([
    ['2026-03-02', 'morning', null], // begun, not over: "come this morning"
    ['2026-03-01', 'evening', 'window_past'],
    ['2026-03-08', 'evening', null],
    ['2026-03-09', 'morning', 'too_far'],
    ['2026-03-02', 'night', 'unknown_window'],
    ['2026-3-2', 'morning', 'unknown_window'],
  ] as const)('%s %s → %s', (date, window, refusal) => {
    const r = book(date, window);
    expect('refusal' in r ? r.refusal : null).toBe(refusal);
  });

  it('refuses a window that has ended today', () => {
    const noon = new Date('2026-03-02T12:00:00+08:00');
    expect(book('2026-03-02', 'morning', noon)).toEqual({ refusal: 'window_past' });
  });

  it('a wall-clock time read back in its zone is the same wall-clock time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(SH, 'UTC', 'Asia/Urumqi', 'Asia/Tokyo'),
        (day, hour, zone) => {
          const date = day.toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, '0')}:30`;
          const p = zonedParts(wallClockInstant(date, time, zone), zone);
          expect([zonedDay(wallClockInstant(date, time, zone), zone), p.hour, p.minute]).toEqual([
            date,
            hour,
            30,
          ]);
        },
      ),
    );
  });

  it('offers today and the following days', () => {
    expect(bookableDays(new Date('2026-03-02T23:30:00+08:00'), SH, 3)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
  });

  it('checks configured windows', () => {
    expect(windowsValid(DEFAULT_APPOINTMENT_WINDOWS)).toBe(true);
    expect(windowsValid([{ key: 'a', label: 'x', from: '12:00', to: '09:00' }])).toBe(false);
    expect(
      windowsValid([
        { key: 'a', label: 'x', from: '09:00', to: '10:00' },
        { key: 'a', label: 'y', from: '10:00', to: '11:00' },
      ]),
    ).toBe(false);
  });
});
