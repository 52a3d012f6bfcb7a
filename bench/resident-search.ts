// Resident list/search bench: 200,000 residents (the seed:large 压测小区 next to the demo estate), queries
// through the real HTTP stack (buildApp + inject, session auth included), on the embedded engine and, when
// TEST_DATABASE_URL is set, on a scratch PostgreSQL database. Prints figures, asserts nothing.
//
//   BENCH_RESIDENTS=200000   size of the load-test project
//   BENCH_ITERATIONS=50      measured requests per query (after 5 warm-up requests)
//   BENCH_EXPLAIN=1          print EXPLAIN ANALYZE for every query, not only those over budget
//   BENCH_ENGINES=pglite,postgres   which engines to run (postgres also needs TEST_DATABASE_URL)
//   GUANJIA_BENCH_DATA_DIR   keep/reuse the embedded data dir (only dirs this bench created)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, desc } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { residentListQuery } from '../apps/server/src/modules/residents/inputs';
import { residentFilters } from '../apps/server/src/modules/residents/queries';
import { residents } from '../apps/server/src/modules/residents/schema';
import { resolveSession } from '../apps/server/src/platform/auth/sessions';
import { createMemoryBus } from '../apps/server/src/platform/bus/memory-bus';
import { systemClock } from '../apps/server/src/platform/clock/clock';
import { type Database, openDatabase } from '../apps/server/src/platform/db/client';
import { migrate } from '../apps/server/src/platform/db/migrate';
import type { App, Services } from '../apps/server/src/platform/http/app-types';
import { offsetOf } from '../apps/server/src/platform/http/pagination';
import { createLocalQueue } from '../apps/server/src/platform/jobs/local-queue';
import { seedLargeEstate } from '../apps/server/src/seed/large-estate';
import { LARGE, largeResident } from '../apps/server/src/seed/large-plan';
import { seedIfEmpty } from '../apps/server/src/seed/seed-if-empty';
import { createScratchPostgres } from '../apps/server/src/testing/test-database';
import { ms, ratio, seconds, summarize, table, time, verdict } from './lib/stats';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 200_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const WARMUP = 5;
const BUDGET_P95_MS = 50;
const ADMIN_PASSWORD = 'bench-admin-1';
const ENGINES = new Set((process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim()));

interface Case {
  label: string;
  query: string;
}

async function prepare(database: Database): Promise<Services> {
  const [, migrateMs] = await time(() => migrate(database));
  // No web console: the bench measures the API (and a built console would also register a 404 handler).
  const config = loadConfig({
    ...process.env,
    GUANJIA_WEB_DIST: path.join(os.tmpdir(), 'guanjia-bench-no-web'),
  });
  const services: Services = {
    config,
    database,
    clock: systemClock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, systemClock),
  };
  const [seeded, seedMs] = await time(() => seedIfEmpty(services, { adminPassword: ADMIN_PASSWORD }));
  const [large, largeMs] = await time(() =>
    seedLargeEstate(database, { residents: RESIDENTS, now: systemClock.now() }),
  );
  console.log(
    `Data: migrate ${seconds(migrateMs)}, demo estate ${seeded ? `${seconds(seedMs)} (${seeded.summary})` : 'already there'}, ` +
      `压测小区 ${large.residentsAdded ? `+${large.residentsAdded.toLocaleString('en-US')} residents in ${seconds(largeMs)} (${Math.round(large.rowsWritten / (largeMs / 1000)).toLocaleString('en-US')} rows/s)` : `already ${large.residentsBefore.toLocaleString('en-US')} residents`}.`,
  );
  return services;
}

async function inject(app: App, token: string, url: string): Promise<{ ms: number; total: number }> {
  const start = performance.now();
  const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const elapsed = performance.now() - start;
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return { ms: elapsed, total: (res.json() as { total?: number }).total ?? 0 };
}

/** Time n calls after a warm-up; slow cases stop after ~10 s once they have 10 samples. */
async function sample(fn: () => Promise<unknown>, n: number, maxMs = 10_000): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n && (i < 10 || performance.now() - started < maxMs); i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

async function benchEngine(label: string, database: Database): Promise<void> {
  console.log(`\n-- ${label}`);
  const services = await prepare(database);
  const app = await buildApp(services);
  await app.ready();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
    const token = (login.json() as { token: string }).token;
    const auth = await resolveSession(database.db, systemClock, token);
    if (!auth) throw new Error('no session');

    const [building] = await database.query<{ id: string | number }>(
      `select b.id from buildings b join projects p on p.id = b.project_id where p.code = $1 and b.code = '3'`,
      [LARGE.code],
    );
    const phone = largeResident(123_456).phones[0] ?? '';
    const cases: Case[] = [
      { label: 'no filter, page 1', query: '' },
      { label: "name prefix '王'", query: `q=${encodeURIComponent('王')}` },
      { label: "pinyin initials 'zw'", query: 'q=zw' },
      { label: "phone tail '5678'", query: 'q=5678' },
      { label: `full phone ${phone}`, query: `q=${phone}` },
      { label: "房号 '3-2-1201'", query: 'q=3-2-1201' },
      { label: `buildingId=${building?.id} (压测 3号楼)`, query: `buildingId=${building?.id}` },
      { label: 'no filter, page 50', query: 'page=50' },
    ];

    const select1 = summarize(await sample(() => database.query('select 1'), ITERATIONS * 2));
    const health = summarize(
      await sample(() => app.inject({ method: 'GET', url: '/api/health' }), ITERATIONS),
    );
    console.log(
      `Baseline: select 1 round trip p50 ${ms(select1.p50)} ms (p95 ${ms(select1.p95)}); GET /api/health through the stack p50 ${ms(health.p50)} ms.`,
    );
    console.log(
      `Each query: ${WARMUP} warm-up + ${ITERATIONS} measured requests as admin (all 3 projects in scope); times in ms.\n`,
    );

    const rows: string[][] = [
      [
        'query',
        'matches',
        'n',
        'p50',
        'p95',
        'p99',
        'max',
        'p50 vs select 1',
        'p95 ≤ 50',
        'sql: list',
        'count',
      ],
    ];
    const misses: {
      c: Case;
      sqlList: { sql: string; params: unknown[] };
      sqlCount: { sql: string; params: unknown[] };
    }[] = [];
    for (const c of cases) {
      const url = `/api/residents${c.query ? `?${c.query}` : ''}`;
      let total = 0;
      const samples = await sample(async () => {
        total = (await inject(app, token, url)).total;
      }, ITERATIONS);
      const s = summarize(samples);
      // The two statements behind the page, timed directly on the database to show which one costs.
      const q = residentListQuery.parse(Object.fromEntries(new URLSearchParams(c.query)));
      const where = residentFilters(auth, q);
      const sqlList = database.db
        .select()
        .from(residents)
        .where(where)
        .orderBy(desc(residents.id))
        .limit(q.pageSize)
        .offset(offsetOf(q))
        .toSQL();
      const sqlCount = database.db.select({ n: count() }).from(residents).where(where).toSQL();
      const listMs = summarize(await sample(() => database.query(sqlList.sql, sqlList.params), 10)).p50;
      const countMs = summarize(await sample(() => database.query(sqlCount.sql, sqlCount.params), 10)).p50;
      rows.push([
        c.label,
        total.toLocaleString('en-US'),
        String(s.n),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(s.max),
        ratio(s.p50, select1.p50),
        verdict(s.p95 <= BUDGET_P95_MS),
        ms(listMs),
        ms(countMs),
      ]);
      if (s.p95 > BUDGET_P95_MS || process.env.BENCH_EXPLAIN === '1') misses.push({ c, sqlList, sqlCount });
    }
    table(rows);

    for (const { c, sqlList, sqlCount } of misses) {
      console.log(`\n  EXPLAIN ANALYZE — ${c.label}`);
      for (const [what, stmt] of [
        ['list', sqlList],
        ['count', sqlCount],
      ] as const) {
        const plan = await database.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers, costs off) ${stmt.sql}`,
          stmt.params,
        );
        console.log(`    [${what}] ${stmt.sql.replace(/\s+/g, ' ').slice(0, 400)}`);
        for (const line of plan.map((p) => p['QUERY PLAN']).slice(0, 30)) console.log(`      ${line}`);
      }
    }
  } finally {
    await app.close();
  }
}

async function main() {
  console.log(
    `\n== Resident search — ${RESIDENTS.toLocaleString('en-US')} residents in 压测小区, node ${process.version}, ${os.cpus().length} CPUs, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  if (ENGINES.has('pglite')) {
    const keep = process.env.GUANJIA_BENCH_DATA_DIR;
    const dataDir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'guanjia-bench-search-'));
    const embedded = await openDatabase({ dataDir });
    try {
      await benchEngine(`embedded (PGlite, ${dataDir})`, embedded);
    } finally {
      await embedded.close();
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (!ENGINES.has('postgres')) return;
  if (process.env.TEST_DATABASE_URL) {
    const scratch = await createScratchPostgres();
    const pg = await openDatabase({ url: scratch.url, poolSize: 10 });
    try {
      await benchEngine('PostgreSQL (scratch database)', pg);
    } finally {
      await pg.close();
      await scratch.drop();
    }
  } else {
    console.log('\n(PostgreSQL run skipped: set TEST_DATABASE_URL to include it.)');
  }
}

await main();
