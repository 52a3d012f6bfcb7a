import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeLines, type PlanAttachment, type PlanItem, planLines } from './run-plan';

const items = new Map<number, PlanItem>([
  [
    1,
    {
      id: 1,
      name: '物业服务费',
      kind: 'monthly',
      formula: 'area',
      areaBasis: 'building',
      unitPrice: 23500,
      fixedAmount: null,
      tiers: null,
      rounding: 'fen',
    },
  ],
  [
    2,
    {
      id: 2,
      name: '停车费',
      kind: 'monthly',
      formula: 'fixed',
      areaBasis: 'building',
      unitPrice: null,
      fixedAmount: 30000,
      tiers: null,
      rounding: 'fen',
    },
  ],
  [
    3,
    {
      id: 3,
      name: '水费',
      kind: 'monthly',
      formula: 'meter',
      areaBasis: 'building',
      unitPrice: 34500,
      fixedAmount: null,
      tiers: null,
      rounding: 'fen',
    },
  ],
  [
    4,
    {
      id: 4,
      name: '公摊水电',
      kind: 'monthly',
      formula: 'apportion',
      areaBasis: 'building',
      unitPrice: 10000,
      fixedAmount: null,
      tiers: null,
      rounding: 'fen',
    },
  ],
]);
const total = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

describe('planLines', () => {
  it('plans one line per attachment with its formula, and names what it skipped', () => {
    const attachments: PlanAttachment[] = [
      { feeItemId: 1, unitId: 10, parkingSpace: '', areaM2: 100, innerAreaM2: 80 },
      { feeItemId: 1, unitId: 11, parkingSpace: '', areaM2: null, innerAreaM2: null },
      { feeItemId: 2, unitId: 10, parkingSpace: 'B-017', areaM2: 100, innerAreaM2: 80 },
      { feeItemId: 3, unitId: 10, parkingSpace: '', areaM2: 100, innerAreaM2: 80 },
      { feeItemId: 3, unitId: 11, parkingSpace: '', areaM2: null, innerAreaM2: null },
      { feeItemId: 4, unitId: 10, parkingSpace: '', areaM2: 100, innerAreaM2: 80 },
    ];
    const { lines, skipped } = planLines(
      '2026-12',
      items,
      attachments,
      new Map([['3:10', { id: 99, consumption: 12 }]]),
      new Map([[4, new Map([[10, 1234]])]]),
    );
    expect(lines.map((l) => [l.unitId, l.feeItemId, l.amount])).toEqual([
      [10, 1, 23500],
      [10, 2, 30000],
      [10, 3, 4140],
      [10, 4, 1234],
    ]);
    expect(lines[1]?.description).toBe('停车费（2026-12，车位 B-017）');
    expect(lines[2]?.meterReadingId).toBe(99);
    expect(skipped).toEqual({ no_area: 1, no_reading: 1, no_price: 0 });
  });

  it('re-running a billing period never changes a total', () => {
    const attachment = fc.record({
      feeItemId: fc.constantFrom(1, 2, 3),
      unitId: fc.integer({ min: 1, max: 40 }),
      parkingSpace: fc.constantFrom('', 'A-1'),
      areaM2: fc.option(fc.integer({ min: 1, max: 30_000 }).map((x) => x / 100)),
      innerAreaM2: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(attachment, { maxLength: 80 }), fc.integer({ min: 0, max: 80 }), (all, cut) => {
        const readings = new Map(
          all.map((a) => [`3:${a.unitId}`, { id: a.unitId, consumption: a.unitId / 4 }]),
        );
        const plan = (xs: PlanAttachment[]) => planLines('2026-12', items, xs, readings, new Map()).lines;
        // A run interrupted after `cut` attachments and re-run over everything…
        const partial = mergeLines([], plan(all.slice(0, cut)));
        const resumed = mergeLines(partial, plan(all));
        const once = mergeLines([], plan(all));
        // …and a second full re-run: the same lines and the same total every time.
        const again = mergeLines(once, plan(all));
        expect(total(resumed)).toBe(total(once));
        expect(total(again)).toBe(total(once));
        expect(again.length).toBe(once.length);
      }),
    );
  });
});
