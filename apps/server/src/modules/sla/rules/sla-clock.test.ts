import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BusinessCalendar,
  businessMinutesBetween,
  CALENDAR_24X7,
  DEFAULT_OFFICE_CALENDAR,
} from './business-calendar';
import { computeSlaClock, type PauseInterval } from './sla-clock';

const sh = (local: string) => new Date(`${local}:00+08:00`);
const iso = (d: Date) => d.toISOString();
const OFFICE = DEFAULT_OFFICE_CALENDAR; // Mon–Fri 08:30–12:00, 13:30–17:30
const pause = (from: string, to?: string): PauseInterval => ({ from: sh(from), to: to ? sh(to) : null });

describe('computeSlaClock', () => {
  it('runs on wall time for a 24x7 arrival clock, with default warnings', () => {
    const r = computeSlaClock({
      targetMinutes: 15,
      calendar: CALENDAR_24X7,
      startedAt: sh('2025-09-22T02:00'),
      now: sh('2025-09-22T02:05'),
    });
    expect(iso(r.deadline)).toBe(iso(sh('2025-09-22T02:15')));
    expect(r).toMatchObject({
      state: 'running',
      breached: false,
      elapsedBusinessMinutes: 5,
      remainingBusinessMinutes: 10,
    });
    // 5 min before (02:10) and 75% of 15 min (02:11:15)
    expect(r.warnAt.map(iso)).toEqual([iso(sh('2025-09-22T02:10')), '2025-09-21T18:11:15.000Z']);
  });

  it('business-time warnings skip the lunch break', () => {
    const r = computeSlaClock({
      targetMinutes: 60,
      calendar: OFFICE,
      startedAt: sh('2025-09-22T11:30'),
      now: sh('2025-09-22T11:40'),
    });
    expect(iso(r.deadline)).toBe(iso(sh('2025-09-22T14:00')));
    expect(r.warnAt.map(iso)).toEqual([iso(sh('2025-09-22T13:45')), iso(sh('2025-09-22T13:55'))]);
  });

  const cases: [
    string,
    { target: number; start: string; now: string; pauses?: PauseInterval[]; stop?: string },
    { deadline: string; state: string; paused: number; elapsed: number },
  ][] = [
    [
      'a closed pause extends the deadline',
      {
        target: 120,
        start: '2025-09-22T09:00',
        now: '2025-09-22T10:30',
        pauses: [pause('2025-09-22T09:30', '2025-09-22T10:00')],
      },
      { deadline: '2025-09-22T11:30', state: 'running', paused: 30, elapsed: 60 },
    ],
    [
      'a pause spanning days extends by its business minutes only',
      {
        target: 450,
        start: '2025-09-22T16:00',
        now: '2025-09-24T10:30',
        pauses: [pause('2025-09-22T17:00', '2025-09-24T10:00')],
      },
      { deadline: '2025-09-25T09:00', state: 'running', paused: 570, elapsed: 90 },
    ],
    [
      'an open pause projects the deadline from now',
      {
        target: 120,
        start: '2025-09-22T09:00',
        now: '2025-09-22T14:00',
        pauses: [pause('2025-09-22T10:00')],
      },
      { deadline: '2025-09-22T15:00', state: 'paused', paused: 150, elapsed: 60 },
    ],
    [
      'stopped before the deadline is met',
      { target: 60, start: '2025-09-22T09:00', now: '2025-09-23T09:00', stop: '2025-09-22T09:59' },
      { deadline: '2025-09-22T10:00', state: 'met', paused: 0, elapsed: 59 },
    ],
    [
      'stopped exactly at the deadline is met',
      { target: 60, start: '2025-09-22T09:00', now: '2025-09-23T09:00', stop: '2025-09-22T10:00' },
      { deadline: '2025-09-22T10:00', state: 'met', paused: 0, elapsed: 60 },
    ],
    [
      'stopped after the deadline stays breached',
      { target: 60, start: '2025-09-22T09:00', now: '2025-09-23T09:00', stop: '2025-09-22T10:01' },
      { deadline: '2025-09-22T10:00', state: 'breached', paused: 0, elapsed: 61 },
    ],
    [
      'running past the deadline is breached',
      { target: 60, start: '2025-09-22T09:00', now: '2025-09-22T10:01' },
      { deadline: '2025-09-22T10:00', state: 'breached', paused: 0, elapsed: 61 },
    ],
    [
      'a pause after the breach does not un-breach',
      {
        target: 60,
        start: '2025-09-22T09:00',
        now: '2025-09-22T11:30',
        pauses: [pause('2025-09-22T10:30', '2025-09-22T11:00')],
      },
      { deadline: '2025-09-22T10:00', state: 'breached', paused: 30, elapsed: 120 },
    ],
    [
      'a pause ongoing past the breach is still breached',
      { target: 60, start: '2025-09-22T09:00', now: '2025-09-22T11:30', pauses: [pause('2025-09-22T10:30')] },
      { deadline: '2025-09-22T10:00', state: 'breached', paused: 60, elapsed: 90 },
    ],
    [
      'stopped while paused, before the projected deadline, is met',
      {
        target: 60,
        start: '2025-09-22T09:00',
        now: '2025-09-23T09:00',
        stop: '2025-09-22T11:00',
        pauses: [pause('2025-09-22T09:30')],
      },
      { deadline: '2025-09-22T11:30', state: 'met', paused: 90, elapsed: 30 },
    ],
    [
      'overlapping, unsorted pauses are merged',
      {
        target: 120,
        start: '2025-09-22T09:00',
        now: '2025-09-22T10:00',
        pauses: [
          pause('2025-09-22T09:40', '2025-09-22T09:50'),
          pause('2025-09-22T09:30', '2025-09-22T09:45'),
        ],
      },
      { deadline: '2025-09-22T11:20', state: 'running', paused: 20, elapsed: 40 },
    ],
    [
      'a pause from before the start only counts after the start',
      {
        target: 60,
        start: '2025-09-22T09:00',
        now: '2025-09-22T09:40',
        pauses: [pause('2025-09-22T08:00', '2025-09-22T09:30')],
      },
      { deadline: '2025-09-22T10:30', state: 'running', paused: 30, elapsed: 10 },
    ],
    [
      'a start in the future has nothing elapsed',
      { target: 60, start: '2025-09-22T09:00', now: '2025-09-22T08:00' },
      { deadline: '2025-09-22T10:00', state: 'running', paused: 0, elapsed: 0 },
    ],
  ];
  it.each(cases)('%s', (_name, i, expected) => {
    const r = computeSlaClock({
      targetMinutes: i.target,
      calendar: OFFICE,
      startedAt: sh(i.start),
      now: sh(i.now),
      pauses: i.pauses,
      stoppedAt: i.stop ? sh(i.stop) : null,
    });
    expect({
      deadline: iso(r.deadline),
      state: r.state,
      paused: r.pausedMinutes,
      elapsed: r.elapsedBusinessMinutes,
    }).toEqual({
      ...expected,
      deadline: iso(sh(expected.deadline)),
    });
    expect(r.breached).toBe(expected.state === 'breached');
    expect(r.remainingBusinessMinutes).toBe(i.target - expected.elapsed);
    if (r.state !== 'running') expect(r.warnAt).toEqual([]);
  });

  it('policy change mid-ticket recomputes from the same start', () => {
    const base = { calendar: OFFICE, startedAt: sh('2025-09-22T09:00'), now: sh('2025-09-22T14:00') };
    const ordinary = computeSlaClock({ ...base, targetMinutes: 450 }); // 1 business day
    expect(iso(ordinary.deadline)).toBe(iso(sh('2025-09-23T09:00')));
    // Re-prioritised to 急: fix within 6 h on the 24x7 calendar, same start.
    const urgent = computeSlaClock({ ...base, calendar: CALENDAR_24X7, targetMinutes: 360 });
    expect(iso(urgent.deadline)).toBe(iso(sh('2025-09-22T15:00')));
    expect(urgent).toMatchObject({ state: 'running', elapsedBusinessMinutes: 300 });
    // A new target that is already used up breaches at once, at the instant it ran out.
    const tighter = computeSlaClock({ ...base, calendar: CALENDAR_24X7, targetMinutes: 240 });
    expect(iso(tighter.deadline)).toBe(iso(sh('2025-09-22T13:00')));
    expect(tighter.state).toBe('breached');
  });

  it('custom warnings: fractions and minutes-before, skipping ones longer than the target', () => {
    const r = computeSlaClock({
      targetMinutes: 100,
      calendar: CALENDAR_24X7,
      startedAt: sh('2025-09-22T00:00'),
      now: sh('2025-09-22T00:00'),
      warnings: { fractions: [0.5, 0.9, 1.5], minutesBefore: [10, 30, 9999] },
    });
    expect(r.warnAt.map(iso)).toEqual(['00:50', '01:10', '01:30'].map((t) => iso(sh(`2025-09-22T${t}`))));
  });

  it('warnings after a pause shift with the deadline', () => {
    const r = computeSlaClock({
      targetMinutes: 40,
      calendar: CALENDAR_24X7,
      startedAt: sh('2025-09-22T00:00'),
      now: sh('2025-09-22T01:05'),
      pauses: [pause('2025-09-22T00:10', '2025-09-22T01:00')],
    });
    expect(iso(r.deadline)).toBe(iso(sh('2025-09-22T01:30')));
    expect(r.warnAt.map(iso)).toEqual([iso(sh('2025-09-22T01:20')), iso(sh('2025-09-22T01:25'))]);
  });

  it('rejects bad input', () => {
    const base = { calendar: OFFICE, startedAt: sh('2025-09-22T09:00'), now: sh('2025-09-22T10:00') };
    expect(() => computeSlaClock({ ...base, targetMinutes: -1 })).toThrow(RangeError);
    expect(() =>
      computeSlaClock({
        ...base,
        targetMinutes: 10,
        pauses: [pause('2025-09-22T09:30', '2025-09-22T09:10')],
      }),
    ).toThrow(/pause/);
  });
});

describe('properties', () => {
  const calendars = fc.constantFrom<BusinessCalendar>(OFFICE, CALENDAR_24X7);
  const T0 = sh('2025-09-01T00:00').getTime();
  const span = 20 * 86_400_000;
  const pauseArb = fc
    .tuple(fc.integer({ min: T0, max: T0 + span }), fc.integer({ min: 0, max: 3 * 86_400_000 }))
    .map(([from, len]): PauseInterval => ({ from: new Date(from), to: new Date(from + len) }));
  const FAR = new Date(T0 + 10 * span);

  it('pausing never shortens a deadline', () => {
    fc.assert(
      fc.property(
        calendars,
        fc.integer({ min: T0, max: T0 + span }),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(pauseArb, { maxLength: 4 }),
        pauseArb,
        (calendar, start, target, pauses, extra) => {
          const base = { calendar, startedAt: new Date(start), targetMinutes: target, now: FAR };
          const without = computeSlaClock({ ...base, pauses }).deadline.getTime();
          const withExtra = computeSlaClock({ ...base, pauses: [...pauses, extra] }).deadline.getTime();
          expect(withExtra).toBeGreaterThanOrEqual(without);
          expect(without).toBeGreaterThanOrEqual(computeSlaClock(base).deadline.getTime());
        },
      ),
    );
  });

  it('the clock runs exactly the target between start and deadline', () => {
    fc.assert(
      fc.property(
        calendars,
        fc.integer({ min: T0, max: T0 + span }),
        fc.integer({ min: 1, max: 3000 }),
        fc.array(pauseArb, { maxLength: 4 }),
        (calendar, start, target, pauses) => {
          const r = computeSlaClock({
            calendar,
            startedAt: new Date(start),
            targetMinutes: target,
            now: FAR,
            pauses,
          });
          const atDeadline = computeSlaClock({
            calendar,
            startedAt: new Date(start),
            targetMinutes: target,
            now: r.deadline,
            stoppedAt: r.deadline,
            pauses,
          });
          expect(atDeadline.elapsedBusinessMinutes).toBeCloseTo(target, 6);
          expect(atDeadline.state).toBe('met');
          expect(businessMinutesBetween(calendar, new Date(start), r.deadline)).toBeCloseTo(
            target + atDeadline.pausedMinutes,
            6,
          );
        },
      ),
    );
  });
});
