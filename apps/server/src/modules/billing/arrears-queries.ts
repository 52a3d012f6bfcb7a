import { type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { localDay, localMonth, projectOf } from './collection-context';
import { collectionRate } from './rules/collection-rate';
import { num, sqlRows } from './sql-rows';

/**
 * The arrears view (W-23): what is owed past its due date, aged in buckets (0–30, 31–90, 91–180,
 * 181–365, >365 days), per building and per unit, beside this period's 收费率. Everything is read
 * from the bills' open-balance partial index (bills_open_idx); "today" is the project's local day.
 */

export interface ArrearsFilter {
  projectId: number;
  buildingId?: number;
}

/** Bucket sums over bills b for local day `today` (a date literal). */
const bucketColumns = (today: string) => sql`
  coalesce(sum(b.balance) filter (where b.due_date >= ${today}::date - 30), 0) as d0_30,
  coalesce(sum(b.balance) filter (where b.due_date < ${today}::date - 30 and b.due_date >= ${today}::date - 90), 0) as d31_90,
  coalesce(sum(b.balance) filter (where b.due_date < ${today}::date - 90 and b.due_date >= ${today}::date - 180), 0) as d91_180,
  coalesce(sum(b.balance) filter (where b.due_date < ${today}::date - 180 and b.due_date >= ${today}::date - 365), 0) as d181_365,
  coalesce(sum(b.balance) filter (where b.due_date < ${today}::date - 365), 0) as d365_plus`;

interface BucketRow {
  d0_30: unknown;
  d31_90: unknown;
  d91_180: unknown;
  d181_365: unknown;
  d365_plus: unknown;
}
export const agingOf = (r: BucketRow | undefined) => ({
  d0_30: num(r?.d0_30),
  d31_90: num(r?.d31_90),
  d91_180: num(r?.d91_180),
  d181_365: num(r?.d181_365),
  d365_plus: num(r?.d365_plus),
});

/** Open bills past due, of a project (and a building). */
export const overdueWhere = (f: ArrearsFilter, today: string): SQL => sql`
  b.project_id = ${f.projectId} and b.balance > 0 and b.due_date < ${today}::date
  ${f.buildingId ? sql`and b.building_id = ${f.buildingId}` : sql``}`;

/** Per building: owed, owing units and buckets. */
export async function arrearsByBuilding(db: DbOrTx, f: ArrearsFilter, today: string) {
  const rows = await sqlRows<
    BucketRow & { building_id: unknown; name: string; owed: unknown; units: unknown }
  >(
    db,
    sql`select b.building_id, bd.name, sum(b.balance) as owed, count(distinct b.unit_id) as units, ${bucketColumns(today)}
          from bills b join buildings bd on bd.id = b.building_id
         where ${overdueWhere(f, today)}
         group by b.building_id, bd.name, bd.sort_order
         order by bd.sort_order, bd.name`,
  );
  return rows.map((r) => ({
    buildingId: num(r.building_id),
    buildingName: r.name,
    owed: num(r.owed),
    owingUnits: num(r.units),
    aging: agingOf(r),
  }));
}

/** 收费率 of one period, per building (null building = the whole project, first row). */
export async function periodRates(db: DbOrTx, f: ArrearsFilter, period: string) {
  const rows = await sqlRows<{
    building_id: unknown;
    billed: unknown;
    collected: unknown;
    households: unknown;
    settled: unknown;
  }>(
    db,
    sql`select b.building_id,
               sum(b.billed_amount + b.adjusted_amount) as billed,
               sum(least(b.paid_amount, b.billed_amount + b.adjusted_amount)) as collected,
               count(*) as households,
               count(*) filter (where b.balance <= 0) as settled
          from bills b
         where b.project_id = ${f.projectId} and b.period = ${period} and b.billed_amount + b.adjusted_amount > 0
           ${f.buildingId ? sql`and b.building_id = ${f.buildingId}` : sql``}
         group by rollup (b.building_id)`,
  );
  const figures = (r: (typeof rows)[number] | undefined) => {
    const billed = num(r?.billed);
    const collected = num(r?.collected);
    const households = num(r?.households);
    const settled = num(r?.settled);
    return {
      period,
      billed,
      collected,
      rate: collectionRate(collected, billed),
      households,
      settledHouseholds: settled,
      householdRate: collectionRate(settled, households),
    };
  };
  const total = figures(rows.find((r) => r.building_id === null));
  const byBuilding = new Map(
    rows.filter((r) => r.building_id !== null).map((r) => [num(r.building_id), figures(r)]),
  );
  return { total, byBuilding, empty: () => figures(undefined) };
}

/** The period whose 收费率 the arrears view shows: this month, or the latest billed before it. */
export async function currentPeriod(db: DbOrTx, projectId: number, month: string): Promise<string> {
  const [row] = await sqlRows<{ period: string | null }>(
    db,
    sql`select max(period) as period from bills where project_id = ${projectId} and period <= ${month}`,
  );
  return row?.period ?? month;
}

/** One page of owing units, largest debt first. */
export async function arrearsUnits(
  db: DbOrTx,
  f: ArrearsFilter,
  today: string,
  limit: number,
  offset: number,
) {
  const rows = await sqlRows<{
    unit_id: unknown;
    label: string;
    building_id: unknown;
    building_name: string;
    owed: unknown;
    disputed: unknown;
    bills: unknown;
    oldest: string;
    owner: string | null;
    last_at: Date | string | null;
    last_outcome: string | null;
    level: unknown;
  }>(
    db,
    sql`with owing as (
          select b.unit_id, b.building_id, sum(b.balance) as owed,
                 coalesce(sum(b.balance) filter (where b.disputed), 0) as disputed,
                 count(*) as bills, min(b.due_date) as oldest
            from bills b
           where ${overdueWhere(f, today)}
           group by b.unit_id, b.building_id
           order by owed desc, b.unit_id
           limit ${limit} offset ${offset})
        select o.*, u.label, bd.name as building_name,
               (select r.name from resident_units ru join residents r on r.id = ru.resident_id
                 where ru.unit_id = o.unit_id order by (ru.relation = '业主') desc, r.id limit 1) as owner,
               la.attempted_at as last_at, la.outcome as last_outcome,
               (select max(a.level) from collection_attempts a
                 where a.unit_id = o.unit_id and a.status = 'done' and a.episode = o.oldest) as level
          from owing o
          join units u on u.id = o.unit_id
          join buildings bd on bd.id = o.building_id
          left join lateral (select a.attempted_at, a.outcome from collection_attempts a
                              where a.unit_id = o.unit_id and a.status = 'done'
                              order by a.attempted_at desc nulls last, a.id desc limit 1) la on true
         order by o.owed desc, o.unit_id`,
  );
  return rows.map((r) => ({
    unitId: num(r.unit_id),
    unitLabel: r.label,
    buildingId: num(r.building_id),
    buildingName: r.building_name,
    ownerName: r.owner,
    owed: num(r.owed),
    disputedOwed: num(r.disputed),
    bills: num(r.bills),
    oldestDueDate: String(r.oldest).slice(0, 10),
    daysOverdue: daysBetween(String(r.oldest).slice(0, 10), today),
    lastAttemptAt: r.last_at ? new Date(r.last_at).toISOString() : null,
    lastOutcome: r.last_outcome as never,
    level: r.level === null ? null : num(r.level),
  }));
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** GET /api/arrears: totals, buildings with their 收费率, and a page of units. */
export async function arrearsReport(
  db: DbOrTx,
  auth: AuthContext,
  q: ArrearsFilter & { page: number; pageSize: number },
  now: Date,
) {
  assertInScope(auth, q.projectId, 'Project');
  const project = await projectOf(db, q.projectId);
  if (!project) throw notFound('Project');
  const today = localDay(now, project.timezone);
  const period = await currentPeriod(db, q.projectId, localMonth(now, project.timezone));
  const buildings = await arrearsByBuilding(db, q, today);
  const rates = await periodRates(db, q, period);
  const units = await arrearsUnits(db, q, today, q.pageSize, (q.page - 1) * q.pageSize);
  const aging = { d0_30: 0, d31_90: 0, d91_180: 0, d181_365: 0, d365_plus: 0 };
  let owingUnits = 0;
  for (const b of buildings) {
    owingUnits += b.owingUnits;
    for (const k of Object.keys(aging) as (keyof typeof aging)[]) aging[k] += b.aging[k];
  }
  return {
    projectId: q.projectId,
    asOf: today,
    owed: buildings.reduce((s, b) => s + b.owed, 0),
    owingUnits,
    aging,
    rate: rates.total,
    buildings: buildings.map((b) => ({ ...b, rate: rates.byBuilding.get(b.buildingId) ?? rates.empty() })),
    units: { items: units, total: owingUnits, page: q.page, pageSize: q.pageSize },
  };
}
