import { and, asc, eq, sql } from 'drizzle-orm';
import { runBilling } from '../modules/billing/billing-run';
import { addMonths } from '../modules/billing/rules/periods';
import { createFeeItem } from '../modules/billing/save-fee-item';
import { billingRuns, feeItemUnits, meterReadings } from '../modules/billing/schema';
import { buildings, units } from '../modules/org/schema';
import { zonedParts } from '../platform/clock/zoned';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';
import { createRng } from './prng';

/**
 * 收费中心 demo for 锦绣花园: the usual fee items of a Shanghai residential estate, a year of water
 * and shared-meter readings, and a billing run for each of the last twelve months through the
 * real run (set-based: one chunk covers the estate). Bills are left unpaid; the payments step
 * pays most of them afterwards.
 */
export async function seedDemoBilling(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no billing';
  const auth = seedAdmin(boot, [project.id]);
  const here = zonedParts(services.clock.now(), project.timezone);
  const current = `${here.year}-${String(here.month).padStart(2, '0')}`;
  const first = addMonths(current, -11);
  const start = `${first}-01`;
  const rng = createRng(15);

  // 套内面积 is about 80 % of the 建筑面积 in these towers.
  await db.execute(sql`update units set inner_area_m2 = round(area_m2 * 0.8, 2)
                        where project_id = ${project.id} and area_m2 is not null and inner_area_m2 is null`);

  const make = (body: Parameters<typeof createFeeItem>[2]) => createFeeItem(services, auth, body);
  const base = { projectId: project.id, startDate: start };
  const wy = await make({
    ...base,
    code: 'WYF',
    name: '物业服务费',
    kind: 'monthly',
    formula: 'area',
    unitPrice: 23500,
    priority: 10,
    lateFeeRate: 5,
    lateFeeGraceDays: 30,
    lateFeeCapPercent: 10,
  });
  const gt = await make({
    ...base,
    code: 'GTSD',
    name: '公摊水电',
    kind: 'monthly',
    formula: 'apportion',
    unitPrice: 6170,
    priority: 20,
  });
  const lj = await make({
    ...base,
    code: 'LJQY',
    name: '垃圾清运费',
    kind: 'monthly',
    formula: 'fixed',
    fixedAmount: 1000,
    priority: 30,
  });
  const water = await make({
    ...base,
    code: 'SF',
    name: '水费',
    kind: 'monthly',
    formula: 'tiered',
    tiers: [
      { upTo: 18, unitPrice: 34500 },
      { upTo: 25, unitPrice: 48300 },
      { upTo: null, unitPrice: 58300 },
    ],
    priority: 40,
  });
  const cw = await make({
    ...base,
    code: 'TCF',
    name: '停车费',
    kind: 'monthly',
    formula: 'fixed',
    fixedAmount: 30000,
    payer: 'parking',
    priority: 50,
  });
  const deposit = await make({
    ...base,
    startDate: `${addMonths(current, -2)}-01`,
    code: 'ZXYJ',
    name: '装修押金',
    kind: 'deposit',
    formula: 'fixed',
    fixedAmount: 200000,
    priority: 90,
  });

  const homes = await db
    .select({ id: units.id, building: buildings.code })
    .from(units)
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(and(eq(units.projectId, project.id), eq(units.type, '住宅')))
    .orderBy(asc(units.id));
  const now = services.clock.now();
  const attach = async (feeItemId: number, ids: number[], space: (i: number) => string = () => '') => {
    for (let i = 0; i < ids.length; i += 2000)
      await db.insert(feeItemUnits).values(
        ids.slice(i, i + 2000).map((unitId, k) => ({
          projectId: project.id,
          feeItemId,
          unitId,
          parkingSpace: space(i + k),
          createdAt: now,
        })),
      );
  };
  const all = homes.map((h) => h.id);
  await attach(wy.id, all);
  await attach(gt.id, all);
  await attach(lj.id, all);
  // 水费 by meter for the first two buildings (the others are still on the developer's bulk meter).
  const metered = homes.filter((h) => h.building === '1' || h.building === '2').map((h) => h.id);
  await attach(water.id, metered);
  const parking = all.filter(() => rng.chance(0.12));
  await attach(cw.id, parking, (i) => `B1-${String(i + 1).padStart(3, '0')}`);
  const renovating = all.filter(() => rng.chance(0.004)).slice(0, 6);
  await attach(deposit.id, renovating);

  // A year of readings: a baseline the month before the first period, then 6–28 m³ a month.
  const readings: (typeof meterReadings.$inferInsert)[] = [];
  for (const unitId of metered) {
    let value = rng.int(100, 900);
    let previous: number | null = null;
    for (let m = -12; m <= 0; m++) {
      readings.push({
        projectId: project.id,
        feeItemId: water.id,
        unitId,
        period: addMonths(current, m),
        value,
        previousValue: previous,
        source: m % 3 ? 'phone' : 'import',
        readAt: now,
        readById: boot.adminId,
        createdAt: now,
      });
      previous = value;
      value += rng.int(6, 28);
    }
  }
  let shared = 250_000;
  let sharedPrev: number | null = null;
  for (let m = -12; m <= 0; m++) {
    readings.push({
      projectId: project.id,
      feeItemId: gt.id,
      unitId: null,
      period: addMonths(current, m),
      value: shared,
      previousValue: sharedPrev,
      source: 'console',
      readAt: now,
      readById: boot.adminId,
      createdAt: now,
    });
    sharedPrev = shared;
    shared += rng.int(9_000, 14_000);
  }
  for (let i = 0; i < readings.length; i += 2000)
    await db.insert(meterReadings).values(readings.slice(i, i + 2000));

  let billsMade = 0;
  for (let m = -11; m <= 0; m++) {
    const [run] = await db
      .insert(billingRuns)
      .values({
        companyId: boot.companyId,
        projectId: project.id,
        period: addMonths(current, m),
        startedById: boot.adminId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!run) continue;
    const done = await runBilling(services, run.id);
    billsMade += done?.billsCreated ?? 0;
  }
  return `6 fee items, ${readings.length} meter readings, ${billsMade} bills over 12 months`;
}
