import { AppError } from '../../platform/http/errors';
import type { FeeFormula, PriceTier } from './schema';

/** The price fields a formula needs: a fixed amount, a unit price, or tiers (422 when missing). */
export function checkFormulaFields(f: {
  formula: FeeFormula;
  unitPrice?: number | null;
  fixedAmount?: number | null;
  tiers?: PriceTier[] | null;
}): void {
  const missing =
    f.formula === 'fixed'
      ? f.fixedAmount == null
      : f.formula === 'tiered'
        ? !f.tiers?.length
        : f.formula === 'apportion'
          ? f.unitPrice == null && !f.tiers?.length
          : f.unitPrice == null;
  if (missing)
    throw new AppError(
      422,
      'formula_incomplete',
      'The formula needs its price: a unit price, a fixed amount or price tiers',
      {
        formula: f.formula,
      },
    );
  if (f.tiers?.length) {
    const bounds = f.tiers.map((t) => t.upTo);
    const ascending = bounds.every(
      (b, i) => i === 0 || b === null || ((bounds[i - 1] ?? 0) !== null && b > (bounds[i - 1] ?? 0)),
    );
    const openLast = bounds.slice(0, -1).every((b) => b !== null);
    if (!ascending || !openLast)
      throw new AppError(422, 'tiers_invalid', 'Price tiers must rise, and only the last may be open-ended');
  }
}
