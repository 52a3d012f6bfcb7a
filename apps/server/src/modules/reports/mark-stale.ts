import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { SETTLE_DAYS } from './rollup';
import { localDayOf, monthOf } from './rules/days';
import { slaReportDayMarks } from './schema';

/**
 * A write to a ticket created before the report's live window changes a rolled-up day: bump the
 * version of that day and its month so the next report recomputes them (rollup.ts).
 */
export async function markReportStale(
  tx: DbOrTx,
  ticket: { projectId: number; createdAt: Date },
  now: Date,
  timeZone: string,
): Promise<void> {
  if (ticket.createdAt.getTime() >= now.getTime() - (SETTLE_DAYS - 1) * 86_400_000) return;
  const day = localDayOf(ticket.createdAt, timeZone);
  await tx
    .insert(slaReportDayMarks)
    .values([
      { projectId: ticket.projectId, span: 'day', day },
      { projectId: ticket.projectId, span: 'month', day: monthOf(day) },
    ])
    .onConflictDoUpdate({
      target: [slaReportDayMarks.projectId, slaReportDayMarks.span, slaReportDayMarks.day],
      set: { version: sql`${slaReportDayMarks.version} + 1` },
    });
}
