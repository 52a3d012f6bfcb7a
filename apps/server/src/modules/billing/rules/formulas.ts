import type { AreaBasis, FeeFormula, FeeKind, PriceTier, Rounding } from '../schema';
import { hundredths, PRICE_PER_FEN, priceTimes, roundToStep } from './money';
import { CYCLE_MONTHS } from './periods';

/** The parts of a fee item a formula reads. */
export interface FormulaItem {
  kind: FeeKind;
  formula: FeeFormula;
  areaBasis: AreaBasis;
  /** 0.01 分 per m² per month, per meter unit, or per month. */
  unitPrice: number | null;
  /** 分 per billed period. */
  fixedAmount: number | null;
  tiers: PriceTier[] | null;
  rounding: Rounding;
}

export interface FormulaUnit {
  areaM2: number | null;
  innerAreaM2: number | null;
}

export type LineResult =
  | { ok: true; quantity: number | null; unitPrice: number | null; amount: number }
  | { ok: false; reason: 'no_area' | 'no_reading' | 'no_price' };

/** The area an item charges on: 建筑面积 or 套内面积. */
export function areaOf(item: Pick<FormulaItem, 'areaBasis'>, unit: FormulaUnit): number | null {
  return item.areaBasis === 'inner' ? unit.innerAreaM2 : unit.areaM2;
}

/**
 * One unit's line for a non-apportioned item: area × price × months, a fixed amount, or a meter's
 * consumption at a flat or tiered price. Apportioned items are split across units by apportion().
 */
export function lineAmount(item: FormulaItem, unit: FormulaUnit, consumption: number | null): LineResult {
  switch (item.formula) {
    case 'fixed':
      if (item.fixedAmount === null) return { ok: false, reason: 'no_price' };
      return { ok: true, quantity: 1, unitPrice: null, amount: item.fixedAmount };
    case 'area': {
      const area = areaOf(item, unit);
      if (area === null || area <= 0) return { ok: false, reason: 'no_area' };
      if (item.unitPrice === null) return { ok: false, reason: 'no_price' };
      const months = CYCLE_MONTHS[item.kind];
      return {
        ok: true,
        quantity: area,
        unitPrice: item.unitPrice,
        amount: priceTimes(area, item.unitPrice * months, item.rounding),
      };
    }
    case 'meter':
      if (consumption === null) return { ok: false, reason: 'no_reading' };
      if (item.unitPrice === null) return { ok: false, reason: 'no_price' };
      return {
        ok: true,
        quantity: consumption,
        unitPrice: item.unitPrice,
        amount: priceTimes(consumption, item.unitPrice, item.rounding),
      };
    case 'tiered':
      if (consumption === null) return { ok: false, reason: 'no_reading' };
      if (!item.tiers?.length) return { ok: false, reason: 'no_price' };
      return {
        ok: true,
        quantity: consumption,
        unitPrice: null,
        amount: tieredAmount(consumption, item.tiers, item.rounding),
      };
    case 'apportion':
      return { ok: false, reason: 'no_reading' };
  }
}

/**
 * A tiered meter price (阶梯水价): the first tier's units at its price, the next up to its bound at
 * the next price, and so on; `upTo` is cumulative and the last tier (upTo null) takes the rest.
 * Summed exactly, rounded once.
 */
export function tieredAmount(consumption: number, tiers: PriceTier[], rounding: Rounding): number {
  let left = hundredths(consumption);
  let floor = 0n;
  let exact = 0n;
  for (const tier of tiers) {
    if (left <= 0n) break;
    const cap = tier.upTo === null ? left : hundredths(tier.upTo) - floor;
    const take = cap < left ? (cap > 0n ? cap : 0n) : left;
    exact += take * BigInt(tier.unitPrice);
    left -= take;
    if (tier.upTo !== null) floor = hundredths(tier.upTo);
  }
  // Consumption beyond the last bounded tier is charged at the last tier's price.
  const last = tiers[tiers.length - 1];
  if (left > 0n && last) exact += left * BigInt(last.unitPrice);
  return roundToStep(exact, 100n * PRICE_PER_FEN, rounding);
}

/**
 * Split a total (分) by weights so that the parts sum exactly to the total — largest remainder
 * (Hamilton): everyone gets the floor of their share, the 分 left over go to the largest
 * remainders (ties to the earlier entry). With rounding to 角/元 the split is in those steps and the
 * total is first rounded to the step. Zero total weight → everything zero.
 */
export function apportion(totalFen: number, weights: number[], rounding: Rounding = 'fen'): number[] {
  const step = rounding === 'yuan' ? 100 : rounding === 'jiao' ? 10 : 1;
  const w = weights.map((x) => hundredths(Math.max(0, x)));
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n || totalFen === 0) return weights.map(() => 0);
  const sign = totalFen < 0 ? -1 : 1;
  const steps = BigInt(Math.round(Math.abs(totalFen) / step));
  const floors = w.map((x) => (steps * x) / sum);
  const rema = w.map((x, i) => ({ i, r: (steps * x) % sum }));
  let left = steps - floors.reduce((a, b) => a + b, 0n);
  rema.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rema) {
    if (left <= 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors.map((x) => sign * Number(x) * step);
}

/** A shared meter's amount for the period: its consumption at the item's flat or tiered price. */
export function sharedMeterAmount(item: FormulaItem, consumption: number): number | null {
  if (item.tiers?.length) return tieredAmount(consumption, item.tiers, 'fen');
  if (item.unitPrice === null) return null;
  return priceTimes(consumption, item.unitPrice, 'fen');
}
