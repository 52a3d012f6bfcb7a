// Every analytics dashboard (GET /api/analytics/:dashboard: all its cards and series) over the console's
// default 30-day window and the service dashboard over 12 months, at BENCH_TICKETS tickets spread over
// 24 months and BENCH_ESTATES estates of one company, the first measured (with an SLA clock, a callback,
// a work order and a call each), written set-based with
// generate_series, then vacuumed. Prints p50/p95 beside a baseline measured in the same run on the same
// table (a plain count of the project's tickets), the rollup's build time, and the size used. Asserts
// nothing.
//
//   BENCH_ENGINES=postgres[,pglite]  BENCH_TICKETS=2000000  BENCH_TICKETS_PGLITE=200000  BENCH_ESTATES=1
//   BENCH_RUNS=20

import '../../apps/server/src/modules/analytics/dashboards';
import { cardValue, computeDashboard, computeSeries } from '../../apps/server/src/modules/analytics/compute';
import { allDashboards, type KpiContext } from '../../apps/server/src/modules/analytics/registry';
import { refreshAnalyticsRollup } from '../../apps/server/src/modules/analytics/rollup';
import type { Database } from '../../apps/server/src/platform/db/client';
import { migrate } from '../../apps/server/src/platform/db/migrate';
import { onEachEngine } from '../lib/engines';
import { median, ms, seconds, summarize, table, time, verdict } from '../lib/stats';

const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const ESTATES = Number(process.env.BENCH_ESTATES ?? 1);
const NOW = new Date('2026-12-06T10:00:00+08:00');
const TZ = 'Asia/Shanghai';

/** One estate of the company with its tickets spread over 24 months; answers its id. */
async function buildEstate(database: Database, c: number, code: string, tickets: number) {
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  const [project] = await database.query<{ id: string }>(
    "insert into projects (company_id, code, name) values ($1, $2, '分析压测小区' || $2) returning id",
    [c, code],
  );
  const p = Number(project!.id);
  await q(
    `insert into buildings (project_id, code, name, sort_order) select $1, g::text, g || '号楼', g from generate_series(1, 40) g`,
    [p],
  );
  await q(
    `insert into units (project_id, building_id, room, label, status)
     select $1, b.id, g::text, b.code || '-' || g, '已入住' from generate_series(1, 8000) g
       join buildings b on b.project_id = $1 and b.code = (((g - 1) % 40) + 1)::text`,
    [p],
  );
  const [span] = await database.query<{ s: number }>(
    "select extract(epoch from ($1::timestamptz - ($1::timestamptz - interval '24 months'))) as s",
    [NOW],
  );
  // Evenly over 24 months, ids in time order (as tickets are numbered as they come).
  await q(
    `insert into tickets (company_id, project_id, number, type, channel, status, priority, title, description,
                          unit_id, reopen_count, created_at, resolved_at, closed_at)
     select $1, $2, 'B' || g, (array['报修','报修','报修','投诉','咨询','建议'])[1 + g % 6],
            (array['phone','phone','portal','app','walk-in','voicemail'])[1 + (g / 7) % 6],
            case when g % 50 = 0 then '处理中' else '已关闭' end, '一般', 't', 'd',
            (select min(id) from units where project_id = $2) + g % 8000, case when g % 40 = 0 then 1 else 0 end,
            $3::timestamptz - interval '24 months' + (g * ($5::float / $4)) * interval '1 second',
            case when g % 50 = 0 then null else $3::timestamptz - interval '24 months' + (g * ($5::float / $4) + 7200) * interval '1 second' end,
            case when g % 50 = 0 then null else $3::timestamptz - interval '24 months' + (g * ($5::float / $4) + 9000) * interval '1 second' end
       from generate_series(1, $4::int) g`,
    [c, p, NOW, tickets, Number(span!.s)],
  );
  await q(
    `insert into sla_clocks (ticket_id, project_id, ticket_created_at, subject, kind, policy_id, calendar, target_minutes,
                             started_at, due_at, stopped_at, elapsed_minutes, state)
     select t.id, t.project_id, t.created_at, 'ticket', k.kind, 1, '{}'::jsonb, 60, t.created_at, t.created_at + interval '1 hour',
            t.resolved_at, 100, case when t.resolved_at is null then 'running' when t.id % 9 = 0 then 'breached' else 'met' end
       from tickets t cross join (values ('arrive'), ('resolve')) k(kind) where t.project_id = $1`,
    [p],
  );
  await q(
    `insert into callbacks (company_id, project_id, ticket_id, ticket_created_at, round, status, due_at, satisfied,
                            score_overall, completed_at)
     select $1, $2, t.id, t.created_at, 1, '已完成', t.closed_at + interval '2 days', t.id % 11 <> 0, 3 + t.id % 3, t.closed_at + interval '1 day'
       from tickets t where t.project_id = $2 and t.closed_at is not null and t.type = '报修'`,
    [c, p],
  );
  await q(
    `insert into work_orders (company_id, project_id, ticket_id, number, status, dispatch_mode, priority, description,
                              dispatched_at, completed_at, resolve_due_at)
     select $1, $2, t.id, 'W' || t.id, '已完成', 'assign', '一般', 'd', t.created_at + interval '10 minutes', t.resolved_at,
            t.created_at + interval '3 hours'
       from tickets t where t.project_id = $2 and t.type = '报修' and t.resolved_at is not null`,
    [c, p],
  );
  await q(
    `insert into calls (company_id, project_id, external_id, direction, state, from_number, to_number, started_at,
                        answered_at, ended_at, wait_seconds, talk_seconds)
     select $1, $2, 'c' || t.id, 'in', 'ended', '13800000000', '4008000000', t.created_at - interval '2 minutes',
            case when t.id % 13 = 0 then null else t.created_at - interval '2 minutes' + (t.id % 20) * interval '1 second' end,
            t.created_at, t.id % 20, 90
       from tickets t where t.project_id = $2 and t.channel = 'phone'`,
    [c, p],
  );
  return p;
}

/**
 * The company and its estates: the first estate, the one measured, and the others share the tickets
 * evenly. BENCH_ESTATES=1 puts every ticket in the measured estate, the worst case a dashboard can meet.
 */
async function build(database: Database, tickets: number, estates: number) {
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  const [company] = await database.query<{ id: string }>(
    "insert into companies (name, code) values ('压测物业', 'bench-analytics') returning id",
  );
  const c = Number(company!.id);
  const ids: number[] = [];
  for (let i = 0; i < estates; i++)
    ids.push(await buildEstate(database, c, `FX${i + 1}`, Math.round(tickets / estates)));
  // As autovacuum leaves a table some time after a bulk load: statistics, and the visibility map that
  // lets the dashboards' counts read their indexes alone.
  for (const table of ['tickets', 'sla_clocks', 'callbacks', 'work_orders', 'calls'])
    await q(`vacuum analyze ${table}`);
  return { projectId: ids[0]!, companyId: c };
}

async function measure(engine: 'postgres' | 'pglite', database: Database) {
  const n = Number(
    engine === 'pglite'
      ? (process.env.BENCH_TICKETS_PGLITE ?? 200_000)
      : (process.env.BENCH_TICKETS ?? 2_000_000),
  );
  const target = engine === 'pglite' ? 1000 : 300;
  await migrate(database);
  const [{ projectId, companyId }, buildMs] = await time(() => build(database, n, ESTATES));
  const [, rollupMs] = await time(() => refreshAnalyticsRollup(database, projectId, TZ, NOW));
  const timed = async (fn: () => Promise<unknown>, runs: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    return times;
  };
  const sample = async (fn: () => Promise<unknown>) => {
    await timed(fn, 2); // warm-up
    return summarize(await timed(fn, RUNS));
  };
  // One formula's share of a dashboard that misses its target: a few runs are enough to rank them.
  const medianOf = async (fn: () => Promise<unknown>) => median(await timed(fn, 5));
  const ctx = (days: number): KpiContext => ({
    db: database.db,
    projectId,
    companyId,
    from: new Date(NOW.getTime() - days * 86_400_000),
    to: NOW,
    timeZone: TZ,
    now: NOW,
    params: { targetSeconds: 15 },
  });
  const baseline = await sample(() =>
    database.query('select count(*) from tickets where project_id = $1', [projectId]),
  );
  const rows: string[][] = [
    ['query', 'p50', 'p95', 'target', ''],
    ['baseline: count(*) of the project’s tickets', ms(baseline.p50), ms(baseline.p95), '', ''],
  ];
  const slow: string[][] = [['dashboard', 'card or series', 'median']];
  for (const def of allDashboards()) {
    const s = await sample(() => computeDashboard(ctx(30), def));
    rows.push([`${def.key} (30 days)`, ms(s.p50), ms(s.p95), ms(target), verdict(s.p95 <= target)]);
    if (s.p95 <= target) continue;
    // Where a missed target's time goes: its slowest formulas, each timed alone.
    const parts: [string, number][] = [];
    for (const card of def.cards) parts.push([card.key, await medianOf(() => cardValue(ctx(30), card))]);
    for (const series of def.series)
      parts.push([series.key, await medianOf(() => computeSeries(ctx(30), series))]);
    for (const [key, t] of parts.sort((a, b) => b[1] - a[1]).slice(0, 5)) slow.push([def.key, key, ms(t)]);
  }
  const service = allDashboards().find((d) => d.key === 'service');
  if (service) {
    const s = await sample(() => computeDashboard(ctx(365), service));
    rows.push(['service (12 months)', ms(s.p50), ms(s.p95), '', '']);
  }
  console.log(
    `\n== ${engine}: ${n.toLocaleString()} tickets over 24 months in ${ESTATES} estate(s), the first measured (built in ${seconds(buildMs)}; rollup of every day in ${seconds(rollupMs)})`,
  );
  table(rows);
  if (slow.length > 1) {
    console.log('slowest formulas of the dashboards over target:');
    table(slow);
  }
}

await onEachEngine(ENGINES, measure);
