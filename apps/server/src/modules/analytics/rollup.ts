import { type SQL, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client';
import { fullDaysWithin, localDayOf, nextDay, rangesOf, startOfLocalDay } from '../reports/rules/days';
import type { KpiContext, SeriesRow } from './registry';

/** Days younger than this still change (late edits of channel/type): read live, never rolled up. */
export const SETTLE_DAYS = 2;
/** Each nightly run recomputes this many of the last rolled days too, catching late writes to them. */
const REDO_DAYS = 3;

export const ROLLUP_METRICS = ['intake.channel', 'intake.type', 'calls.inbound'] as const;
export type RollupMetric = (typeof ROLLUP_METRICS)[number];

/**
 * One metric's counts per local day and dimension over [from, to): the formula the rollup stores and
 * the live part of a chart reads — the same SQL, so a rolled-up day equals the raw count.
 */
function metricSql(metric: RollupMetric, projectId: number, timeZone: string, from: Date, to: Date): SQL {
  const day = (col: string) => sql`to_char(${sql.raw(col)} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  switch (metric) {
    case 'intake.channel':
      return sql`select ${day('created_at')} as day, channel as dim, count(*)::int as n from tickets
                  where project_id = ${projectId} and created_at >= ${from} and created_at < ${to} group by 1, 2`;
    case 'intake.type':
      return sql`select ${day('created_at')} as day, type as dim, count(*)::int as n from tickets
                  where project_id = ${projectId} and created_at >= ${from} and created_at < ${to} group by 1, 2`;
    case 'calls.inbound':
      return sql`select ${day('started_at')} as day,
                        case when answered_at is not null then 'answered'
                             when ended_at is not null then 'abandoned' else 'ringing' end as dim,
                        count(*)::int as n
                   from calls where project_id = ${projectId} and direction = 'in'
                    and started_at >= ${from} and started_at < ${to} group by 1, 2`;
  }
}

type Rows = { rows: { day: string; dim: string; n: number | string }[] };

export async function liveCounts(
  db: DbOrTx,
  metric: RollupMetric,
  projectId: number,
  timeZone: string,
  from: Date,
  to: Date,
) {
  if (!(from < to)) return [];
  const res = (await db.execute(metricSql(metric, projectId, timeZone, from, to))) as unknown as Rows;
  return res.rows.map((r) => ({ day: String(r.day), dim: String(r.dim), n: Number(r.n) }));
}

/** The last rolled-up day of a project (null before the first run). */
export async function rolledThrough(db: DbOrTx, projectId: number): Promise<string | null> {
  const res = (await db.execute(
    sql`select through::text as through from analytics_rollup_marks where project_id = ${projectId}`,
  )) as unknown as { rows: { through: string }[] };
  return res.rows[0]?.through ?? null;
}

/**
 * Recompute the rollup of a project for every settled day it lacks plus the last few it has, in one
 * transaction per project; answers the days written. Called nightly and after the demo/large seeds.
 */
export async function refreshAnalyticsRollup(
  database: Database,
  projectId: number,
  timeZone: string,
  now: Date,
): Promise<number> {
  const cutoff = startOfLocalDay(
    localDayOf(new Date(now.getTime() - (SETTLE_DAYS - 1) * 86_400_000), timeZone),
    timeZone,
  );
  const through = await rolledThrough(database.db, projectId);
  let from: Date;
  if (through) {
    from = startOfLocalDay(through, timeZone);
    from = new Date(from.getTime() - (REDO_DAYS - 1) * 86_400_000);
    from = startOfLocalDay(localDayOf(from, timeZone), timeZone);
  } else {
    const res = (await database.db.execute(sql`
      select least((select min(created_at) from tickets where project_id = ${projectId}),
                   (select min(started_at) from calls where project_id = ${projectId})) as first`)) as unknown as {
      rows: { first: Date | string | null }[];
    };
    const first = res.rows[0]?.first;
    if (!first) return 0;
    from = startOfLocalDay(localDayOf(new Date(first), timeZone), timeZone);
  }
  if (!(from < cutoff)) return 0;
  const days = fullDaysWithin(from, cutoff, timeZone);
  const last = days[days.length - 1];
  if (!last) return 0;
  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql`delete from analytics_day_counts where project_id = ${projectId} and day >= ${days[0]}::date`,
    );
    for (const metric of ROLLUP_METRICS) {
      // A year at a time: one grouping pass per chunk, inserted straight from the select.
      for (const [a, b] of chunks(from, cutoff)) {
        await tx.execute(sql`insert into analytics_day_counts (project_id, metric, day, dim, count)
          select ${projectId}, ${metric}, day::date, dim, n from (${metricSql(metric, projectId, timeZone, a, b)}) x`);
      }
    }
    await tx.execute(sql`insert into analytics_rollup_marks (project_id, through, computed_at)
      values (${projectId}, ${last}::date, ${now}) on conflict (project_id)
      do update set through = excluded.through, computed_at = excluded.computed_at`);
  });
  return days.length;
}

function chunks(from: Date, to: Date): [Date, Date][] {
  const out: [Date, Date][] = [];
  const step = 92 * 86_400_000;
  for (let a = from.getTime(); a < to.getTime(); a += step)
    out.push([new Date(a), new Date(Math.min(a + step, to.getTime()))]);
  return out;
}

/**
 * A metric per local day and dimension over the window: full days up to the last rolled-up day from
 * the rollup, the rest (edges, recent days) live. `collapse` sums over days (x = dimension).
 */
export async function dailyCounts(
  c: KpiContext,
  metric: RollupMetric,
  collapse = false,
): Promise<SeriesRow[]> {
  const through = await rolledThrough(c.db, c.projectId);
  const rolled = through ? fullDaysWithin(c.from, c.to, c.timeZone).filter((d) => d <= through) : [];
  const counts: { day: string; dim: string; n: number }[] = [];
  if (rolled.length) {
    const res = (await c.db.execute(sql`
      select day::text as day, dim, count as n from analytics_day_counts
       where project_id = ${c.projectId} and metric = ${metric}
         and day >= ${rolled[0]}::date and day <= ${rolled[rolled.length - 1]}::date`)) as unknown as Rows;
    counts.push(...res.rows.map((r) => ({ day: String(r.day), dim: String(r.dim), n: Number(r.n) })));
    const [range] = rangesOf(rolled, c.timeZone);
    const start = range?.[0] ?? c.from;
    const end = startOfLocalDay(nextDay(rolled[rolled.length - 1] as string), c.timeZone);
    counts.push(...(await liveCounts(c.db, metric, c.projectId, c.timeZone, c.from, start)));
    counts.push(...(await liveCounts(c.db, metric, c.projectId, c.timeZone, end, c.to)));
  } else counts.push(...(await liveCounts(c.db, metric, c.projectId, c.timeZone, c.from, c.to)));
  return counts.map((r) =>
    collapse ? { x: r.dim, name: '数量', value: r.n } : { x: r.day, name: r.dim, value: r.n },
  );
}
