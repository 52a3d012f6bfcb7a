import type { Frequency } from '@guanjia/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsClamped, isoWeekday } from './dates';
import { generateOccurrences, nextAfterCompletion } from './schedule';

const days = (freq: Frequency, start: string, from: string, to: string, extra = {}) =>
  generateOccurrences({ freq, basis: 'due', start, from, to, ...extra }).map((o) => o.dueDate);

describe('due-based schedules, every frequency kind', () => {
  it.each<[string, Frequency, string, string, string, string[]]>([
    [
      'daily',
      { kind: 'daily' },
      '2026-12-01',
      '2026-12-01',
      '2026-12-04',
      ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'],
    ],
    [
      'daily from a later window',
      { kind: 'daily' },
      '2026-11-01',
      '2026-12-30',
      '2027-01-01',
      ['2026-12-30', '2026-12-31', '2027-01-01'],
    ],
    [
      'weekly keeps the start weekday',
      { kind: 'weekly' },
      '2026-12-02',
      '2026-12-01',
      '2026-12-20',
      ['2026-12-02', '2026-12-09', '2026-12-16'],
    ],
    [
      'every 2 weeks',
      { kind: 'weekly', n: 2 },
      '2026-12-02',
      '2026-12-01',
      '2026-12-31',
      ['2026-12-02', '2026-12-16', '2026-12-30'],
    ],
    [
      'every 15 days (电梯维保)',
      { kind: 'everyNDays', n: 15 },
      '2026-12-01',
      '2026-12-01',
      '2027-01-01',
      ['2026-12-01', '2026-12-16', '2026-12-31'],
    ],
    [
      'given weekdays (Mon, Thu)',
      { kind: 'weekdays', weekdays: [1, 4] },
      '2026-12-01',
      '2026-12-01',
      '2026-12-10',
      ['2026-12-03', '2026-12-07', '2026-12-10'],
    ],
    [
      'monthly',
      { kind: 'monthly' },
      '2026-10-15',
      '2026-10-01',
      '2027-01-31',
      ['2026-10-15', '2026-11-15', '2026-12-15', '2027-01-15'],
    ],
    [
      'monthly from the 31st clamps to month ends',
      { kind: 'monthly' },
      '2027-01-31',
      '2027-01-01',
      '2027-05-31',
      ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31'],
    ],
    [
      'monthly from the 31st in a leap year',
      { kind: 'monthly' },
      '2028-01-31',
      '2028-01-01',
      '2028-03-31',
      ['2028-01-31', '2028-02-29', '2028-03-31'],
    ],
    [
      'every 2 months (强弱电井)',
      { kind: 'monthly', n: 2 },
      '2026-12-10',
      '2026-12-01',
      '2027-06-30',
      ['2026-12-10', '2027-02-10', '2027-04-10', '2027-06-10'],
    ],
    [
      'quarterly',
      { kind: 'quarterly' },
      '2026-11-30',
      '2026-11-01',
      '2027-08-31',
      ['2026-11-30', '2027-02-28', '2027-05-30', '2027-08-30'],
    ],
    [
      'half-yearly',
      { kind: 'halfYearly' },
      '2026-08-31',
      '2026-08-01',
      '2027-09-01',
      ['2026-08-31', '2027-02-28', '2027-08-31'],
    ],
    [
      'yearly from 29 Feb',
      { kind: 'yearly' },
      '2028-02-29',
      '2028-01-01',
      '2032-12-31',
      ['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29'],
    ],
    [
      'nothing before the start',
      { kind: 'daily' },
      '2026-12-10',
      '2026-12-01',
      '2026-12-11',
      ['2026-12-10', '2026-12-11'],
    ],
  ])('%s', (_name, freq, start, from, to, expected) => {
    expect(days(freq, start, from, to)).toEqual(expected);
  });

  it('several rounds a day give one occurrence per slot (电梯运行 3×/day)', () => {
    const out = generateOccurrences({
      freq: { kind: 'daily', timesPerDay: 3 },
      basis: 'due',
      start: '2026-12-01',
      from: '2026-12-01',
      to: '2026-12-02',
    });
    expect(out.map((o) => `${o.dueDate}#${o.slot}`)).toEqual([
      '2026-12-01#1',
      '2026-12-01#2',
      '2026-12-01#3',
      '2026-12-02#1',
      '2026-12-02#2',
      '2026-12-02#3',
    ]);
  });

  it('each occurrence expires on the next one’s day', () => {
    const out = generateOccurrences({
      freq: { kind: 'weekly' },
      basis: 'due',
      start: '2026-12-02',
      from: '2026-12-01',
      to: '2026-12-10',
    });
    expect(out.map((o) => [o.dueDate, o.expiresDate])).toEqual([
      ['2026-12-02', '2026-12-09'],
      ['2026-12-09', '2026-12-16'],
    ]);
  });
});

describe('holidays', () => {
  const holidays = new Set(['2027-01-01', '2027-02-17']);
  it('daily safety checks ignore holidays (they run on New Year’s Day too)', () => {
    expect(
      days({ kind: 'daily' }, '2026-12-30', '2026-12-31', '2027-01-02', { holidays, skipHolidays: false }),
    ).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
  });
  it('a plan that skips holidays drops those days', () => {
    expect(
      days({ kind: 'daily' }, '2026-12-30', '2026-12-31', '2027-01-02', { holidays, skipHolidays: true }),
    ).toEqual(['2026-12-31', '2027-01-02']);
  });
});

describe('completion-based schedules', () => {
  const base = {
    freq: { kind: 'everyNDays', n: 15 } as Frequency,
    basis: 'completion' as const,
    start: '2026-12-01',
  };
  it('first task is due on the start day', () => {
    expect(
      generateOccurrences({ ...base, from: '2026-12-01', to: '2026-12-31' }).map((o) => o.dueDate),
    ).toEqual(['2026-12-01']);
  });
  it('the next is due one interval after the last completion, not after the last due day', () => {
    // Due on 1 Dec, done late on 5 Dec: the next 电梯维保 is 20 Dec (≥ 15 days apart), not 16 Dec.
    const out = generateOccurrences({
      ...base,
      from: '2026-12-06',
      to: '2027-01-05',
      lastCompleted: '2026-12-05',
    });
    expect(out.map((o) => [o.dueDate, o.expiresDate])).toEqual([['2026-12-20', '2027-01-04']]);
  });
  it('nothing new while a task is open', () => {
    expect(generateOccurrences({ ...base, from: '2026-12-06', to: '2027-01-05', hasOpen: true })).toEqual([]);
  });
  it('a completion long ago makes the next one due today', () => {
    const out = generateOccurrences({
      ...base,
      from: '2026-12-06',
      to: '2027-01-05',
      lastCompleted: '2026-10-01',
    });
    expect(out[0]?.dueDate).toBe('2026-12-06');
  });
  it('due-based ignores completions: the calendar rules', () => {
    const out = generateOccurrences({
      ...base,
      basis: 'due',
      from: '2026-12-06',
      to: '2026-12-31',
      lastCompleted: '2026-12-05',
    });
    expect(out.map((o) => o.dueDate)).toEqual(['2026-12-16', '2026-12-31']);
  });
  it('monthly after completion on the 31st lands on the month end', () => {
    expect(nextAfterCompletion({ kind: 'monthly' }, '2027-01-31')).toBe('2027-02-28');
  });
});

describe('properties', () => {
  const day = fc
    .date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  it('occurrences are inside the window, ordered, and fall on the wanted weekdays', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 60 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
        (start, span, weekdays) => {
          const to =
            addMonthsClamped(start, 0) <= start
              ? new Date(Date.parse(`${start}T00:00:00Z`) + span * 86_400_000).toISOString().slice(0, 10)
              : start;
          const out = days({ kind: 'weekdays', weekdays }, start, start, to);
          for (const d of out) {
            expect(d >= start && d <= to).toBe(true);
            expect(weekdays).toContain(isoWeekday(d));
          }
          expect([...out].sort()).toEqual(out);
        },
      ),
    );
  });
  it('monthly occurrences never skip a month and never repeat one', () => {
    fc.assert(
      fc.property(day, (start) => {
        const out = days({ kind: 'monthly' }, start, start, addMonthsClamped(start, 23));
        expect(out).toHaveLength(24);
        expect(new Set(out.map((d) => d.slice(0, 7))).size).toBe(24);
      }),
    );
  });
});
