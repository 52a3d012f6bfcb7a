// The arrears report (GET /api/arrears: aging buckets, 收费率, buildings, the first page of owing units)
// at 200,000 units × 24 months of bills (4.8 million rows, ~8 % of units owing), written set-based with
// generate_series. Prints p50/p95 beside a baseline measured in the same run on the same table (a plain
// count of the project's bills). Asserts nothing.
//
//   BENCH_ENGINES=postgres[,pglite]   BENCH_UNITS=200000   BENCH_UNITS_PGLITE=20000   BENCH_RUNS=30

import { arrearsReport } from '../../apps/server/src/modules/billing/arrears-queries';
import { billingReport } from '../../apps/server/src/modules/billing/billing-reports';
import type { AuthContext } from '../../apps/server/src/platform/auth/context';
import type { Database } from '../../apps/server/src/platform/db/client';
import { migrate } from '../../apps/server/src/platform/db/migrate';
import { onEachEngine } from '../lib/engines';
import { ms, seconds, summarize, table, time, verdict } from '../lib/stats';

const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres').split(',').map((e) => e.trim());
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_P95_MS = 500;
const MONTHS = 24;
const NOW = new Date('2026-12-06T10:00:00+08:00');

async function build(database: Database, units: number) {
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  const [company] = await database.query<{ id: string }>(
    "insert into companies (name, code) values ('压测物业', 'bench-billing') returning id",
  );
  const [project] = await database.query<{ id: string }>(
    "insert into projects (company_id, code, name) values ($1, 'QFXQ', '欠费压测小区') returning id",
    [company!.id],
  );
  const p = Number(project!.id);
  await q(
    `insert into buildings (project_id, code, name, sort_order)
     select $1, g::text, g || '号楼', g from generate_series(1, 200) g`,
    [p],
  );
  await q(
    `insert into units (project_id, building_id, room, label, status)
     select $1, b.id, g::text, b.code || '-' || g, '已入住'
       from generate_series(1, $2::int) g
       join buildings b on b.project_id = $1 and b.code = (((g - 1) % 200) + 1)::text`,
    [p, units],
  );
  // 24 months to 2026-12; ~8 % of units (id % 25 < 2) stopped paying 1–24 months ago; everybody else paid.
  await q(
    `insert into bills (company_id, project_id, building_id, unit_id, period, due_date, billed_amount, paid_amount)
     select $1, $2, u.building_id, u.id, to_char(m, 'YYYY-MM'), (m + interval '1 month' - interval '1 day')::date,
            25000,
            case when u.id % 25 < 2 and m >= date '2026-12-01' - ((u.id % ${MONTHS}) || ' months')::interval then 0
                 when m = date '2026-12-01' and u.id % 3 = 0 then 0
                 else 25000 end
       from units u cross join generate_series(date '2025-01-01', date '2026-12-01', interval '1 month') m
      where u.project_id = $2`,
    [company!.id, p],
  );
  await q('analyze bills');
  return { projectId: p, companyId: Number(company!.id) };
}

async function measure(engine: 'postgres' | 'pglite', database: Database) {
  const units = Number(
    engine === 'pglite' ? (process.env.BENCH_UNITS_PGLITE ?? 20_000) : (process.env.BENCH_UNITS ?? 200_000),
  );
  await migrate(database);
  const [{ projectId, companyId }, buildMs] = await time(() => build(database, units));
  const [count] = await database.query<{ n: string }>('select count(*) as n from bills');
  const n = count?.n ?? '0';
  const auth: AuthContext = {
    userId: 0,
    companyId,
    username: 'bench',
    displayName: 'bench',
    locale: 'zh-CN',
    permissions: new Set(),
    projectIds: [projectId],
    allProjects: true,
    sessionId: 0,
  };
  const { db } = database;
  const [building] = await database.query<{ id: string }>(
    'select id from buildings where project_id = $1 limit 1',
    [projectId],
  );
  const sample = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    return summarize(times);
  };
  const baseline = await sample(() =>
    database.query('select count(*) from bills where project_id = $1', [projectId]),
  );
  const project = await sample(() => arrearsReport(db, auth, { projectId, page: 1, pageSize: 20 }, NOW));
  const oneBuilding = await sample(() =>
    arrearsReport(db, auth, { projectId, buildingId: Number(building!.id), page: 1, pageSize: 20 }, NOW),
  );
  const page50 = await sample(() => arrearsReport(db, auth, { projectId, page: 50, pageSize: 20 }, NOW));
  const rate = await sample(() =>
    billingReport(db, auth, { projectId, kind: 'collection-rate', from: '2026-01', to: '2026-12' }, NOW),
  );
  const report = await arrearsReport(db, auth, { projectId, page: 1, pageSize: 20 }, NOW);
  console.log(
    `\n== ${engine}: ${units.toLocaleString()} units × ${MONTHS} months = ${Number(n).toLocaleString()} bills (built in ${seconds(buildMs)}); ${report.owingUnits.toLocaleString()} units owing`,
  );
  table([
    ['query', 'p50', 'p95', 'target', ''],
    ['baseline: count(*) of the project’s bills', ms(baseline.p50), ms(baseline.p95), '', ''],
    [
      'GET /api/arrears (project, page 1)',
      ms(project.p50),
      ms(project.p95),
      ms(TARGET_P95_MS),
      verdict(project.p95 <= TARGET_P95_MS),
    ],
    [
      'GET /api/arrears (one building)',
      ms(oneBuilding.p50),
      ms(oneBuilding.p95),
      ms(TARGET_P95_MS),
      verdict(oneBuilding.p95 <= TARGET_P95_MS),
    ],
    [
      'GET /api/arrears (page 50)',
      ms(page50.p50),
      ms(page50.p95),
      ms(TARGET_P95_MS),
      verdict(page50.p95 <= TARGET_P95_MS),
    ],
    ['收费率 report, 12 months × buildings', ms(rate.p50), ms(rate.p95), '', ''],
  ]);
}

await onEachEngine(ENGINES, measure);
