import { describe, expect, it } from 'vitest';
import { fullDaysWithin, localDayOf, nextDay, rangesOf, startOfLocalDay } from './days';

const SH = 'Asia/Shanghai';

describe('local days', () => {
  it('starts a Shanghai day at 16:00 UTC the evening before', () => {
    expect(startOfLocalDay('2026-11-23', SH).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(localDayOf(new Date('2026-11-22T16:00:00Z'), SH)).toBe('2026-11-23');
    expect(localDayOf(new Date('2026-11-22T15:59:59Z'), SH)).toBe('2026-11-22');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('handles a DST zone', () => {
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('lists the days wholly inside a range, and turns days back into ranges', () => {
    const from = new Date('2026-11-01T00:00:00+08:00');
    expect(fullDaysWithin(from, new Date('2026-11-04T00:00:00+08:00'), SH)).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(
      fullDaysWithin(new Date('2026-11-01T09:00:00+08:00'), new Date('2026-11-03T12:00:00+08:00'), SH),
    ).toEqual(['2026-11-02']);
    expect(
      rangesOf(['2026-11-03', '2026-11-01', '2026-11-02', '2026-11-05'], SH).map(([a, b]) => [
        a.toISOString(),
        b.toISOString(),
      ]),
    ).toEqual([
      ['2026-10-31T16:00:00.000Z', '2026-11-03T16:00:00.000Z'],
      ['2026-11-04T16:00:00.000Z', '2026-11-05T16:00:00.000Z'],
    ]);
  });
});

describe('months of days', () => {
  it('splits a run of days into whole months and the rest', async () => {
    const { daysOfMonth, splitMonths } = await import('./days');
    expect(daysOfMonth('2026-02-01')).toHaveLength(28);
    const days = [...daysOfMonth('2026-01-01').slice(20), ...daysOfMonth('2026-02-01'), '2026-03-01'];
    const { months, rest } = splitMonths(days);
    expect(months).toEqual(['2026-02-01']);
    expect(rest).toEqual([...daysOfMonth('2026-01-01').slice(20), '2026-03-01']);
  });
});
