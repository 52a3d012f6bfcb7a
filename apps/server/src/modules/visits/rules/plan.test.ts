import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageOf, headQuota, moveInSchedule, onTimeStatus, orderSuggestions, quotaWarning } from './plan';

describe('move-in visits (Q86, Q87)', () => {
  it('plans the care contact and the 3-day, 1-week and 1-month visits', () => {
    expect(moveInSchedule('2026-11-28', [3, 7, 30], 7)).toEqual([
      { sourceKey: 'care', purpose: '关怀', plannedOn: '2026-11-29', dueOn: '2026-12-05' },
      { sourceKey: 'd3', purpose: '入住回访', plannedOn: '2026-12-01', dueOn: '2026-12-01' },
      { sourceKey: 'd7', purpose: '入住回访', plannedOn: '2026-12-05', dueOn: '2026-12-05' },
      { sourceKey: 'd30', purpose: '入住回访', plannedOn: '2026-12-28', dueOn: '2026-12-28' },
    ]);
  });
  it.each([
    [{ dueOn: '2026-12-01', doneOn: '2026-12-01', status: 'visited' }, '2026-12-05', 'on_time'],
    [{ dueOn: '2026-12-01', doneOn: '2026-12-02', status: 'visited' }, '2026-12-05', 'late'],
    [{ dueOn: '2026-12-01', doneOn: null, status: 'planned' }, '2026-12-02', 'missed'],
    [{ dueOn: '2026-12-01', doneOn: null, status: 'absent' }, '2026-12-01', 'pending'],
  ] as const)('%o on %s is %s', (v, today, expected) => {
    expect(onTimeStatus(v, today)).toBe(expected);
  });
});

describe('project-head quota (Q85)', () => {
  const q = { small: 10, large: 15, threshold: 1000 };
  it.each([
    [1, 10],
    [1000, 10],
    [1001, 15],
  ])('%i households → %i a month', (households, quota) => expect(headQuota(households, q)).toBe(quota));
  it.each([
    [3, 10, '2026-12-20', 7, false],
    [3, 10, '2026-12-25', 7, true],
    [10, 10, '2026-12-31', 7, false],
    [9, 10, '2026-02-22', 7, true],
    [9, 10, '2026-02-21', 7, false],
  ])('%i of %i on %s (warn %i days ahead) → %s', (done, required, today, warn, expected) => {
    expect(quotaWarning(done, required, today, warn)).toBe(expected);
  });
});

describe('visit suggestions', () => {
  const d = (day: number) => new Date(Date.UTC(2026, 0, day));
  const base = { recentComplaints: 0, vip: false, lowScore: false };
  it('never contacted, then complaints, VIPs, low scores, then the longest since the last contact', () => {
    const rows = [
      { unitId: 1, ...base, lastContactAt: d(20) },
      { unitId: 2, ...base, lastContactAt: d(5) },
      { unitId: 3, ...base, lastContactAt: d(25), lowScore: true },
      { unitId: 4, ...base, lastContactAt: d(25), vip: true },
      { unitId: 5, ...base, lastContactAt: d(28), recentComplaints: 1 },
      { unitId: 6, ...base, lastContactAt: d(28), recentComplaints: 3 },
      { unitId: 7, ...base, lastContactAt: null },
      { unitId: 8, ...base, lastContactAt: null, vip: true },
    ];
    const ordered = orderSuggestions(rows);
    expect(ordered.map((r) => r.unitId)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(ordered[0]?.reasons).toEqual(['never', 'vip']);
    expect(ordered.at(-1)?.reasons).toEqual(['longest']);
  });
  it('is a permutation and stable whatever the input order', () => {
    const row = fc.record({
      unitId: fc.integer({ min: 1, max: 1000 }),
      lastContactAt: fc.option(fc.integer({ min: 1, max: 365 }).map(d)),
      recentComplaints: fc.integer({ min: 0, max: 3 }),
      vip: fc.boolean(),
      lowScore: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.unitId, maxLength: 30 }), (rows) => {
        const a = orderSuggestions(rows).map((r) => r.unitId);
        const b = orderSuggestions([...rows].reverse()).map((r) => r.unitId);
        expect(a).toEqual(b);
        expect([...a].sort((x, y) => x - y)).toEqual(rows.map((r) => r.unitId).sort((x, y) => x - y));
      }),
    );
  });
});

describe('coverage (Q84)', () => {
  it('counts each household once, whatever the kind of contact', () => {
    expect(coverageOf([1, 2, 3, 4], [{ unitId: 1 }, { unitId: 1 }, { unitId: 2 }, { unitId: 9 }])).toEqual({
      households: 4,
      covered: 2,
      coverage: 0.5,
    });
  });
});
