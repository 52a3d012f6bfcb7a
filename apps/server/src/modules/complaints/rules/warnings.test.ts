import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ComplaintFact, findWarnings, risePercent, type WarningThresholds } from './warnings';

const NOW = new Date('2026-12-06T10:00:00+08:00');
const DEFAULTS: WarningThresholds = { clusterCount: 3, clusterDays: 7, risePercent: 50, riseMinCount: 3 };
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const c = (
  days: number,
  cause: string | null = '房屋质量',
  buildingId: number | null = 1,
): ComplaintFact => ({
  createdAt: daysAgo(days),
  cause,
  buildingId,
});

describe('findWarnings: clusters of one cause in one building', () => {
  const cases: [string, ComplaintFact[], number][] = [
    ['two in a week: none', [c(1), c(2)], 0],
    ['three in a week: one', [c(1), c(2), c(6.9)], 1],
    ['three but one is older than the window', [c(1), c(2), c(7.5)], 0],
    ['three of mixed causes', [c(1), c(2, '收费'), c(3)], 0],
    ['three in different buildings', [c(1, '房屋质量', 1), c(2, '房屋质量', 2), c(3, '房屋质量', 3)], 0],
    ['no building: never a cluster', [c(1, '邻里', null), c(2, '邻里', null), c(3, '邻里', null)], 0],
    ['no cause: never a cluster', [c(1, null), c(2, null), c(3, null)], 0],
    ['two clusters', [c(1), c(2), c(3), c(1, '收费', 2), c(2, '收费', 2), c(3, '收费', 2)], 2],
  ];
  it.each(cases)('%s', (_name, facts, expected) => {
    expect(findWarnings(facts, NOW, DEFAULTS).filter((w) => w.rule === 'cluster')).toHaveLength(expected);
  });

  it('is not raised again within its window', () => {
    const facts = [c(1), c(2), c(3)];
    const [first] = findWarnings(facts, NOW, DEFAULTS).filter((w) => w.rule === 'cluster');
    expect(first?.key).toBe('cluster:房屋质量:1');
    const recent = [{ key: first!.key, createdAt: daysAgo(2) }];
    expect(findWarnings(facts, NOW, DEFAULTS, recent).filter((w) => w.rule === 'cluster')).toEqual([]);
    const old = [{ key: first!.key, createdAt: daysAgo(8) }];
    expect(findWarnings(facts, NOW, DEFAULTS, old).filter((w) => w.rule === 'cluster')).toHaveLength(1);
  });
});

describe('findWarnings: week-on-week rise', () => {
  // Different buildings so no cluster interferes.
  const spread = (days: number[], cause = '服务质量') => days.map((d, i) => c(d, cause, 100 + i));
  const cases: [string, ComplaintFact[], { cause: string | null; count: number; previous: number }[]][] = [
    [
      '2 → 3 (+50 %): raised per cause and overall',
      spread([8, 9, 1, 2, 3]),
      [
        { cause: null, count: 3, previous: 2 },
        { cause: '服务质量', count: 3, previous: 2 },
      ],
    ],
    ['3 → 4 (+33 %): none', spread([8, 9, 10, 1, 2, 3, 4]), []],
    ['0 → 5: no base to compare, none', spread([1, 2, 3, 4, 5]), []],
    ['1 → 2 (+100 %) but fewer than riseMinCount: none', spread([8, 1, 2]), []],
    ['4 → 2: a fall, none', spread([8, 9, 10, 11, 1, 2]), []],
  ];
  it.each(cases)('%s', (_name, facts, expected) => {
    const rises = findWarnings(facts, NOW, DEFAULTS)
      .filter((w) => w.rule === 'rise')
      .map((w) => ({ cause: w.cause, count: w.count, previous: w.previousCount }));
    expect(rises).toEqual(expected);
  });

  it('risePercent', () => {
    expect(risePercent(2, 3)).toBe(50);
    expect(risePercent(0, 3)).toBeNull();
    expect(risePercent(4, 2)).toBe(-50);
  });
});

describe('findWarnings: properties', () => {
  const fact = fc.record({
    createdAt: fc.integer({ min: 0, max: 20 * 24 }).map((h) => new Date(NOW.getTime() - h * 3_600_000)),
    cause: fc.constantFrom('服务质量', '房屋质量', '收费', null),
    buildingId: fc.constantFrom(1, 2, 3, null),
  });
  const thresholds = fc.record({
    clusterCount: fc.integer({ min: 2, max: 6 }),
    clusterDays: fc.integer({ min: 1, max: 14 }),
    risePercent: fc.integer({ min: 1, max: 200 }),
    riseMinCount: fc.integer({ min: 1, max: 6 }),
  });

  it('every cluster meets the threshold, inside its window, and keys are unique', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 60 }), thresholds, (facts, th) => {
        const found = findWarnings(facts, NOW, th);
        expect(new Set(found.map((w) => w.key)).size).toBe(found.length);
        for (const w of found) {
          if (w.rule === 'cluster') {
            const n = facts.filter(
              (f) =>
                f.cause === w.cause &&
                f.buildingId === w.buildingId &&
                f.createdAt > w.windowStart &&
                f.createdAt <= NOW,
            ).length;
            expect(n).toBe(w.count);
            expect(n).toBeGreaterThanOrEqual(th.clusterCount);
          } else {
            expect(w.count).toBeGreaterThanOrEqual(th.riseMinCount);
            expect(w.previousCount).toBeGreaterThan(0);
            expect(((w.count - w.previousCount!) / w.previousCount!) * 100).toBeGreaterThanOrEqual(
              th.risePercent,
            );
          }
        }
      }),
    );
  });

  it('more complaints never remove a cluster warning (monotone)', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), fc.array(fact, { maxLength: 10 }), (facts, more) => {
        const keys = (fs: ComplaintFact[]) =>
          new Set(
            findWarnings(fs, NOW, DEFAULTS)
              .filter((w) => w.rule === 'cluster')
              .map((w) => w.key),
          );
        const before = keys(facts);
        const after = keys([...facts, ...more]);
        for (const k of before) expect(after.has(k)).toBe(true);
      }),
    );
  });

  it('whatever was raised recently is never raised again', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), (facts) => {
        const first = findWarnings(facts, NOW, DEFAULTS);
        const again = findWarnings(
          facts,
          NOW,
          DEFAULTS,
          first.map((w) => ({ key: w.key, createdAt: NOW })),
        );
        expect(again).toEqual([]);
      }),
    );
  });
});
