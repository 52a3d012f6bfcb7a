import type { BillingReportKind } from '@guanjia/shared';
import type { BillingReport } from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { agingOf, arrearsByBuilding } from './arrears-queries';
import { localDay, localMonth, projectOf } from './collection-context';
import { collectionRate } from './rules/collection-rate';
import { num, sqlRows } from './sql-rows';

/** The month `n` months before 'YYYY-MM'. */
export function monthsBefore(month: string, n: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) - n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** First instant of a local month in the project's zone, as SQL. */
const monthStart = (month: string, tz: string) => sql`((${month} || '-01')::timestamp at time zone ${tz})`;
const monthAfterStart = (month: string, tz: string) =>
  sql`(((${month} || '-01')::timestamp + interval '1 month') at time zone ${tz})`;

/**
 * 收费报表 (issue 15): 收费率 by month and building, arrears aging by building, campaign results
 * (attempts, reached, promises kept/broken, paid within 30 days after the attempt), and income by fee item
 * (payment allocations spread over a bill's lines in proportion to their amounts, to the 分).
 */
export async function billingReport(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId: number; kind: BillingReportKind; from?: string; to?: string },
  now: Date,
): Promise<BillingReport> {
  assertInScope(auth, q.projectId, 'Project');
  const project = await projectOf(db, q.projectId);
  if (!project) throw notFound('Project');
  const tz = project.timezone;
  const to = q.to ?? localMonth(now, tz);
  const from = q.from ?? monthsBefore(to, 11);
  const p = q.projectId;
  if (q.kind === 'collection-rate') {
    // 收费率 is of the periodic charges. One-off bills (booking fees, 装修押金: source_type set) have a
    // period of their own ('2026-11 booking:3') and would each make a row; they count in the income report.
    const rows = await sqlRows<Record<string, unknown>>(
      db,
      sql`select b.period, b.building_id, min(bd.name) as name,
                 sum(b.billed_amount + b.adjusted_amount) as billed,
                 sum(least(b.paid_amount, b.billed_amount + b.adjusted_amount)) as collected,
                 count(*) as households, count(*) filter (where b.balance <= 0) as settled
            from bills b join buildings bd on bd.id = b.building_id
           where b.project_id = ${p} and b.period >= ${from} and b.period <= ${to}
             and b.billed_amount + b.adjusted_amount > 0 and b.source_type is null
           group by b.period, rollup (b.building_id)
           order by b.period, b.building_id nulls first`,
    );
    return {
      kind: 'collection-rate',
      from,
      to,
      rows: rows.map((r) => {
        const billed = num(r.billed);
        const collected = num(r.collected);
        const households = num(r.households);
        const settled = num(r.settled);
        return {
          period: String(r.period),
          buildingId: r.building_id === null ? null : num(r.building_id),
          buildingName: r.building_id === null ? '全部' : String(r.name),
          billed,
          collected,
          rate: collectionRate(collected, billed),
          households,
          settledHouseholds: settled,
          householdRate: collectionRate(settled, households),
        };
      }),
    };
  }
  if (q.kind === 'aging') {
    const buildings = await arrearsByBuilding(db, { projectId: p }, localDay(now, tz));
    return {
      kind: 'aging',
      from,
      to,
      rows: buildings.map((b) => ({
        ...agingOf(b.aging),
        buildingId: b.buildingId,
        buildingName: b.buildingName,
        owingUnits: b.owingUnits,
        total: b.owed,
      })),
    };
  }
  if (q.kind === 'campaigns') {
    const rows = await sqlRows<Record<string, unknown>>(
      db,
      sql`select a.level, a.channel, count(*) as attempts,
                 count(*) filter (where a.outcome in ('answered', 'promised', 'refused')) as reached,
                 count(*) filter (where a.outcome = 'promised') as promised,
                 count(*) filter (where a.promise_state = 'kept') as kept,
                 count(*) filter (where a.promise_state = 'broken') as broken,
                 count(*) filter (where a.outcome = 'refused') as refused,
                 count(*) filter (where pay.amount > 0) as paid_after,
                 coalesce(sum(pay.amount) filter (where pay.amount > 0), 0) as paid_amount
            from collection_attempts a
            left join lateral (select sum(py.amount) as amount from payments py
                                where py.unit_id = a.unit_id and py.paid_at > a.attempted_at
                                  and py.paid_at <= a.attempted_at + interval '30 days') pay on true
           where a.project_id = ${p} and a.status = 'done'
             and a.attempted_at >= ${monthStart(from, tz)} and a.attempted_at < ${monthAfterStart(to, tz)}
           group by a.level, a.channel
           order by a.level nulls last, a.channel`,
    );
    return {
      kind: 'campaigns',
      from,
      to,
      rows: rows.map((r) => ({
        level: r.level === null ? null : num(r.level),
        channel: r.channel as never,
        attempts: num(r.attempts),
        reached: num(r.reached),
        promised: num(r.promised),
        kept: num(r.kept),
        broken: num(r.broken),
        refused: num(r.refused),
        paidAfter: num(r.paid_after),
        paidAmountAfter: num(r.paid_amount),
      })),
    };
  }
  const rows = await sqlRows<Record<string, unknown>>(
    db,
    sql`with alloc as (
          select pa.bill_id, to_char(py.paid_at at time zone ${tz}, 'YYYY-MM') as month, sum(pa.amount) as paid
            from payment_allocations pa join payments py on py.id = pa.payment_id
           where pa.project_id = ${p}
             and py.paid_at >= ${monthStart(from, tz)} and py.paid_at < ${monthAfterStart(to, tz)}
           group by 1, 2),
        lines as (
          select l.bill_id, l.fee_item_id, sum(l.amount) as amount
            from bill_lines l where l.bill_id in (select bill_id from alloc) group by 1, 2),
        split as (
          select a.month, a.bill_id, a.paid, l.fee_item_id,
                 coalesce(floor(a.paid::numeric * l.amount / nullif(sum(l.amount) over (partition by a.bill_id, a.month), 0)), 0)::bigint as share,
                 row_number() over (partition by a.bill_id, a.month order by l.amount desc, l.fee_item_id) as rn
            from alloc a join lines l on l.bill_id = a.bill_id),
        fixed as (
          select month, fee_item_id,
                 share + case when rn = 1 then paid - sum(share) over (partition by bill_id, month) else 0 end as amount
            from split)
        select f.month, f.fee_item_id, fi.name, sum(f.amount) as amount
          from fixed f join fee_items fi on fi.id = f.fee_item_id
         group by f.month, f.fee_item_id, fi.name
         order by f.month, f.fee_item_id`,
  );
  return {
    kind: 'income-by-fee-item',
    from,
    to,
    available: true,
    rows: rows.map((r) => ({
      month: String(r.month),
      feeItemId: num(r.fee_item_id),
      feeItemName: String(r.name),
      amount: num(r.amount),
    })),
  };
}
