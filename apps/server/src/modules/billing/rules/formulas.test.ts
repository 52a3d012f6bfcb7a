import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormulaItem } from './formulas';
import { apportion, lineAmount, tieredAmount } from './formulas';
import { roundFen } from './money';

const item = (over: Partial<FormulaItem>): FormulaItem => ({
  kind: 'monthly',
  formula: 'area',
  areaBasis: 'building',
  unitPrice: 23500,
  fixedAmount: null,
  tiers: null,
  rounding: 'fen',
  ...over,
});
const unit = { areaM2: 89.37, innerAreaM2: 72.1 };

describe('lineAmount', () => {
  it.each([
    // what, item, consumption, amount in 分
    ['物业费 2.35 元/m² × 89.37 m²', item({}), null, 21002],
    ['on 套内面积', item({ areaBasis: 'inner' }), null, 16944],
    ['quarterly covers three months', item({ kind: 'quarterly' }), null, 63006],
    ['yearly covers twelve months', item({ kind: 'yearly' }), null, 252023],
    ['rounded to the 角', item({ rounding: 'jiao' }), null, 21000],
    ['rounded to the 元', item({ rounding: 'yuan' }), null, 21000],
    ['fixed 停车费 300 元', item({ formula: 'fixed', fixedAmount: 30000 }), null, 30000],
    ['电 0.4883 元/kWh × 215.5', item({ formula: 'meter', unitPrice: 4883 }), 215.5, 10523],
    ['meter with no use', item({ formula: 'meter', unitPrice: 4883 }), 0, 0],
  ])('%s', (_what, it_, consumption, amount) => {
    const r = lineAmount(it_, unit, consumption);
    expect(r.ok && r.amount).toBe(amount);
  });

  it.each([
    ['no area', item({}), { areaM2: null, innerAreaM2: null }, null, 'no_area'],
    ['no reading', item({ formula: 'meter' }), unit, null, 'no_reading'],
    ['no price', item({ formula: 'fixed' }), unit, null, 'no_price'],
  ] as const)('refuses a line with %s', (_w, it_, u, c, reason) => {
    expect(lineAmount(it_, u, c)).toEqual({ ok: false, reason });
  });
});

describe('tieredAmount (阶梯水价 3.45 / 4.83 / 5.83 元)', () => {
  const tiers = [
    { upTo: 18, unitPrice: 34500 },
    { upTo: 25, unitPrice: 48300 },
    { upTo: null, unitPrice: 58300 },
  ];
  it.each([
    [0, 0],
    [10, 3450],
    [18, 6210],
    [20, 6210 + 966],
    [25, 6210 + 3381],
    [30, 6210 + 3381 + 2915],
    [12.5, 4313],
  ])('%s m³ → %s 分', (m3, fen) => {
    expect(tieredAmount(m3, tiers, 'fen')).toBe(fen);
  });

  it('never charges less for more water', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 1000 }), (a, d) => {
        expect(tieredAmount((a + d) / 100, tiers, 'fen')).toBeGreaterThanOrEqual(
          tieredAmount(a / 100, tiers, 'fen'),
        );
      }),
    );
  });
});

describe('apportion (Q101 公共水电分摊, largest remainder)', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [1000, [89.37, 120.5, 60], [331, 447, 222]],
    [0, [1, 2], [0, 0]],
    [500, [0, 0], [0, 0]],
    [1001, [1, 1], [501, 500]],
  ])('%s 分 by %j → %j', (total, weights, parts) => {
    expect(apportion(total, weights)).toEqual(parts);
  });

  it('splits in whole 角 when asked', () => {
    expect(apportion(1000, [1, 1, 1], 'jiao')).toEqual([340, 330, 330]);
  });

  it('parts always sum to the total and differ from the exact share by less than one 分', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 60 }),
        (total, raw) => {
          const weights = raw.map((w) => w / 100);
          const parts = apportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = raw.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Math.abs(p - (total * (raw[i] ?? 0)) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});

describe('roundFen', () => {
  it.each([
    [1234, 'fen', 1234],
    [1234, 'jiao', 1230],
    [1235, 'jiao', 1240],
    [1249, 'yuan', 1200],
    [1250, 'yuan', 1300],
    [-1250, 'yuan', -1300],
  ] as const)('%i to the %s → %i', (fen, r, out) => {
    expect(roundFen(fen, r)).toBe(out);
  });
});
