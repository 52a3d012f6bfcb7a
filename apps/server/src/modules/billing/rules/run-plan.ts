import type { FeeFormula } from '../schema';
import { type FormulaItem, lineAmount } from './formulas';

export interface PlanItem extends FormulaItem {
  id: number;
  name: string;
}

export interface PlanAttachment {
  feeItemId: number;
  unitId: number;
  parkingSpace: string;
  areaM2: number | null;
  innerAreaM2: number | null;
}

export interface PlannedLine {
  unitId: number;
  feeItemId: number;
  parkingSpace: string;
  description: string;
  quantity: number | null;
  unitPrice: number | null;
  amount: number;
  meterReadingId: number | null;
}

export type SkipReason = 'no_area' | 'no_reading' | 'no_price';

const METERED: ReadonlySet<FeeFormula> = new Set(['meter', 'tiered']);

/** The key that makes a period's line unique (bill_lines_uq): re-running adds only missing keys. */
export const lineKey = (l: Pick<PlannedLine, 'unitId' | 'feeItemId' | 'parkingSpace'>) =>
  `${l.unitId}:${l.feeItemId}:${l.parkingSpace}`;

/**
 * The lines a billing run would create for some attachments of one period: a pure function of the
 * fee items, the units' areas, the period's readings and the apportioned shares, so running it
 * again over the same inputs plans the same keys and amounts.
 */
export function planLines(
  period: string,
  items: ReadonlyMap<number, PlanItem>,
  attachments: readonly PlanAttachment[],
  readings: ReadonlyMap<string, { id: number; consumption: number }>,
  apportioned: ReadonlyMap<number, ReadonlyMap<number, number>>,
): { lines: PlannedLine[]; skipped: Record<SkipReason, number> } {
  const lines: PlannedLine[] = [];
  const skipped: Record<SkipReason, number> = { no_area: 0, no_reading: 0, no_price: 0 };
  for (const a of attachments) {
    const item = items.get(a.feeItemId);
    if (!item) continue;
    const base = {
      unitId: a.unitId,
      feeItemId: item.id,
      parkingSpace: a.parkingSpace,
      description: a.parkingSpace
        ? `${item.name}（${period}，车位 ${a.parkingSpace}）`
        : `${item.name}（${period}）`,
    };
    if (item.formula === 'apportion') {
      const amount = apportioned.get(item.id)?.get(a.unitId);
      if (amount === undefined) skipped.no_reading++;
      else lines.push({ ...base, quantity: null, unitPrice: null, amount, meterReadingId: null });
      continue;
    }
    const reading = METERED.has(item.formula) ? readings.get(`${item.id}:${a.unitId}`) : undefined;
    const r = lineAmount(item, a, reading ? reading.consumption : null);
    if (!r.ok) {
      skipped[r.reason]++;
      continue;
    }
    lines.push({
      ...base,
      quantity: r.quantity,
      unitPrice: r.unitPrice,
      amount: r.amount,
      meterReadingId: reading?.id ?? null,
    });
  }
  return { lines, skipped };
}

/** What inserting planned lines with ON CONFLICT DO NOTHING leaves: existing keys win. */
export function mergeLines(existing: readonly PlannedLine[], planned: readonly PlannedLine[]): PlannedLine[] {
  const seen = new Set(existing.map(lineKey));
  const added = planned.filter((l) => {
    const k = lineKey(l);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return [...existing, ...added];
}
