import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compliancePct, median, stepCompliance } from './compliance';
import { lateMinutes, stepDeadlines, stepState } from './deadlines';
import { escalationTargets, onDutyAt, type Shift, shiftSpan, wallClock } from './duty';

const T0 = new Date('2026-12-06T02:10:00+08:00');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const TZ = 'Asia/Shanghai';

describe('step deadlines', () => {
  it.each([
    ['bound to the start', [{ afterStartMinutes: 1, afterPreviousMinutes: null, doneAt: null }], [1]],
    [
      'chain on the previous deadline while it is open',
      [
        { afterStartMinutes: 5, afterPreviousMinutes: null, doneAt: null },
        { afterStartMinutes: null, afterPreviousMinutes: 5, doneAt: null },
      ],
      [5, 10],
    ],
    [
      'chain on when the previous one was done',
      [
        { afterStartMinutes: 5, afterPreviousMinutes: null, doneAt: at(2) },
        { afterStartMinutes: null, afterPreviousMinutes: 5, doneAt: null },
      ],
      [5, 7],
    ],
    [
      'both bounds: the earlier wins',
      [
        { afterStartMinutes: 5, afterPreviousMinutes: null, doneAt: at(9) },
        { afterStartMinutes: 10, afterPreviousMinutes: 5, doneAt: null },
      ],
      [5, 10],
    ],
    [
      'a first step bound to "previous" is bound to the start',
      [{ afterStartMinutes: null, afterPreviousMinutes: 3, doneAt: null }],
      [3],
    ],
  ] as const)('%s', (_name, steps, minutes) => {
    expect(stepDeadlines(T0, steps).map((d) => (d.getTime() - T0.getTime()) / 60_000)).toEqual(minutes);
  });

  it('never puts a deadline before the start', () => {
    const step = fc.record({
      afterStartMinutes: fc.option(fc.integer({ min: 0, max: 600 })),
      afterPreviousMinutes: fc.option(fc.integer({ min: 0, max: 600 })),
      doneAt: fc.option(fc.integer({ min: 0, max: 600 }).map(at)),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        for (const d of stepDeadlines(T0, steps)) expect(d.getTime()).toBeGreaterThanOrEqual(T0.getTime());
      }),
    );
  });

  it.each([
    [{ dueAt: at(5), doneAt: null, escalationLevel: 0 }, 'pending', null],
    [{ dueAt: at(5), doneAt: null, escalationLevel: 2 }, 'escalated', null],
    [{ dueAt: at(5), doneAt: at(5), escalationLevel: 0 }, 'met', null],
    [{ dueAt: at(5), doneAt: at(8.5), escalationLevel: 1 }, 'late', 3.5],
  ] as const)('state of %o is %s', (s, state, late) => {
    expect(stepState(s)).toBe(state);
    expect(lateMinutes(s)).toBe(late);
  });
});

const shift = (role: Shift['role'], userId: number, date: string, startTime: string, endTime: string) => ({
  role,
  userId,
  date,
  startTime,
  endTime,
});

describe('duty roster', () => {
  const roster: Shift[] = [
    shift('team_leader', 1, '2026-12-05', '08:00', '20:00'),
    shift('team_leader', 2, '2026-12-05', '20:00', '08:00'),
    shift('project_head', 3, '2026-12-05', '08:00', '08:00'),
    shift('company_duty', 4, '2026-12-01', '09:00', '09:00'),
    shift('company_duty', 5, '2026-12-06', '09:00', '09:00'),
  ];

  it('reads a wall clock in the estate’s zone', () => {
    expect(wallClock('2026-12-06', '02:10', TZ).toISOString()).toBe('2026-12-05T18:10:00.000Z');
    expect(shiftSpan(roster[1]!, TZ).to.toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });

  it.each([
    ['team_leader', '2026-12-05T10:00:00+08:00', [1]],
    ['team_leader', '2026-12-05T20:00:00+08:00', [2]],
    // Overnight: the 20:00–08:00 shift of the 5th covers 02:10 on the 6th.
    ['team_leader', '2026-12-06T02:10:00+08:00', [2]],
    ['team_leader', '2026-12-06T08:00:00+08:00', []],
    ['project_head', '2026-12-05T23:59:00+08:00', [3]],
    ['project_head', '2026-12-06T08:00:00+08:00', []],
    ['company_duty', '2026-12-02T08:59:00+08:00', [4]],
    ['company_duty', '2026-12-02T09:00:00+08:00', []],
  ] as const)('%s at %s', (role, t, people) => {
    expect(onDutyAt(roster, role, new Date(t), TZ)).toEqual(people);
  });

  it.each([
    // First escalation of a step that escalates to the project head: the on-duty head (and the leader who must act).
    [
      { role: 'team_leader', escalateTo: 'project_head' },
      1,
      '2026-12-06T02:10:00+08:00',
      'project_head',
      [3, 2],
    ],
    // Second: one rung up, but nobody is on company duty at night of the 5th/6th → stays at the top with people.
    [
      { role: 'team_leader', escalateTo: 'project_head' },
      2,
      '2026-12-05T12:00:00+08:00',
      'project_head',
      [3, 1],
    ],
    [
      { role: 'team_leader', escalateTo: 'project_head' },
      2,
      '2026-12-06T10:00:00+08:00',
      'company_duty',
      [5],
    ],
    // Level 5 caps at the top rung.
    [
      { role: 'project_head', escalateTo: 'company_duty' },
      5,
      '2026-12-06T10:00:00+08:00',
      'company_duty',
      [5],
    ],
    // Nobody on duty anywhere: the step's own role.
    [{ role: 'butler', escalateTo: 'project_head' }, 1, '2026-12-07T12:00:00+08:00', 'project_head', []],
  ] as const)('escalation %o level %i at %s → %s', (step, level, t, role, people) => {
    const got = escalationTargets(roster, step, level, new Date(t), TZ);
    expect(got.role).toBe(role);
    expect(got.userIds).toEqual(people);
  });
});

describe('compliance', () => {
  it.each([
    [[{ id: 1, title: 'a', dueAt: at(1), doneAt: at(0.5) }], [{ met: true, lateMinutes: null }]],
    [[{ id: 1, title: 'a', dueAt: at(1), doneAt: at(4) }], [{ met: false, lateMinutes: 3 }]],
    [[{ id: 1, title: 'a', dueAt: at(1), doneAt: null }], [{ met: false, lateMinutes: 59 }]],
  ] as const)('%o', (steps, expected) => {
    expect(stepCompliance(steps, at(60))).toMatchObject(expected);
  });

  it.each([
    [[], null],
    [[3], 3],
    [[1, 9, 3], 3],
    [[1, 2, 3, 10], 2.5],
  ] as const)('median of %o is %s', (values, m) => expect(median(values)).toBe(m));

  it('percent', () => {
    expect(compliancePct(0, 0)).toBeNull();
    expect(compliancePct(2, 3)).toBe(66.7);
  });

  it('the median lies between the smallest and largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }), (xs) => {
        const m = median(xs)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });
});
