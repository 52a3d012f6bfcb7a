import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';

interface Row {
  type: string;
  category: string;
  total: string | number;
  met: string | number;
  breached: string | number;
  open: string | number;
  arrive_median: number | null;
  arrive_p90: number | null;
  fix_median: number | null;
  fix_p90: number | null;
  callbacks_due: string | number;
  callbacks_on_time: string | number;
  satisfaction_avg: number | null;
  satisfied: string | number;
  rated: string | number;
}

const n = (v: string | number | null) => (v === null ? null : Number(v));
const r1 = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

/**
 * SLA compliance per type × category (the second level of the tree) for tickets created in [from, to),
 * computed in SQL over the stored clocks: durations are business minutes with pauses excluded.
 */
export async function slaReport(db: Db, projectId: number, from: Date, to: Date) {
  const result = (await db.execute(sql`
    with t as (
      select t.id, t.type, t.status, coalesce(c2.name, c.name, '未分类') as category
        from tickets t
        left join ticket_categories c on c.id = t.category_id
        left join ticket_categories c2 on c2.id = c.path_ids[2]
       where t.project_id = ${projectId} and t.created_at >= ${from} and t.created_at < ${to}
    ),
    k as (
      select k.ticket_id, bool_or(k.state = 'breached') as breached, bool_and(k.state = 'met') as all_met
        from sla_clocks k join t on t.id = k.ticket_id
       where k.state <> 'cancelled'
       group by k.ticket_id
    ),
    base as (
      select t.type, t.category, count(*) as total,
             count(*) filter (where k.all_met) as met,
             count(*) filter (where k.breached) as breached,
             count(*) filter (where t.status not in ('已关闭', '已取消')) as open
        from t left join k on k.ticket_id = t.id
       group by t.type, t.category
    ),
    durations as (
      select t.type, t.category,
             percentile_cont(0.5) within group (order by k.elapsed_minutes) filter (where k.kind = 'arrive') as arrive_median,
             percentile_cont(0.9) within group (order by k.elapsed_minutes) filter (where k.kind = 'arrive') as arrive_p90,
             percentile_cont(0.5) within group (order by k.elapsed_minutes) filter (where k.kind = 'resolve') as fix_median,
             percentile_cont(0.9) within group (order by k.elapsed_minutes) filter (where k.kind = 'resolve') as fix_p90
        from sla_clocks k join t on t.id = k.ticket_id
       where k.kind in ('arrive', 'resolve') and k.stopped_at is not null and k.state in ('met', 'breached')
       group by t.type, t.category
    ),
    cb as (
      select t.type, t.category,
             count(*) as callbacks_due,
             count(*) filter (where b.completed_at is not null and b.completed_at <= b.due_at) as callbacks_on_time,
             avg(b.score_overall) as satisfaction_avg,
             count(*) filter (where b.satisfied) as satisfied,
             count(*) filter (where b.satisfied is not null) as rated
        from callbacks b join t on t.id = b.ticket_id
       where b.status <> '已取消'
       group by t.type, t.category
    )
    select base.*, d.arrive_median, d.arrive_p90, d.fix_median, d.fix_p90,
           coalesce(cb.callbacks_due, 0) as callbacks_due, coalesce(cb.callbacks_on_time, 0) as callbacks_on_time,
           cb.satisfaction_avg, coalesce(cb.satisfied, 0) as satisfied, coalesce(cb.rated, 0) as rated
      from base
      left join durations d on d.type = base.type and d.category = base.category
      left join cb on cb.type = base.type and cb.category = base.category
     order by base.type, base.category`)) as unknown as { rows: Row[] };
  return result.rows.map((r) => {
    const due = Number(r.callbacks_due);
    const rated = Number(r.rated);
    return {
      type: r.type,
      category: r.category,
      total: Number(r.total),
      met: Number(r.met),
      breached: Number(r.breached),
      open: Number(r.open),
      arriveMinutes: { median: r1(n(r.arrive_median)), p90: r1(n(r.arrive_p90)) },
      fixMinutes: { median: r1(n(r.fix_median)), p90: r1(n(r.fix_p90)) },
      callbacks: {
        due,
        onTime: Number(r.callbacks_on_time),
        onTimeRate: due ? Number(r.callbacks_on_time) / due : null,
      },
      satisfaction: {
        average: r1(n(r.satisfaction_avg)),
        satisfiedRate: rated ? Number(r.satisfied) / rated : null,
      },
    };
  });
}
