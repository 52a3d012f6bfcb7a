import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  CALENDAR_24X7,
  DEFAULT_OFFICE_CALENDAR,
  isWorkingTime,
  NoWorkingTimeError,
  nextWorkingStart,
  standardDayMinutes,
  type WorkPeriod,
} from './business-calendar';

/** Shanghai wall time → Date. */
const sh = (local: string) => new Date(`${local}:00+08:00`);
const iso = (d: Date) => d.toISOString();

const OFFICE = DEFAULT_OFFICE_CALENDAR; // Mon–Fri 08:30–12:00, 13:30–17:30 = 450 min/day

/** 2025 National Day: Oct 1–8 off; Sunday Sep 28 and Saturday Oct 11 are 调休 working days. */
const NATIONAL_DAY: BusinessCalendar = {
  ...OFFICE,
  holidays: [
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
  extraWorkdays: ['2025-09-28', '2025-10-11'],
};

const every = (periods: WorkPeriod[]) => [0, 1, 2, 3, 4, 5, 6].map(() => periods);

/** Night duty 20:00–08:00 every day; Tuesday 2025-09-23's shift is off. */
const NIGHT: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  weekdays: every([{ start: '20:00', end: '08:00' }]),
  holidays: ['2025-09-23'],
  extraWorkdays: [],
};

describe('addBusinessMinutes', () => {
  const cases: [string, BusinessCalendar, string, number, string][] = [
    ['inside a period', OFFICE, '2025-09-22T09:00', 60, '2025-09-22T10:00'],
    ['across the lunch break', OFFICE, '2025-09-22T11:30', 60, '2025-09-22T14:00'],
    ['ending exactly at the lunch break stays at 12:00', OFFICE, '2025-09-22T11:00', 60, '2025-09-22T12:00'],
    ['started during lunch waits for 13:30', OFFICE, '2025-09-22T12:30', 30, '2025-09-22T14:00'],
    ['zero minutes at 12:00 is the next start', OFFICE, '2025-09-22T12:00', 0, '2025-09-22T13:30'],
    ['zero minutes in working time is the start', OFFICE, '2025-09-22T10:15', 0, '2025-09-22T10:15'],
    ['overnight to the next morning', OFFICE, '2025-09-22T17:00', 60, '2025-09-23T09:00'],
    ['started at night', OFFICE, '2025-09-22T20:00', 10, '2025-09-23T08:40'],
    ['over a weekend', OFFICE, '2025-09-26T17:00', 60, '2025-09-29T09:00'],
    ['started on Saturday', OFFICE, '2025-09-27T10:00', 30, '2025-09-29T09:00'],
    ['4 working days (Q50)', OFFICE, '2025-09-22T10:00', 4 * 450, '2025-09-26T10:00'],
    ['调休 Sunday works', NATIONAL_DAY, '2025-09-26T17:00', 60, '2025-09-28T09:00'],
    ['started Saturday before a 调休 Sunday', NATIONAL_DAY, '2025-09-27T10:00', 30, '2025-09-28T09:00'],
    ['skips the holiday week', NATIONAL_DAY, '2025-09-30T17:00', 60, '2025-10-09T09:00'],
    ['调休 Saturday uses Monday hours', NATIONAL_DAY, '2025-10-11T08:30', 450, '2025-10-11T17:30'],
    [
      '4 working days across holidays and 调休',
      NATIONAL_DAY,
      '2025-09-30T10:00',
      4 * 450,
      '2025-10-13T10:00',
    ],
    ['started on a holiday', NATIONAL_DAY, '2025-10-03T15:00', 15, '2025-10-09T08:45'],
    ['24x7 is wall time', CALENDAR_24X7, '2025-10-01T03:00', 360, '2025-10-01T09:00'],
    ['night shift into the evening', NIGHT, '2025-09-22T07:00', 120, '2025-09-22T21:00'],
    [
      'night shift owned by Monday runs into the Tuesday holiday',
      NIGHT,
      '2025-09-22T23:00',
      600,
      '2025-09-24T21:00',
    ],
  ];
  it.each(cases)('%s', (_name, cal, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(cal, sh(start), minutes))).toBe(iso(sh(expected)));
  });

  it('keeps seconds of the start instant', () => {
    const start = new Date('2025-09-22T11:59:30+08:00');
    expect(iso(addBusinessMinutes(OFFICE, start, 1))).toBe(iso(new Date('2025-09-22T13:30:30+08:00')));
  });

  it('rejects negative or non-finite minutes and invalid dates', () => {
    expect(() => addBusinessMinutes(OFFICE, sh('2025-09-22T09:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(OFFICE, sh('2025-09-22T09:00'), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(OFFICE, new Date(Number.NaN), 5)).toThrow(RangeError);
  });

  it('does not iterate minute by minute (≈8 years of working time is fast)', () => {
    const t0 = performance.now();
    const deadline = addBusinessMinutes(NATIONAL_DAY, sh('2025-09-22T09:00'), 1_000_000);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(businessMinutesBetween(NATIONAL_DAY, sh('2025-09-22T09:00'), deadline)).toBe(1_000_000);
  });
});

describe('businessMinutesBetween', () => {
  const cases: [string, BusinessCalendar, string, string, number][] = [
    ['morning and a bit of afternoon', OFFICE, '2025-09-22T09:00', '2025-09-22T14:00', 210],
    ['over a weekend', OFFICE, '2025-09-26T17:00', '2025-09-29T09:00', 60],
    ['reversed is negative', OFFICE, '2025-09-29T09:00', '2025-09-26T17:00', -60],
    ['a whole holiday week', NATIONAL_DAY, '2025-09-30T12:00', '2025-10-09T08:30', 240],
    ['within lunch', OFFICE, '2025-09-22T12:05', '2025-09-22T13:25', 0],
    ['24x7 day', CALENDAR_24X7, '2025-10-01T00:00', '2025-10-02T00:00', 1440],
    ['night shift across midnight', NIGHT, '2025-09-22T19:00', '2025-09-23T09:00', 720],
  ];
  it.each(cases)('%s', (_name, cal, from, to, expected) => {
    expect(businessMinutesBetween(cal, sh(from), sh(to))).toBe(expected);
  });

  it('does not double count an overnight shift overlapping the next day', () => {
    const cal: BusinessCalendar = {
      timezone: 'Asia/Shanghai',
      weekdays: [[{ start: '22:00', end: '02:00' }], [{ start: '00:00', end: '06:00' }], [], [], [], [], []],
      holidays: [],
      extraWorkdays: [],
    };
    expect(businessMinutesBetween(cal, sh('2025-09-22T20:00'), sh('2025-09-23T08:00'))).toBe(480);
    expect(iso(addBusinessMinutes(cal, sh('2025-09-22T22:00'), 300))).toBe(iso(sh('2025-09-23T03:00')));
  });

  it('returns 0 on a calendar without working time instead of throwing', () => {
    const empty: BusinessCalendar = { ...OFFICE, weekdays: every([]) };
    expect(businessMinutesBetween(empty, sh('2025-09-22T00:00'), sh('2025-10-22T00:00'))).toBe(0);
  });
});

describe('isWorkingTime / nextWorkingStart', () => {
  const cases: [string, BusinessCalendar, string, boolean, string][] = [
    ['period start counts', OFFICE, '2025-09-22T08:30', true, '2025-09-22T08:30'],
    ['a minute before', OFFICE, '2025-09-22T08:29', false, '2025-09-22T08:30'],
    ['period end does not count', OFFICE, '2025-09-22T12:00', false, '2025-09-22T13:30'],
    ['last minute before lunch', OFFICE, '2025-09-22T11:59', true, '2025-09-22T11:59'],
    ['end of day', OFFICE, '2025-09-22T17:30', false, '2025-09-23T08:30'],
    ['Saturday', OFFICE, '2025-09-27T10:00', false, '2025-09-29T08:30'],
    ['调休 Saturday', NATIONAL_DAY, '2025-10-11T10:00', true, '2025-10-11T10:00'],
    ['holiday', NATIONAL_DAY, '2025-10-08T10:00', false, '2025-10-09T08:30'],
    ['overnight shift after midnight', NIGHT, '2025-09-23T03:00', true, '2025-09-23T03:00'],
    ['holiday evening of the night shift', NIGHT, '2025-09-23T21:00', false, '2025-09-24T20:00'],
    ['24x7', CALENDAR_24X7, '2025-10-01T03:17', true, '2025-10-01T03:17'],
  ];
  it.each(cases)('%s', (_name, cal, at, working, next) => {
    expect(isWorkingTime(cal, sh(at))).toBe(working);
    expect(iso(nextWorkingStart(cal, sh(at)))).toBe(iso(sh(next)));
  });
});

describe('calendar validation and guards', () => {
  it('throws a clear error for a calendar that never works', () => {
    const empty: BusinessCalendar = { ...OFFICE, weekdays: every([]) };
    expect(() => addBusinessMinutes(empty, sh('2025-09-22T09:00'), 10)).toThrow(NoWorkingTimeError);
    expect(() => nextWorkingStart(empty, sh('2025-09-22T09:00'))).toThrow(/no working time/);
  });

  it('throws when every working day ahead is a holiday for over 3 years', () => {
    const onlyMonday: BusinessCalendar = {
      ...OFFICE,
      weekdays: [[{ start: '09:00', end: '10:00' }], [], [], [], [], [], []],
    };
    const mondays: string[] = [];
    for (
      let t = sh('2025-09-22T12:00').getTime();
      t < sh('2029-12-31T12:00').getTime();
      t += 7 * 86_400_000
    ) {
      mondays.push(new Date(t).toISOString().slice(0, 10));
    }
    expect(() => addBusinessMinutes({ ...onlyMonday, holidays: mondays }, sh('2025-09-22T08:00'), 1)).toThrow(
      NoWorkingTimeError,
    );
  });

  it.each([
    ['25:00', '26:00'],
    ['9:00', '10:00'],
    ['09:00', '09:00'],
    ['24:00', '01:00'],
  ])('rejects period %s-%s', (start, end) => {
    const cal: BusinessCalendar = { ...OFFICE, weekdays: every([{ start, end }]) };
    expect(() => isWorkingTime(cal, sh('2025-09-22T09:00'))).toThrow(RangeError);
  });

  it('rejects bad dates and unknown zones', () => {
    expect(() => isWorkingTime({ ...OFFICE, holidays: ['2025/10/01'] }, sh('2025-09-22T09:00'))).toThrow(
      RangeError,
    );
    expect(() => isWorkingTime({ ...OFFICE, timezone: 'Mars/Olympus' }, sh('2025-09-22T09:00'))).toThrow(
      /unknown time zone/,
    );
  });

  it('allows 24:00 as a period end', () => {
    const cal: BusinessCalendar = { ...OFFICE, weekdays: every([{ start: '18:00', end: '24:00' }]) };
    expect(businessMinutesBetween(cal, sh('2025-09-22T00:00'), sh('2025-09-23T00:00'))).toBe(360);
  });

  it('knows the standard working day length', () => {
    expect(standardDayMinutes(OFFICE)).toBe(450);
    expect(standardDayMinutes(CALENDAR_24X7)).toBe(1440);
  });
});

describe('time zones other than Asia/Shanghai (Intl)', () => {
  const berlin: BusinessCalendar = {
    timezone: 'Europe/Berlin',
    weekdays: [0, 1, 2, 3, 4, 5, 6].map((d) => (d < 5 ? [{ start: '09:00', end: '17:00' }] : [])),
    holidays: [],
    extraWorkdays: [],
  };

  it('handles the spring-forward weekend', () => {
    // Fri 2025-03-28 16:00 CET (+01:00); clocks jump on Sunday the 30th; Monday is CEST (+02:00).
    const deadline = addBusinessMinutes(berlin, new Date('2025-03-28T16:00:00+01:00'), 120);
    expect(iso(deadline)).toBe(iso(new Date('2025-03-31T10:00:00+02:00')));
  });

  it('a 24-hour calendar day is 23 hours on the DST day', () => {
    const allDay: BusinessCalendar = { ...berlin, weekdays: every([{ start: '00:00', end: '24:00' }]) };
    const from = new Date('2025-03-30T00:00:00+01:00');
    const to = new Date('2025-03-31T00:00:00+02:00');
    expect(businessMinutesBetween(allDay, from, to)).toBe(23 * 60);
    expect(isWorkingTime(berlin, new Date('2025-10-27T08:30:00+01:00'))).toBe(false);
    expect(isWorkingTime(berlin, new Date('2025-10-27T09:00:00+01:00'))).toBe(true);
  });

  it('fall-back day: 25 hours, and a wall time just before the switch keeps summer time', () => {
    const allDay: BusinessCalendar = { ...berlin, weekdays: every([{ start: '00:00', end: '24:00' }]) };
    const from = new Date('2025-10-26T00:00:00+02:00');
    expect(businessMinutesBetween(allDay, from, new Date('2025-10-27T00:00:00+01:00'))).toBe(25 * 60);
    const sundayNight: BusinessCalendar = {
      ...berlin,
      weekdays: [[], [], [], [], [], [], [{ start: '01:30', end: '02:00' }]],
    };
    expect(iso(nextWorkingStart(sundayNight, new Date('2025-10-25T12:00:00Z')))).toBe(
      '2025-10-25T23:30:00.000Z',
    );
  });

  it('New York office hours', () => {
    const ny: BusinessCalendar = { ...berlin, timezone: 'America/New_York' };
    expect(iso(nextWorkingStart(ny, new Date('2025-11-01T12:00:00Z')))).toBe('2025-11-03T14:00:00.000Z');
  });

  it('the Intl path agrees with the fixed +08:00 path for modern Chinese dates', () => {
    const viaIntl: BusinessCalendar = { ...NATIONAL_DAY, timezone: 'Asia/Chongqing' };
    fc.assert(
      fc.property(
        fc.integer({ min: sh('2020-01-01T00:00').getTime(), max: sh('2030-01-01T00:00').getTime() }),
        fc.integer({ min: 0, max: 5000 }),
        (ms, minutes) => {
          const start = new Date(ms);
          expect(addBusinessMinutes(viaIntl, start, minutes).getTime()).toBe(
            addBusinessMinutes(NATIONAL_DAY, start, minutes).getTime(),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('properties', () => {
  const SATURDAY_HALF: BusinessCalendar = {
    ...NATIONAL_DAY,
    weekdays: OFFICE.weekdays.map((periods, d) => (d === 5 ? [{ start: '09:00', end: '12:00' }] : periods)),
  };
  const calendars = fc.constantFrom(OFFICE, NATIONAL_DAY, NIGHT, CALENDAR_24X7, SATURDAY_HALF);
  const MIN = sh('2025-01-01T00:00').getTime();
  const MAX = sh('2026-12-31T00:00').getTime();
  const instant = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms));
  const minuteInstant = fc.integer({ min: MIN / 60_000, max: MAX / 60_000 }).map((m) => new Date(m * 60_000));
  const minutes = fc.integer({ min: 0, max: 6000 });

  it('a later start never yields an earlier deadline', () => {
    fc.assert(
      fc.property(calendars, instant, instant, minutes, (cal, a, b, m) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(cal, late, m).getTime()).toBeGreaterThanOrEqual(
          addBusinessMinutes(cal, early, m).getTime(),
        );
      }),
    );
  });

  it('businessMinutesBetween(start, addBusinessMinutes(start, m)) == m', () => {
    fc.assert(
      fc.property(calendars, instant, minutes, (cal, start, m) => {
        expect(businessMinutesBetween(cal, start, addBusinessMinutes(cal, start, m))).toBe(m);
      }),
    );
  });

  it('adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(calendars, instant, minutes, minutes, (cal, start, a, b) => {
        const stepwise = addBusinessMinutes(cal, addBusinessMinutes(cal, start, a), b);
        expect(stepwise.getTime()).toBe(addBusinessMinutes(cal, start, a + b).getTime());
      }),
    );
  });

  it('between is additive over a split point', () => {
    fc.assert(
      fc.property(calendars, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(businessMinutesBetween(cal, a, b) + businessMinutesBetween(cal, b, c)).toBeCloseTo(
          businessMinutesBetween(cal, a, c),
          6,
        );
      }),
    );
  });

  it('nextWorkingStart is working time and nothing before it is', () => {
    fc.assert(
      fc.property(calendars, instant, (cal, at) => {
        const next = nextWorkingStart(cal, at);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(businessMinutesBetween(cal, at, next)).toBe(0);
      }),
    );
  });

  /** Independent minute-by-minute oracle for +08:00 calendars (test-only; the code walks periods). */
  function oracleWorking(cal: BusinessCalendar, ms: number): boolean {
    if (cal.always) return true;
    const local = ms + 8 * 3_600_000;
    const day = Math.floor(local / 86_400_000);
    const minuteOfDay = (local - day * 86_400_000) / 60_000;
    const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    const periodsOf = (d: number) => {
      const key = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (cal.holidays.includes(key)) return [];
      return (
        (cal.extraWorkdays.includes(key) ? cal.weekdays[0] : cal.weekdays[(((d + 3) % 7) + 7) % 7]) ?? []
      );
    };
    const today = periodsOf(day).some((p) => {
      const [s, e] = [toMin(p.start), toMin(p.end)];
      return e > s ? minuteOfDay >= s && minuteOfDay < e : minuteOfDay >= s;
    });
    const fromYesterday = periodsOf(day - 1).some((p) => {
      const [s, e] = [toMin(p.start), toMin(p.end)];
      return e < s && minuteOfDay < e;
    });
    return today || fromYesterday;
  }

  it('agrees with a minute-by-minute oracle', () => {
    fc.assert(
      fc.property(calendars, minuteInstant, fc.integer({ min: 1, max: 1500 }), (cal, start, m) => {
        let t = start.getTime();
        for (let left = m; left > 0; t += 60_000) if (oracleWorking(cal, t)) left--;
        expect(iso(addBusinessMinutes(cal, start, m))).toBe(iso(new Date(t)));
        expect(isWorkingTime(cal, start)).toBe(oracleWorking(cal, start.getTime()));
      }),
      { numRuns: 60 },
    );
  });
});
