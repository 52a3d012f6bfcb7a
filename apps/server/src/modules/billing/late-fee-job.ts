import { and, eq, inArray, sql } from 'drizzle-orm';
import { zonedParts } from '../../platform/clock/zoned';
import type { DbOrTx } from '../../platform/db/client';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { projects } from '../org/schema';
import { dailyLateFee, type LateFeeLine } from './rules/late-fee';
import { billAdjustments, billLines, bills, feeItems } from './schema';

export const LATE_FEE_JOB = 'billing.lateFees';

type JobServices = Pick<Services, 'database' | 'clock' | 'queue'>;
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** The project's calendar day of an instant ("2026-12-06" in Asia/Shanghai). */
export function localDay(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Overdue, undisputed bills of a project that carry at least one line with a late-fee rate. */
async function overdueBills(db: DbOrTx, projectId: number, day: string) {
  const open = await db
    .select({
      id: bills.id,
      dueDate: bills.dueDate,
      billedAmount: bills.billedAmount,
      balance: bills.balance,
    })
    .from(bills)
    .where(
      and(
        eq(bills.projectId, projectId),
        sql`${bills.balance} > 0`,
        eq(bills.disputed, false),
        sql`${bills.dueDate} < ${day}::date`,
        sql`exists (select 1 from bill_lines l join fee_items f on f.id = l.fee_item_id
                     where l.bill_id = ${bills.id} and f.late_fee_rate > 0)`,
      ),
    );
  if (!open.length) return [];
  const ids = open.map((b) => b.id);
  const [lines, fees] = await Promise.all([
    db
      .select({
        billId: billLines.billId,
        amount: billLines.amount,
        rate: feeItems.lateFeeRate,
        graceDays: feeItems.lateFeeGraceDays,
        capPercent: feeItems.lateFeeCapPercent,
      })
      .from(billLines)
      .innerJoin(feeItems, eq(feeItems.id, billLines.feeItemId))
      .where(inArray(billLines.billId, ids)),
    db
      .select({
        billId: billAdjustments.billId,
        charged: sql<number>`coalesce(sum(${billAdjustments.amount}) filter (where ${billAdjustments.kind} = 'late_fee'), 0)::int`,
        net: sql<number>`coalesce(sum(${billAdjustments.amount}), 0)::int`,
      })
      .from(billAdjustments)
      .where(
        and(
          inArray(billAdjustments.billId, ids),
          eq(billAdjustments.status, 'approved'),
          inArray(billAdjustments.kind, ['late_fee', 'late_fee_waiver']),
        ),
      )
      .groupBy(billAdjustments.billId),
  ]);
  const linesOf = new Map<number, LateFeeLine[]>();
  for (const l of lines) linesOf.set(l.billId, [...(linesOf.get(l.billId) ?? []), l]);
  const feesOf = new Map(fees.map((f) => [f.billId, f]));
  return open.map((b) => ({
    id: b.id,
    dueDate: b.dueDate,
    billedAmount: b.billedAmount,
    // What is owed on the lines: the balance less late fees still owed (payments settle both alike).
    unpaidPrincipal: Math.max(0, b.balance - (feesOf.get(b.id)?.net ?? 0)),
    chargedSoFar: feesOf.get(b.id)?.charged ?? 0,
    lines: linesOf.get(b.id) ?? [],
  }));
}

/**
 * 滞纳金 for one project and one of its calendar days: each overdue bill's fee for the day as a
 * late_fee row, inserted set-based with ON CONFLICT on the (bill, day) unique index — a second run
 * of the same day, on any node, adds nothing — and the bills' adjusted sums raised by exactly the
 * rows inserted, in the same statement.
 */
export async function chargeLateFees(
  services: JobServices,
  projectId: number,
): Promise<{ day: string; bills: number; amount: number }> {
  const { db } = services.database;
  const now = services.clock.now();
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) return { day: '', bills: 0, amount: 0 };
  const day = localDay(now, project.timezone);
  const due = (await overdueBills(db, projectId, day))
    .map((b) => ({ id: b.id, fee: dailyLateFee(b, day) }))
    .filter((b) => b.fee > 0);
  if (!due.length) return { day, bills: 0, amount: 0 };
  return db.transaction(async (tx) => {
    const [sum] = rowsOf<{ n: number; amount: number }>(
      await tx.execute(sql`with ins as (
        insert into bill_adjustments (bill_id, project_id, kind, amount, reason, status, late_fee_day, decided_at, created_at)
        select x.b, ${projectId}, 'late_fee', x.a, ${`滞纳金 ${day}`}, 'approved', ${day}::date, ${now}, ${now}
          from unnest(${sql.param(due.map((d) => d.id))}::bigint[], ${sql.param(due.map((d) => d.fee))}::int[]) as x(b, a)
        on conflict (bill_id, late_fee_day) where kind = 'late_fee' do nothing
        returning bill_id, amount),
      upd as (
        update bills set adjusted_amount = bills.adjusted_amount + ins.amount, settled_at = null,
                         updated_at = ${now}, version = bills.version + 1
          from ins where bills.id = ins.bill_id
        returning 1)
      select count(*)::int as n, coalesce(sum(amount), 0)::int as amount from ins`),
    );
    const result = { day, bills: sum?.n ?? 0, amount: sum?.amount ?? 0 };
    if (result.bills) {
      const actor: Actor = { userId: null, companyId: project.companyId, source: 'job' };
      await recordEvent(tx, actor, now, {
        action: 'billing.late_fees_charged',
        entityType: 'project',
        entityId: projectId,
        projectId,
        after: { ...result, reason: '滞纳金：逾期未缴，按收费项目的日费率计收' },
      });
    }
    return result;
  });
}

/** Projects with an open bill carrying a late-fee line. */
async function projectsWithLateFees(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: feeItems.projectId })
    .from(feeItems)
    .where(sql`${feeItems.lateFeeRate} > 0`);
  return rows.map((r) => r.id);
}

export function registerLateFeeJob(services: JobServices): void {
  services.queue.register<{ projectId?: number }>(LATE_FEE_JOB, async ({ payload }) => {
    const ids = payload.projectId ? [payload.projectId] : await projectsWithLateFees(services.database.db);
    let charged = 0;
    for (const id of ids) charged += (await chargeLateFees(services, id)).bills;
    return { charged };
  });
  // 00:20 in Asia/Shanghai: each project's day has begun (the charge is for that local day).
  services.queue.schedule(LATE_FEE_JOB, '20 0 * * *', {});
}
