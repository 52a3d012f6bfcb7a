// Ticket list and SLA report at scale: GET /api/tickets with the console's filters and GET /api/reports/sla
// through the real HTTP stack (buildApp + inject, session auth, zod, presenters) on the 压测小区 with
// millions of tickets (seed:large --tickets), beside `select 1` and an authenticated no-op request
// measured in the same run. Prints p50/p95/p99 per query, asserts nothing.
//
// PostgreSQL: a scratch database from TEST_DATABASE_URL is seeded (≈10 minutes for 2,000,000 tickets),
// or BENCH_TICKETS_URL names a database seeded before (`DATABASE_URL=… npm run seed:large -- --tickets
// 2000000`); it is migrated and topped up, never dropped. PGlite: in memory, 200,000 tickets by default.
//
//   BENCH_ENGINES=postgres,pglite   BENCH_TICKETS=2000000   BENCH_TICKETS_PGLITE=200000
//   BENCH_RUNS=60 (requests per query)   BENCH_TICKETS_URL=postgres://…/h7_big
import type { Database } from '../apps/server/src/platform/db/client';
import type { App } from '../apps/server/src/platform/http/app-types';
import { type LargeSizes, largeApp, onEachEngine } from './lib/large-database';
import { ms, summarize, table, verdict } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const LIST_P95_MS = 50;
const REPORT_MS = 300;

interface Row {
  engine: string;
  name: string;
  p50: number;
  p95: number;
  p99: number;
  target: number | null;
  note: string;
}

async function login(app: App, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}

async function sample(runs: number, fn: () => Promise<void>) {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

async function measure(engine: string, database: Database, sizes: LargeSizes): Promise<Row[]> {
  const { app } = await largeApp(database, sizes);
  // The 压测小区's project manager: every list filter and the report, scoped to the project.
  const admin = await login(app, 'yc_pm', 'demo1234');
  const get = async (token: string, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json() as Record<string, unknown>;
  };
  const [project] = await database.query<{ id: string | number }>(
    "select id from projects where code = 'YCXQ'",
  );
  const projectId = Number(project?.id);
  const [tech] = await database.query<{ id: string | number }>(
    "select id from users where username = 'yc_tech_1'",
  );
  const [water] = await database.query<{ id: string | number }>(
    "select id from ticket_categories where level = 2 and path_names = '户内/水'",
  );
  const [someone] = await database.query<{ name: string; phone: string; number: string }>(
    `select contact_name as name, right(contact_phone, 4) as phone, number from tickets
      where project_id = $1 and resident_id is not null order by id desc offset 5000 limit 1`,
    [projectId],
  );
  const end = new Date();
  const iso = (d: Date) => encodeURIComponent(d.toISOString());
  const daysAgo = (n: number) => new Date(end.getTime() - n * 86_400_000);
  const texts = [someone?.name ?? '王', someone?.phone ?? '8659', someone?.number ?? 'BX-', '水管爆裂'];
  let textTurn = 0;
  const lists: [string, () => string][] = [
    ['list: no filter, page 1', () => '/api/tickets?page=1&pageSize=20'],
    [
      'list: status + project',
      () => `/api/tickets?projectId=${projectId}&status=${encodeURIComponent('处理中')}`,
    ],
    ['list: sla=breached', () => `/api/tickets?projectId=${projectId}&sla=breached`],
    ['list: assignee (technician)', () => `/api/tickets?assigneeId=${tech?.id}`],
    ['list: category (户内/水)', () => `/api/tickets?projectId=${projectId}&categoryId=${water?.id}`],
    [
      'list: text search',
      () => `/api/tickets?q=${encodeURIComponent(texts[textTurn++ % texts.length] ?? '')}`,
    ],
    [
      'list: date range (a week)',
      () => `/api/tickets?projectId=${projectId}&from=${iso(daysAgo(200))}&to=${iso(daysAgo(193))}`,
    ],
    ['list: page 50', () => `/api/tickets?projectId=${projectId}&page=50&pageSize=20`],
  ];
  const rows: Row[] = [];
  const selectOne = await sample(RUNS * 3, async () => {
    await database.query('select 1');
  });
  rows.push({ engine, name: 'baseline: select 1', ...selectOne, target: null, note: '' });
  const me = await sample(RUNS * 3, async () => {
    await get(admin, '/api/auth/me');
  });
  rows.push({ engine, name: 'baseline: GET /api/auth/me', ...me, target: null, note: '' });
  for (const [name, url] of lists) {
    let total = 0;
    let capped = false;
    const s = await sample(RUNS, async () => {
      const body = await get(admin, url());
      total = Number(body.total);
      capped = body.totalCapped === true;
    });
    rows.push({
      engine,
      name,
      ...s,
      target: LIST_P95_MS,
      note: `${total.toLocaleString('en-US')}${capped ? '+' : ''} rows`,
    });
  }
  for (const [name, from] of [
    ['report: SLA, a month', daysAgo(30)],
    ['report: SLA, a year', daysAgo(365)],
  ] as const) {
    let total = 0;
    const s = await sample(Math.max(5, Math.floor(RUNS / 4)), async () => {
      const body = await get(
        admin,
        `/api/reports/sla?projectId=${projectId}&from=${iso(from)}&to=${iso(end)}`,
      );
      total = Number((body.totals as { total: number }).total);
    });
    rows.push({ engine, name, ...s, target: REPORT_MS, note: `${total.toLocaleString('en-US')} tickets` });
  }
  await app.close();
  return rows;
}

async function main() {
  const rows = await onEachEngine(
    {
      postgres: { tickets: Number(process.env.BENCH_TICKETS ?? 2_000_000), residents: 200_000 },
      pglite: { tickets: Number(process.env.BENCH_TICKETS_PGLITE ?? 200_000), residents: 20_000 },
    },
    measure,
  );
  console.log(`\n== Tickets at scale (${RUNS} requests per list query, as the 压测小区 project manager)`);
  table([
    ['engine', 'query', 'p50 ms', 'p95 ms', 'p99 ms', 'target', '', 'matches'],
    ...rows.map((r) => [
      r.engine,
      r.name,
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      r.target === null ? '' : `${r.name.startsWith('report') ? 'all' : 'p95'} ≤ ${r.target}`,
      r.target === null ? '' : verdict((r.name.startsWith('report') ? r.p99 : r.p95) <= r.target),
      r.note,
    ]),
  ]);
}

await main();
