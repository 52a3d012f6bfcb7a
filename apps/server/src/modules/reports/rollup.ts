import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client';
import { type AggregateRow, aggregate } from './aggregate-sql';
import { mergeRows } from './merge';
import {
  daysOfMonth,
  fullDaysWithin,
  localDayOf,
  rangesOf,
  splitMonths,
  startOfLocalDay,
} from './rules/days';
import { type RollupSpan, slaReportDayMarks, slaReportDays } from './schema';

/**
 * Days younger than this change with nearly every write (visits, callbacks): the report reads them
 * live. Older days come from the rollup; a write to one of their tickets marks the day stale and the
 * next report recomputes just that day (~2,700 tickets a day at the 压测小区's two million a year is
 * ~30 ms), while every live day costs the report that much on every run.
 */
export const SETTLE_DAYS = 2;
const CHUNK_DAYS = 31;

/** Days before this local day are settled and may come from the rollup. */
export const settledBefore = (now: Date, timeZone: string) =>
  localDayOf(new Date(now.getTime() - SETTLE_DAYS * 86_400_000), timeZone);

/**
 * A big report reads a lot of rows: PostgreSQL's JIT then spends ~0.6 s compiling it. Not worth it
 * for queries that run in a fraction of that; the embedded engine has no JIT.
 */
export function withoutJit<T>(database: Database, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') await tx.execute(sql`set local jit = off`);
    return fn(tx);
  });
}

/** Marks of `keys` (created when missing) whose rollup is missing or older than the last write. */
async function stale(db: DbOrTx, projectId: number, span: RollupSpan, keys: readonly string[]) {
  if (!keys.length) return [];
  const param = sql`${sql.param([...keys])}::date[]`;
  await db.execute(sql`insert into sla_report_day_marks (project_id, span, day)
                       select ${projectId}, ${span}, d from unnest(${param}) d on conflict do nothing`);
  const marks = await db
    .select({
      day: slaReportDayMarks.day,
      version: slaReportDayMarks.version,
      done: slaReportDayMarks.computedVersion,
    })
    .from(slaReportDayMarks)
    .where(
      and(
        eq(slaReportDayMarks.projectId, projectId),
        eq(slaReportDayMarks.span, span),
        sql`${slaReportDayMarks.day} = any(${param})`,
      ),
    );
  return marks.filter((m) => m.done !== m.version).sort((a, b) => (a.day < b.day ? -1 : 1));
}

/**
 * Replace the rollup rows of `marks` and record the versions they were computed at. The versions were
 * read before the rows were computed, so a write racing with this leaves them stale for the next
 * report rather than lost.
 */
async function store(
  db: DbOrTx,
  projectId: number,
  span: RollupSpan,
  marks: { day: string; version: number }[],
  rows: AggregateRow[],
  now: Date,
): Promise<void> {
  const keys = marks.map((m) => m.day);
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from sla_report_days where project_id = ${projectId} and span = ${span}
                         and day = any(${sql.param(keys)}::date[])`);
    for (let i = 0; i < rows.length; i += 2_000)
      await tx.insert(slaReportDays).values(rows.slice(i, i + 2_000).map((r) => ({ ...r, projectId, span })));
    await tx.execute(sql`update sla_report_day_marks m set computed_version = x.v, computed_at = ${now}
      from unnest(${sql.param(keys)}::date[], ${sql.param(marks.map((m) => m.version))}::int[]) as x(d, v)
     where m.project_id = ${projectId} and m.span = ${span} and m.day = x.d`);
  });
}

/** Bring the day rollups of `days` (settled local days) up to date; answers how many were redone. */
export async function ensureDays(
  database: Database,
  projectId: number,
  timeZone: string,
  days: readonly string[],
  now: Date,
): Promise<number> {
  const todo = await stale(database.db, projectId, 'day', days);
  for (let k = 0; k < todo.length; k += CHUNK_DAYS) {
    const chunk = todo.slice(k, k + CHUNK_DAYS);
    const ranges = rangesOf(
      chunk.map((m) => m.day),
      timeZone,
    );
    const rows = await withoutJit(database, (tx) => aggregate(tx, projectId, timeZone, ranges, true));
    await store(database.db, projectId, 'day', chunk, rows, now);
  }
  return todo.length;
}

/** Bring the month rollups of `months` (wholly settled) up to date, each merged from its day rows. */
export async function ensureMonths(
  database: Database,
  projectId: number,
  timeZone: string,
  months: readonly string[],
  now: Date,
): Promise<number> {
  const todo = await stale(database.db, projectId, 'month', months);
  for (const month of todo) {
    const days = daysOfMonth(month.day);
    await ensureDays(database, projectId, timeZone, days, now);
    const dayRows = await readRows(database.db, projectId, 'day', days);
    await store(database.db, projectId, 'month', [month], mergeRows(dayRows, month.day), now);
  }
  return todo.length;
}

/** Stored rollup rows of a span for the given keys. */
export async function readRows(db: DbOrTx, projectId: number, span: RollupSpan, keys: readonly string[]) {
  if (!keys.length) return [];
  return db
    .select()
    .from(slaReportDays)
    .where(
      and(
        eq(slaReportDays.projectId, projectId),
        eq(slaReportDays.span, span),
        inArray(slaReportDays.day, [...keys]),
      ),
    );
}

/**
 * Roll up every settled day (and whole month) of a project that is missing or stale — the nightly job,
 * and after a bulk load — so a report over old days never aggregates them on the request.
 */
export async function refreshProjectRollups(
  database: Database,
  projectId: number,
  timeZone: string,
  now: Date,
): Promise<number> {
  const [row] = await database.query<{ first: Date | string | null }>(
    'select min(created_at) as first from tickets where project_id = $1',
    [projectId],
  );
  if (!row?.first) return 0;
  const first = startOfLocalDay(localDayOf(new Date(row.first), timeZone), timeZone);
  const end = startOfLocalDay(settledBefore(now, timeZone), timeZone);
  const days = fullDaysWithin(first, end, timeZone);
  const { months } = splitMonths(days);
  return (
    (await ensureDays(database, projectId, timeZone, days, now)) +
    (await ensureMonths(database, projectId, timeZone, months, now))
  );
}
