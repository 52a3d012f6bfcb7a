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
 * Write one chunk of a run in the caller's transaction, set-based: the chunk's missing bills in one
 * INSERT … SELECT FROM unnest, its missing lines in another (ON CONFLICT on bill_lines_uq skips
 * what an earlier run wrote), and each touched bill's billed_amount raised by exactly the lines
 * inserted — in the same statement, so a bill's sum and its lines never disagree.
 */
export async function writeChunk(
  tx: Tx,
  run: { id: number; companyId: number; projectId: number; period: string; dueDate: string },
  bills: ChunkBill[],
  lines: PlannedLine[],
  now: Date,
): Promise<ChunkResult> {
  if (!bills.length) return { billsCreated: 0, linesCreated: 0, amountCreated: 0 };
  const created = rowsOf<{ n: number }>(
    await tx.execute(sql`with ins as (
      insert into bills (company_id, project_id, building_id, unit_id, period, billing_run_id, due_date, created_at, updated_at)
      select ${run.companyId}, ${run.projectId}, b, u, ${run.period}, ${run.id}, ${run.dueDate}::date, ${now}, ${now}
        from unnest(${sql.param(bills.map((b) => b.unitId))}::bigint[], ${sql.param(bills.map((b) => b.buildingId))}::bigint[]) as x(u, b)
      on conflict (unit_id, period) do nothing
      returning 1)
      select count(*)::int as n from ins`),
  );
  if (!lines.length) return { billsCreated: created[0]?.n ?? 0, linesCreated: 0, amountCreated: 0 };
  const col = <K extends keyof PlannedLine>(k: K) => sql.param(lines.map((l) => l[k]));
  const [sum] = rowsOf<{ lines: number; amount: number }>(
    await tx.execute(sql`with ins as (
      insert into bill_lines (bill_id, project_id, unit_id, fee_item_id, period, parking_space, description,
                              quantity, unit_price, amount, meter_reading_id, created_at)
      select b.id, ${run.projectId}, x.u, x.f, ${run.period}, x.p, x.d, x.q, x.up, x.a, x.r, ${now}
        from unnest(${col('unitId')}::bigint[], ${col('feeItemId')}::bigint[], ${col('parkingSpace')}::text[],
                    ${col('description')}::text[], ${col('quantity')}::numeric[], ${col('unitPrice')}::int[],
                    ${col('amount')}::int[], ${col('meterReadingId')}::bigint[]) as x(u, f, p, d, q, up, a, r)
        join bills b on b.unit_id = x.u and b.period = ${run.period}
      on conflict on constraint bill_lines_uq do nothing
      returning bill_id, amount),
    sums as (select bill_id, sum(amount)::int as total, count(*)::int as n from ins group by bill_id),
    upd as (
      update bills set billed_amount = bills.billed_amount + sums.total,
                       settled_at = case when bills.balance + sums.total > 0 then null else bills.settled_at end,
                       updated_at = ${now}, version = bills.version + 1
        from sums where bills.id = sums.bill_id
      returning 1)
    select coalesce(sum(n), 0)::int as lines, coalesce(sum(total), 0)::bigint as amount from sums`),
  );
  return {
    billsCreated: created[0]?.n ?? 0,
    linesCreated: Number(sum?.lines ?? 0),
    amountCreated: Number(sum?.amount ?? 0),
  };
}
