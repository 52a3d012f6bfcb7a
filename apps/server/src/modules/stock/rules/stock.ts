import type { StockMovementKind } from '@guanjia/shared/api';

/** The signed change a movement makes: in and return add, out takes away, an adjustment is as counted. */
export function deltaOf(kind: StockMovementKind, qty: number): number {
  return kind === 'out' ? -Math.abs(qty) : kind === 'adjust' ? qty : Math.abs(qty);
}

/** On hand = the sum of the movements. */
export const onHand = (deltas: readonly number[]) => deltas.reduce((s, d) => s + d, 0);

export interface CountLine {
  bookQty: number;
  countedQty: number | null;
  priceFen: number;
}

/** A stocktake's differences: counted − book per line (盘盈 +, 盘亏 −); uncounted lines have none. */
export function differences(lines: readonly CountLine[]) {
  let count = 0;
  let fen = 0;
  const perLine = lines.map((l) => {
    if (l.countedQty === null) return { difference: null, differenceFen: null };
    const difference = l.countedQty - l.bookQty;
    if (difference !== 0) count++;
    fen += difference * l.priceFen;
    return { difference, differenceFen: difference * l.priceFen };
  });
  return { perLine, count, fen };
}

/**
 * 月采购计划 (W-25): enough for another month like the last one plus the minimum kept, less what is on
 * hand; never negative.
 */
export function toBuy(consumedLastMonth: number, minStock: number, onHandNow: number): number {
  return Math.max(0, Math.max(0, consumedLastMonth) + minStock - onHandNow);
}

/** A movement kind's consumption: out counts, a return gives it back. */
export const consumption = (kind: StockMovementKind, delta: number) =>
  kind === 'out' ? -delta : kind === 'return' ? -delta : 0;
