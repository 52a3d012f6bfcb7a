import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client';
import type { PlannedLine } from './rules/run-plan';

export interface ChunkBill {
  unitId: number;
  buildingId: number;
}

export interface ChunkResult {
  billsCreated: number;
  linesCreated: number;
  amountCreated: number;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Write one chunk of a run in the caller's transaction, set-based. Bills the chunk lacks are
 * inserted with their billed sum already set (all their lines are new, so the sum is the plan's);
 * their lines follow in one INSERT … SELECT FROM unnest. Units whose bill already existed (a
 * re-run) get only their missing lines (ON CONFLICT on bill_lines_uq) and their billed_amount
 * raised by exactly the lines inserted, in the same statement — a bill's sum and its lines never
 * disagree.
 */
export async function writeChunk(
  tx: Tx,
  run: { id: number; companyId: number; projectId: number; period: string; dueDate: string },
  bills: ChunkBill[],
  lines: PlannedLine[],
  now: Date,
): Promise<ChunkResult> {
  if (!bills.length) return { billsCreated: 0, linesCreated: 0, amountCreated: 0 };
  const sums = new Map<number, number>();
  for (const l of lines) sums.set(l.unitId, (sums.get(l.unitId) ?? 0) + l.amount);
  const created = rowsOf<{ unit_id: string | number }>(
    await tx.execute(sql`insert into bills (company_id, project_id, building_id, unit_id, period, billing_run_id, due_date,
                                            billed_amount, settled_at, created_at, updated_at)
      select ${run.companyId}, ${run.projectId}, b, u, ${run.period}, ${run.id}, ${run.dueDate}::date, s,
             case when s <= 0 then ${now}::timestamptz end, ${now}, ${now}
        from unnest(${sql.param(bills.map((b) => b.unitId))}::bigint[], ${sql.param(bills.map((b) => b.buildingId))}::bigint[],
                    ${sql.param(bills.map((b) => sums.get(b.unitId) ?? 0))}::int[]) as x(u, b, s)
      on conflict (unit_id, period) do nothing
      returning unit_id`),
  );
  const fresh = new Set(created.map((r) => Number(r.unit_id)));
  const freshLines = lines.filter((l) => fresh.has(l.unitId));
  const oldLines = lines.filter((l) => !fresh.has(l.unitId));
  if (freshLines.length) await tx.execute(insertLines(run, freshLines, now, false));
  let added = { lines: 0, amount: 0 };
  if (oldLines.length) {
    const [r] = rowsOf<{ lines: number; amount: string | number }>(
      await tx.execute(sql`with ins as (${insertLines(run, oldLines, now, true)}),
        sums as (select bill_id, sum(amount)::int as total, count(*)::int as n from ins group by bill_id),
        upd as (
          update bills set billed_amount = bills.billed_amount + sums.total,
                           settled_at = case when bills.balance + sums.total > 0 then null else bills.settled_at end,
                           updated_at = ${now}, version = bills.version + 1
            from sums where bills.id = sums.bill_id
          returning 1)
        select coalesce(sum(n), 0)::int as lines, coalesce(sum(total), 0)::bigint as amount from sums`),
    );
    added = { lines: Number(r?.lines ?? 0), amount: Number(r?.amount ?? 0) };
  }
  return {
    billsCreated: fresh.size,
    linesCreated: freshLines.length + added.lines,
    amountCreated: freshLines.reduce((s, l) => s + l.amount, 0) + added.amount,
  };
}

/** INSERT of planned lines joined to their bills; `returning` for the re-run path that sums them. */
function insertLines(
  run: { projectId: number; period: string },
  lines: PlannedLine[],
  now: Date,
  returning: boolean,
) {
  const col = <K extends keyof PlannedLine>(k: K) => sql.param(lines.map((l) => l[k]));
  return sql`insert into bill_lines (bill_id, project_id, unit_id, fee_item_id, period, parking_space, description,
                                     quantity, unit_price, amount, meter_reading_id, created_at)
    select b.id, ${run.projectId}, x.u, x.f, ${run.period}, x.p, x.d, x.q, x.up, x.a, x.r, ${now}
      from unnest(${col('unitId')}::bigint[], ${col('feeItemId')}::bigint[], ${col('parkingSpace')}::text[],
                  ${col('description')}::text[], ${col('quantity')}::numeric[], ${col('unitPrice')}::int[],
                  ${col('amount')}::int[], ${col('meterReadingId')}::bigint[]) as x(u, f, p, d, q, up, a, r)
      join bills b on b.unit_id = x.u and b.period = ${run.period}
    on conflict on constraint bill_lines_uq do nothing${returning ? sql` returning bill_id, amount` : sql``}`;
}
