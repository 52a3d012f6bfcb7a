import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, bandOutcome, SEED_BANDS } from './bands';
import { ninesFlags } from './nines';
import { isPlanDue } from './plan-days';
import {
  type FindingFacts,
  pickSampleMonths,
  SEED_PARAMS,
  type SheetSectionDef,
  scoreOnSite,
  scoreRecordAudit,
  scoreSheet,
} from './scoring';

const months = ['2026-09', '2026-10'];

describe('R1 record audit (Q110/Q112)', () => {
  it.each([
    { label: 'no defects', m1: 0, m2: 0, score: 10 },
    { label: 'one defect', m1: 1, m2: 0, score: 9.5 },
    { label: '3 + 2 defects', m1: 3, m2: 2, score: 7.5 },
    { label: '10 defects in a month → 0 for it', m1: 10, m2: 0, score: 5 },
    { label: '11 defects in a sampled month → 0 for that month', m1: 11, m2: 1, score: 4.5 },
    { label: 'both months over the limit', m1: 12, m2: 20, score: 0 },
  ])('$label', ({ m1, m2, score }) => {
    const findings: FindingFacts[] = [
      { itemKey: 'x', count: m1, month: '2026-09' },
      { itemKey: 'x', count: m2, month: '2026-10' },
    ];
    expect(scoreRecordAudit(10, findings, months, SEED_PARAMS).score).toBe(score);
  });
  it('a finding without a month counts against the first sampled month', () => {
    const r = scoreRecordAudit(10, [{ itemKey: 'x', count: 11 }], months, SEED_PARAMS);
    expect(r.months).toEqual([
      { month: '2026-09', defects: 11, score: 0 },
      { month: '2026-10', defects: 0, score: 5 },
    ]);
  });
});

describe('R2 on-site check (Q111)', () => {
  it.each([
    [0, 10],
    [1, 8],
    [4, 2],
    [5, 0],
    [6, 0],
  ])('%i defects → %d', (defects, score) => {
    expect(scoreOnSite(10, defects, SEED_PARAMS)).toBe(score);
  });
});

const sheet: SheetSectionDef[] = [
  {
    key: 'cs',
    title: '客户服务',
    items: [
      { key: 'cs1', title: '前台工作记录', points: 10, rule: 'record_audit' },
      { key: 'cs2', title: '前台现场', points: 10, rule: 'on_site' },
      { key: 'cs3', title: '制度公示', points: 10, rule: 'pass_fail' },
    ],
  },
  {
    key: 'env',
    title: '环境',
    items: [
      { key: 'env1', title: '公共区域', points: 10, rule: 'on_site' },
      { key: 'veto', title: '重大安全事故', points: 0, rule: 'veto' },
    ],
  },
];

describe('the whole sheet', () => {
  it('sums sections and items', () => {
    const s = scoreSheet(
      sheet,
      [
        { itemKey: 'cs1', count: 11, month: '2026-09' },
        { itemKey: 'cs2', count: 6 },
        { itemKey: 'env1', count: 1 },
      ],
      { sampledMonths: months },
    );
    expect(s.sections.map((x) => x.score)).toEqual([15, 8]);
    expect(s.fullPoints).toBe(40);
    expect(s.total).toBe(23);
    expect(s.percent).toBe(57.5);
    expect(s.vetoed).toBe(false);
  });
  it('a veto item scores the sheet 0', () => {
    const s = scoreSheet(sheet, [{ itemKey: 'veto', count: 1 }], { sampledMonths: months });
    expect(s.vetoed).toBe(true);
    expect(s.total).toBe(0);
  });
  it('N/A items drop out and the total is rescaled', () => {
    const s = scoreSheet(sheet, [{ itemKey: 'cs2', count: 1 }], {
      notApplicable: ['cs3', 'env1'],
      sampledMonths: months,
    });
    expect(s.applicablePoints).toBe(20);
    expect(s.rawScore).toBe(18);
    expect(s.total).toBe(36);
    expect(s.percent).toBe(90);
  });
  it('a failed pass/fail item scores 0', () => {
    const s = scoreSheet(sheet, [{ itemKey: 'cs3', count: 1 }], { sampledMonths: months });
    expect(s.sections[0]!.items[2]!.score).toBe(0);
  });
  it('adding a defect never raises a score', () => {
    const keys = ['cs1', 'cs2', 'cs3', 'env1', 'veto'];
    const finding = fc.record({
      itemKey: fc.constantFrom(...keys),
      count: fc.integer({ min: 1, max: 15 }),
      month: fc.constantFrom('2026-09', '2026-10', null),
    });
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 12 }), finding, fc.subarray(keys), (findings, extra, na) => {
        const before = scoreSheet(sheet, findings, { sampledMonths: months, notApplicable: na });
        const after = scoreSheet(sheet, [...findings, extra], { sampledMonths: months, notApplicable: na });
        expect(after.total).toBeLessThanOrEqual(before.total);
        after.sections.forEach((sec, i) => {
          sec.items.forEach((item, j) => {
            expect(item.score).toBeLessThanOrEqual(before.sections[i]!.items[j]!.score);
          });
        });
      }),
    );
  });
  it('scores stay within 0 and the full points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ itemKey: fc.constantFrom('cs1', 'cs2', 'env1'), count: fc.nat(30) })),
        (findings) => {
          const s = scoreSheet(sheet, findings, { sampledMonths: months });
          expect(s.total).toBeGreaterThanOrEqual(0);
          expect(s.total).toBeLessThanOrEqual(s.fullPoints);
        },
      ),
    );
  });
});

describe('Q112 sampled months', () => {
  it('picks distinct months out of the past twelve', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9999, noNaN: true }), (r) => {
        const picked = pickSampleMonths({ year: 2026, month: 12 }, 2, () => r);
        expect(new Set(picked).size).toBe(2);
        for (const m of picked) expect(m >= '2025-12' && m <= '2026-11').toBe(true);
      }),
    );
  });
});

describe('campaign bands (Q114–Q118)', () => {
  it.each([
    [79, 'fail'],
    [79.5, 'fail'],
    [80, 'good'],
    [90, 'good'],
    [90.5, 'good'],
    [91, 'excellent'],
    [100, 'excellent'],
  ] as const)('%d → %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
  it.each([
    { score: 70, amounts: { manager: -50_000, supervisor: -30_000, lead: -10_000 }, team: 0 },
    { score: 85, amounts: { manager: 0, supervisor: 0, lead: 0 }, team: 0 },
    { score: 92, amounts: { manager: 50_000, supervisor: 30_000, lead: 20_000 }, team: 0 },
    { score: 96, amounts: { manager: 50_000, supervisor: 30_000, lead: 20_000 }, team: 100_000 },
  ])('$score → rewards and penalties', ({ score, amounts, team }) => {
    const o = bandOutcome(score, SEED_BANDS);
    expect(o.amounts).toEqual(amounts);
    expect(o.teamAward).toBe(team);
  });
  it('a higher score never earns less', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = bandOutcome(lo);
        const y = bandOutcome(hi);
        expect(y.amounts.manager + y.teamAward).toBeGreaterThanOrEqual(x.amounts.manager + x.teamAward);
      }),
    );
  });
});

describe('9S monthly flag (Q21/Q120)', () => {
  it.each([
    [4, false, 0],
    [5, true, 4],
    [9, true, 4],
  ])('%i findings → flagged %s', (count, flagged, points) => {
    const [f] = ninesFlags([{ userId: 1, month: '2026-11', count }], { threshold: 5, points: 4 });
    expect(f).toMatchObject({ flagged, points });
  });
});

describe('plan days (Q21 workdays, Q22 weekly)', () => {
  const base = { startsOn: '2026-12-01', endsOn: null };
  it.each([
    ['workdays', null, '2026-12-04', 5, true],
    ['workdays', null, '2026-12-05', 6, false],
    ['workdays', null, '2026-12-06', 0, false],
    ['weekly', 5, '2026-12-04', 5, true],
    ['weekly', 5, '2026-12-03', 4, false],
    ['weekly', 7, '2026-12-06', 0, true],
    ['once', null, '2026-12-01', 2, true],
    ['once', null, '2026-12-02', 3, false],
    ['workdays', null, '2026-11-30', 1, false],
  ] as const)('%s %s on %s → %s', (recurrence, weekday, day, wd, due) => {
    expect(isPlanDue({ ...base, recurrence, weekday }, day, wd)).toBe(due);
  });
});
