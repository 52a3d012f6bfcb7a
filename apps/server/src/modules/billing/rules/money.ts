import type { Rounding } from '../schema';

/**
 * Prices are stored in 0.01 分 (1/10,000 元) and quantities with two decimals, so a line's exact
 * amount is an integer in 1/1,000,000 元 (quantity in 0.01 × price in 0.01 分). BigInt keeps the
 * product exact for any estate (200,000 m² × 99 元/m² overflows a double's integer range only
 * just, but silently).
 */
export const PRICE_PER_FEN = 100n;
const QTY_SCALE = 100n;

const STEP_FEN: Record<Rounding, bigint> = { fen: 1n, jiao: 10n, yuan: 100n };

/** Half-up division of non-negative or negative BigInts (ties away from zero, as a cashier rounds). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** A quantity with at most two decimals (12.35 m², 7.5 m³) → hundredths as BigInt. */
export function hundredths(quantity: number): bigint {
  return BigInt(Math.round(quantity * 100));
}

/** quantity × price (0.01 分) rounded to the 分, 角 or 元, in 分. */
export function priceTimes(quantity: number, unitPrice: number, rounding: Rounding): number {
  const exact = hundredths(quantity) * BigInt(unitPrice); // in 1/10,000 分
  return roundToStep(exact, QTY_SCALE * PRICE_PER_FEN, rounding);
}

/** An exact amount in 1/scale 分 rounded half-up to the rounding step, returned in 分. */
export function roundToStep(exact: bigint, scale: bigint, rounding: Rounding): number {
  const step = STEP_FEN[rounding];
  return Number(divRound(exact, scale * step) * step);
}

/** Round an amount already in 分 to the 角 or 元 (half up). */
export function roundFen(fen: number, rounding: Rounding): number {
  return roundToStep(BigInt(fen), 1n, rounding);
}
