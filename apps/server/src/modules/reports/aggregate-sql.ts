import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { BUCKET_SQL } from './rules/histogram';
import type { HistogramCells } from './schema';

/** The report's figures for one (day,) type and category, before percentiles. */
export interface AggregateRow {
  day: string;
  type: string;
  category: string;
  total: number;
  met: number;
  breached: number;
  open: number;
  callbacksDue: number;
  callbacksOnTime: number;
  scoreSum: number;
  scoreCount: number;
  satisfied: number;
  rated: number;
  arrive: HistogramCells;
  fix: HistogramCells;
}

const num = (v: unknown) => Number(v ?? 0);
const cells = (v: unknown): HistogramCells =>
  ((v as unknown[][] | null) ?? []).map((c) => [num(c[0]), num(c[1]), num(c[2])]);

/**
 * SLA compliance of the tickets created in `ranges` (instants, [from, to)), per type × category (the
 * second level of the tree), and per local day of creation when `byDay` (the rollup): counts, callback
 * figures and duration histograms of the stopped arrive/fix clocks (business minutes, pauses excluded).
 * The clocks and callbacks are read by ticket id between the range's lowest and highest id — tickets
 * are numbered as they come, so that is the range's slice of those tables, not all of them.
 */
export async function aggregate(
  db: DbOrTx,
  projectId: number,
  timeZone: string,
  ranges: readonly (readonly [Date, Date])[],
  byDay: boolean,
): Promise<AggregateRow[]> {
  // One range at a time: the id bounds of two ranges a year apart would take in the year between.
  // Rows of different ranges may repeat a type and category; the caller merges them (mergeRows).
  const rows: AggregateRow[] = [];
  for (const range of ranges) rows.push(...(await aggregateRange(db, projectId, timeZone, range, byDay)));
  return rows;
}

async function aggregateRange(
  db: DbOrTx,
  projectId: number,
  timeZone: string,
  [from, to]: readonly [Date, Date],
  byDay: boolean,
): Promise<AggregateRow[]> {
  const within = sql`t.created_at >= ${from} and t.created_at < ${to}`;
  const day: SQL = byDay ? sql`to_char(t.created_at at time zone ${timeZone}, 'YYYY-MM-DD')` : sql`''`;
  const ids = sql`between (select min(id) from t) and (select max(id) from t)`;
  const result = (await db.execute(sql`
    with t as materialized (
      select t.id, t.type, t.status, ${day} as day, coalesce(c2.name, c.name, '未分类') as category
        from tickets t
        left join ticket_categories c on c.id = t.category_id
        left join ticket_categories c2 on c2.id = c.path_ids[2]
       where t.project_id = ${projectId} and (${within})
    ),
    kc as materialized (
      select k.ticket_id, k.kind, k.state, k.elapsed_minutes, k.stopped_at
        from sla_clocks k where k.ticket_id ${ids} and k.state <> 'cancelled'
    ),
    k as (
      select ticket_id, bool_or(state = 'breached') as breached, bool_and(state = 'met') as all_met
        from kc group by ticket_id
    ),
    base as (
      select t.day, t.type, t.category, count(*) as total,
             count(*) filter (where k.all_met) as met,
             count(*) filter (where k.breached) as breached,
             count(*) filter (where t.status not in ('已关闭', '已取消')) as open
        from t left join k on k.ticket_id = t.id
       group by 1, 2, 3
    ),
    dur as (
      select t.day, t.type, t.category, kc.kind, ${sql.raw(BUCKET_SQL('kc.elapsed_minutes'))} as bucket,
             count(*) as n, sum(kc.elapsed_minutes) as s
        from kc join t on t.id = kc.ticket_id
       where kc.kind in ('arrive', 'resolve') and kc.stopped_at is not null and kc.state in ('met', 'breached')
       group by 1, 2, 3, 4, 5
    ),
    hist as (
      select day, type, category,
             json_agg(json_build_array(bucket, n, s)) filter (where kind = 'arrive') as arrive,
             json_agg(json_build_array(bucket, n, s)) filter (where kind = 'resolve') as fix
        from dur group by 1, 2, 3
    ),
    cb as (
      select t.day, t.type, t.category,
             count(*) as callbacks_due,
             count(*) filter (where b.completed_at is not null and b.completed_at <= b.due_at) as callbacks_on_time,
             coalesce(sum(b.score_overall), 0) as score_sum, count(b.score_overall) as score_count,
             count(*) filter (where b.satisfied) as satisfied,
             count(*) filter (where b.satisfied is not null) as rated
        from callbacks b join t on t.id = b.ticket_id
       where b.ticket_id ${ids} and b.status <> '已取消'
       group by 1, 2, 3
    )
    select base.*, hist.arrive, hist.fix, cb.callbacks_due, cb.callbacks_on_time, cb.score_sum, cb.score_count,
           cb.satisfied, cb.rated
      from base
      left join hist on hist.day = base.day and hist.type = base.type and hist.category = base.category
      left join cb on cb.day = base.day and cb.type = base.type and cb.category = base.category`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  return result.rows.map((r) => ({
    day: String(r.day),
    type: String(r.type),
    category: String(r.category),
    total: num(r.total),
    met: num(r.met),
    breached: num(r.breached),
    open: num(r.open),
    callbacksDue: num(r.callbacks_due),
    callbacksOnTime: num(r.callbacks_on_time),
    scoreSum: num(r.score_sum),
    scoreCount: num(r.score_count),
    satisfied: num(r.satisfied),
    rated: num(r.rated),
    arrive: cells(r.arrive),
    fix: cells(r.fix),
  }));
}
