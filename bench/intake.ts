// Intake bench: tickets created per second through the real HTTP stack (buildApp + inject: session auth,
// zod validation, numbering, work order, automatic dispatch, SLA clocks, events, timer jobs) beside the
// raw single-row INSERT rate of the same database measured in the same run, on PostgreSQL (scratch
// database from TEST_DATABASE_URL) and on the embedded engine. Prints figures and ratios, asserts nothing.
//
//   BENCH_SECONDS=5            measuring time per phase
//   BENCH_CONCURRENCY=8        requests / INSERTs in flight
//   BENCH_ENGINES=postgres,pglite
import { buildApp } from '../apps/server/src/app';
import { createMemoryBus } from '../apps/server/src/platform/bus/memory-bus';
import { systemClock } from '../apps/server/src/platform/clock/clock';
import { type Database, openDatabase } from '../apps/server/src/platform/db/client';
import { migrate } from '../apps/server/src/platform/db/migrate';
import type { App, Services } from '../apps/server/src/platform/http/app-types';
import { createLocalQueue } from '../apps/server/src/platform/jobs/local-queue';
import { seedFixture } from '../apps/server/src/testing/fixture';
import { createScratchPostgres } from '../apps/server/src/testing/test-database';
import { testConfig } from '../apps/server/src/testing/test-server';
import { registerWorkers } from '../apps/server/src/workers';
import { table } from './lib/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());
const PASSWORD = 'bench-pass-123';

interface Figures {
  engine: string;
  rawPerSecond: number;
  intakePerSecond: number;
  intakeP50: number;
  intakeP95: number;
}

/** Run `op` with `concurrency` workers for `seconds`; returns completions per second and latencies. */
async function saturate(seconds: number, concurrency: number, op: (i: number) => Promise<void>) {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  return { perSecond: latencies.length / elapsed, p50: pct(0.5), p95: pct(0.95) };
}

async function prepare(database: Database): Promise<{
  app: App;
  services: Services;
  token: string;
  projectId: number;
  unitId: number;
  categoryId: number;
}> {
  await migrate(database);
  const services: Services = {
    config: testConfig(),
    database,
    clock: systemClock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, systemClock),
  };
  registerWorkers(services);
  const fixture = await seedFixture(services, PASSWORD);
  const app = await buildApp(services);
  await app.ready();
  const login = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
    });
    return (res.json() as { token: string }).token;
  };
  const token = await login('agent_a');
  // Two plumbers on duty with a high cap, so every repair is dispatched automatically (the whole path).
  for (const [name, id] of [
    ['tech_a', fixture.users.tech_a],
    ['tech_a2', fixture.users.tech_a2],
  ] as const) {
    await app.inject({
      method: 'PUT',
      url: `/api/technicians/${id}/duty`,
      headers: { authorization: `Bearer ${await login(name)}` },
      payload: { onDuty: true },
    });
    await database.query('update technician_status set open_cap = 1000000 where user_id = $1', [id]);
  }
  const cats = await app.inject({
    method: 'GET',
    url: '/api/ticket-categories',
    headers: { authorization: `Bearer ${token}` },
  });
  const categoryId = (cats.json() as { items: { id: number; path: string }[] }).items.find(
    (c) => c.path === '户内/水/漏水',
  )!.id;
  return { app, services, token, projectId: fixture.projectA, unitId: fixture.unitsA[0]!, categoryId };
}

async function measure(engine: string, database: Database): Promise<Figures> {
  const { app, token, projectId, unitId, categoryId } = await prepare(database);
  // Raw: one autocommitted single-row INSERT into a table shaped like the tickets row, same concurrency.
  await database.query(`create table bench_raw (id bigint generated always as identity primary key, project_id bigint not null,
     number text not null, type text not null, status text not null, description text not null, created_at timestamptz not null)`);
  const run = Date.now();
  const raw = await saturate(SECONDS, CONCURRENCY, async (i) => {
    await database.query(
      'insert into bench_raw (project_id, number, type, status, description, created_at) values ($1, $2, $3, $4, $5, $6)',
      [projectId, `BX-${run}-${i}`, '报修', '处理中', '厨房水管漏水', new Date()],
    );
  });
  const headers = { authorization: `Bearer ${token}` };
  const intake = await saturate(SECONDS, CONCURRENCY, async (i) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { ...headers, 'idempotency-key': `bench-${run}-${i}` },
      payload: {
        projectId,
        type: '报修',
        priority: '急',
        unitId,
        categoryId,
        contactPhone: '13812345678',
        description: `厨房水管漏水 #${i}`,
      },
    });
    if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
  });
  await app.close();
  return {
    engine,
    rawPerSecond: raw.perSecond,
    intakePerSecond: intake.perSecond,
    intakeP50: intake.p50,
    intakeP95: intake.p95,
  };
}

async function main() {
  const results: Figures[] = [];
  for (const engine of ENGINES) {
    if (engine === 'postgres') {
      if (!process.env.TEST_DATABASE_URL) {
        console.log('postgres: skipped (set TEST_DATABASE_URL)');
        continue;
      }
      const scratch = await createScratchPostgres();
      const database = await openDatabase({ url: scratch.url, poolSize: CONCURRENCY + 2 });
      try {
        results.push(await measure('postgres', database));
      } finally {
        await database.close();
        await scratch.drop();
      }
    } else {
      const database = await openDatabase({ dataDir: 'memory://' });
      try {
        results.push(await measure('pglite', database));
      } finally {
        await database.close();
      }
    }
  }
  console.log(`\n== Intake (${SECONDS} s per phase, concurrency ${CONCURRENCY})`);
  const f = (x: number) => x.toFixed(0);
  table([
    ['engine', 'raw INSERT/s', 'intake/s', 'intake ÷ raw', 'intake p50 ms', 'intake p95 ms'],
    ...results.map((r) => [
      r.engine,
      f(r.rawPerSecond),
      f(r.intakePerSecond),
      `${((100 * r.intakePerSecond) / r.rawPerSecond).toFixed(1)} %`,
      r.intakeP50.toFixed(1),
      r.intakeP95.toFixed(1),
    ]),
  ]);
  const pg = results.find((r) => r.engine === 'postgres');
  const lite = results.find((r) => r.engine === 'pglite');
  if (pg)
    console.log(
      `PostgreSQL intake ÷ raw INSERT: ${((100 * pg.intakePerSecond) / pg.rawPerSecond).toFixed(1)} % (target ≥ 30 %)`,
    );
  if (pg && lite)
    console.log(
      `PGlite intake ÷ PostgreSQL intake: ${((100 * lite.intakePerSecond) / pg.intakePerSecond).toFixed(1)} % (target ≥ 25 %)`,
    );
}

await main();
