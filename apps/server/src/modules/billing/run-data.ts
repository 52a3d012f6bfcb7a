import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { units } from '../org/schema';
import { apportion, areaOf, sharedMeterAmount } from './rules/formulas';
import { consumptionOf } from './rules/meter';
import { billsInPeriod, dueDateOf, periodStart } from './rules/periods';
import type { PlanAttachment, PlanItem } from './rules/run-plan';
import { billLines, type FeeItemRow, feeItems, feeItemUnits, meterReadings } from './schema';

/** The fee items of a project that bill in a period (active, started, on their cycle). */
export async function itemsBillingIn(db: DbOrTx, projectId: number, period: string): Promise<FeeItemRow[]> {
  const rows = await db
    .select()
    .from(feeItems)
    .where(and(eq(feeItems.projectId, projectId), eq(feeItems.active, true)));
  return rows.filter((r) => billsInPeriod(r.kind, r.startDate, period));
}

export const toPlanItem = (r: FeeItemRow): PlanItem => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  formula: r.formula,
  areaBasis: r.areaBasis,
  unitPrice: r.unitPrice,
  fixedAmount: r.fixedAmount,
  tiers: r.tiers,
  rounding: r.rounding,
});

/** An attachment counts in a period when its own dates (if any) overlap the period's month. */
function activeIn(period: string) {
  const first = periodStart(period);
  return sql`(${feeItemUnits.startDate} is null or ${feeItemUnits.startDate} < (${first}::date + interval '1 month'))
    and (${feeItemUnits.endDate} is null or ${feeItemUnits.endDate} >= ${first}::date)`;
}

/** Every unit id a run of these items touches, ascending (the run works through them in chunks). */
export async function unitIdsToBill(db: DbOrTx, itemIds: number[], period: string): Promise<number[]> {
  if (!itemIds.length) return [];
  const rows = await db
    .selectDistinct({ unitId: feeItemUnits.unitId })
    .from(feeItemUnits)
    .where(and(inArray(feeItemUnits.feeItemId, itemIds), activeIn(period)))
    .orderBy(feeItemUnits.unitId);
  return rows.map((r) => r.unitId);
}

export interface ChunkAttachment extends PlanAttachment {
  buildingId: number;
}

export async function attachmentsOf(
  db: DbOrTx,
  itemIds: number[],
  unitIds: number[],
  period: string,
): Promise<ChunkAttachment[]> {
  return db
    .select({
      feeItemId: feeItemUnits.feeItemId,
      unitId: feeItemUnits.unitId,
      parkingSpace: feeItemUnits.parkingSpace,
      buildingId: units.buildingId,
      areaM2: units.areaM2,
      innerAreaM2: units.innerAreaM2,
    })
    .from(feeItemUnits)
    .innerJoin(units, eq(units.id, feeItemUnits.unitId))
    .where(
      and(
        inArray(feeItemUnits.feeItemId, itemIds),
        sql`${feeItemUnits.unitId} = any(${sql.param(unitIds)}::bigint[])`,
        activeIn(period),
      ),
    );
}

/** The period's readings of metered items for some units, keyed "feeItemId:unitId". */
export async function readingsOf(db: DbOrTx, itemIds: number[], unitIds: number[], period: string) {
  const out = new Map<string, { id: number; consumption: number }>();
  if (!itemIds.length) return out;
  const rows = await db
    .select()
    .from(meterReadings)
    .where(
      and(
        inArray(meterReadings.feeItemId, itemIds),
        eq(meterReadings.period, period),
        sql`${meterReadings.unitId} = any(${sql.param(unitIds)}::bigint[])`,
      ),
    );
  for (const r of rows) out.set(`${r.feeItemId}:${r.unitId}`, { id: r.id, consumption: consumptionOf(r) });
  return out;
}

/**
 * Q101 公共水电分摊: each apportioned item's shared-meter amount for the period, split over all its
 * attached units by area share (largest remainder, so the parts add up to the meter's amount
 * exactly). An item without a shared reading this period bills nothing, and one whose period is
 * already billed is not split again.
 */
export async function apportionedShares(db: DbOrTx, items: FeeItemRow[], period: string) {
  const out = new Map<number, Map<number, number>>();
  for (const item of items.filter((i) => i.formula === 'apportion')) {
    const [shared] = await db
      .select()
      .from(meterReadings)
      .where(
        and(
          eq(meterReadings.feeItemId, item.id),
          eq(meterReadings.period, period),
          isNull(meterReadings.unitId),
        ),
      );
    if (!shared) continue;
    // Once a period's split is billed it is final: a unit attached later would make the parts
    // exceed the meter's amount. Its share is corrected with adjustments, not a second split.
    const [billed] = await db
      .select({ id: billLines.id })
      .from(billLines)
      .where(and(eq(billLines.feeItemId, item.id), eq(billLines.period, period)))
      .limit(1);
    if (billed) continue;
    const total = sharedMeterAmount(item, consumptionOf(shared));
    if (total === null) continue;
    const parts = await db
      .select({ unitId: feeItemUnits.unitId, areaM2: units.areaM2, innerAreaM2: units.innerAreaM2 })
      .from(feeItemUnits)
      .innerJoin(units, eq(units.id, feeItemUnits.unitId))
      .where(and(eq(feeItemUnits.feeItemId, item.id), activeIn(period)))
      .orderBy(feeItemUnits.unitId);
    // One share per unit even if it is attached twice (two parking spaces make no sense here).
    const unique = [...new Map(parts.map((p) => [p.unitId, p])).values()];
    const amounts = apportion(
      total,
      unique.map((p) => areaOf(item, p) ?? 0),
      item.rounding,
    );
    out.set(item.id, new Map(unique.map((p, i) => [p.unitId, amounts[i] ?? 0])));
  }
  return out;
}

/** A bill falls due with the earliest of its items' due days. */
export const runDueDate = (items: FeeItemRow[], period: string) =>
  dueDateOf(period, Math.min(...items.map((i) => i.dueDays), 30));
