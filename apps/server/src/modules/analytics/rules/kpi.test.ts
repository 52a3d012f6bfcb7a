import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBucket, healthScore, localDays, meanScore, pivot, rateOf } from './kpi';

describe('rateOf', () => {
  it.each([
    [3, 4, 0.75],
    [0, 5, 0],
    [0, 0, null],
    [2, null, null],
  ] as const)('%s of %s → %s (0 %% is not "no data")', (value, base, rate) => {
    expect(rateOf(value, base)).toBe(rate);
  });
});

describe('healthScore', () => {
  it('weights the parts with data and spreads the weight of those without', () => {
    // Hand-computed: (30 × 0.9 + 25 × 0.6) ÷ 55 = 42 ÷ 55 = 76.36… → 76.4; calls has no data.
    expect(
      healthScore([
        { key: 'sla', weight: 30, rate: 0.9 },
        { key: 'satisfaction', weight: 25, rate: 0.6 },
        { key: 'calls', weight: 10, rate: null },
      ]),
    ).toBe(76.4);
    expect(healthScore([{ key: 'sla', weight: 30, rate: null }])).toBeNull();
    expect(healthScore([{ key: 'sla', weight: 0, rate: 1 }])).toBeNull();
    expect(healthScore([{ key: 'sla', weight: 10, rate: 0 }])).toBe(0);
  });

  it('stays within 0..100 for any rates and weights', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.integer({ min: 0, max: 100 }),
            rate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
          }),
        ),
        (parts) => {
          const s = healthScore(parts.map((p, i) => ({ key: String(i), ...p })));
          if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
        },
      ),
    );
  });

  it('a group is the mean of the members that have a score', () => {
    expect(meanScore([80, null, 60])).toBe(70);
    expect(meanScore([null])).toBeNull();
  });
});

describe('localDays', () => {
  it('lists the local days of a half-open window in the zone', () => {
    const from = new Date('2026-11-22T16:00:00Z'); // 11-23 00:00 +08
    const to = new Date('2026-11-25T16:00:00Z'); // 11-26 00:00 +08
    expect(localDays(from, to, 'Asia/Shanghai')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
  });
});

describe('pivot', () => {
  it('puts rows on the fixed axis, 0 for a missing count and null for a missing rate', () => {
    const rows = [
      { x: 'a', name: 'phone', value: 2 },
      { x: 'c', name: 'phone', value: 1 },
      { x: 'b', name: 'portal', value: 5 },
      { x: 'z', name: 'portal', value: 9 },
    ];
    expect(pivot(rows, ['a', 'b', 'c'], 0)).toEqual({
      categories: ['a', 'b', 'c'],
      data: [
        { name: 'phone', values: [2, 0, 1] },
        { name: 'portal', values: [0, 5, 0] },
      ],
    });
    expect(pivot(rows.slice(0, 1), ['a', 'b'], null).data[0]?.values).toEqual([2, null]);
  });
});

describe('ageBucket', () => {
  it.each([
    [0.5, '<1天'],
    [1, '1-3天'],
    [6.9, '3-7天'],
    [29, '7-30天'],
    [400, '>30天'],
  ] as const)('%s days → %s', (days, bucket) => expect(ageBucket(days)).toBe(bucket));
});
