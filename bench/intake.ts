// Intake bench: tickets created per second through the real HTTP stack (buildApp + inject: session auth,
// zod validation, numbering, work order, automatic dispatch, SLA clocks, events, timer jobs) beside the
// raw single-row INSERT rate of the same database measured in the same run, on PostgreSQL (scratch
// database from TEST_DATABASE_URL) and on the embedded engine. Prints figures and ratios, asserts nothing.
//
// Fairness: both sides run at the same concurrency on the same connection pool, and the phases
// alternate (raw, intake, raw, intake …) so a machine whose load changes during the run affects both.
// "raw" is an autocommitted single-row INSERT into a copy of the tickets table (same columns, defaults
// and indexes, trigram index included); the rate into a bare 7-column table is printed too.
//
//   BENCH_SECONDS=6            measuring time per side (split over BENCH_ROUNDS alternations)
//   BENCH_ROUNDS=3
//   BENCH_CONCURRENCY=8        requests / INSERTs in flight
//   BENCH_ENGINES=postgres,pglite
//   BENCH_NO_DISPATCH=1        diagnostic: intakes leave the order in the pool (with BENCH_NO_DUTY=1), so the
//                              figure is the intake path without its dispatch transaction
import { type Database, openDatabase } from '../apps/server/src/platform/db/client';
import { createScratchPostgres } from '../apps/server/src/testing/test-database';
import { prepareIntake } from './lib/intake-setup';
import { table } from './lib/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());

interface Figures {
  engine: string;
  barePerSecond: number;
  rawPerSecond: number;
  intakePerSecond: number;
  intakeP50: number;
  intakeP95: number;
}

interface Tally {
  done: number;
  ms: number;
  latencies: number[];
}
const tally = (): Tally => ({ done: 0, ms: 0, latencies: [] });
/** Unique per operation across phases (idempotency keys, numbers). */
let seq = 0;

/** Run `op` with `concurrency` workers for `seconds`, adding completions, time and latencies to `into`. */
async function saturate(into: Tally, seconds: number, concurrency: number, op: (i: number) => Promise<void>) {
  const until = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await op(seq++);
        into.latencies.push(performance.now() - t0);
      }
    }),
  );
  into.ms += performance.now() - start;
  into.done = into.latencies.length;
}

const perSecond = (t: Tally) => (1000 * t.done) / t.ms;
function pct(t: Tally, p: number) {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

async function measure(engine: string, database: Database): Promise<Figures> {
  const { app, token, projectId, unitId, categoryId } = await prepareIntake(database);
  await database.query(`create table bench_bare (id bigint generated always as identity primary key, project_id bigint not null,
     number text not null, type text not null, status text not null, description text not null, created_at timestamptz not null)`);
  await database.query('create table bench_raw (like tickets including all)');
  const run = Date.now();
  const bare = tally();
  const raw = tally();
  const intake = tally();
  const slice = SECONDS / ROUNDS;
  const rawInsert = async (i: number) => {
    const number = `BX-${run}-${i}`;
    const description = `厨房水管漏水 #${i}`;
    const now = new Date();
    await database.query(
      `insert into bench_raw (company_id, project_id, number, type, channel, status, priority, unit_id, contact_phone,
         category_id, title, description, owner_id, created_by_id, accepted_at, sla_due_at, sla_next_at, search_text,
         idempotency_key, created_at, updated_at)
       values (1, $1, $2, '报修', 'phone', '处理中', '急', $3, '13812345678', $4, '水·漏水', $5, 1, 1, $6, $6, $6, $7, $8, $6, $6)`,
      [
        projectId,
        number,
        unitId,
        categoryId,
        description,
        now,
        `${number} 13812345678 1-101 水·漏水 ${description}`,
        number,
      ],
    );
  };
  const headers = { authorization: `Bearer ${token}` };
  const post = async (i: number) => {
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
        ...(process.env.BENCH_NO_DISPATCH === '1' ? { workOrder: { autoDispatch: false } } : {}),
      },
    });
    if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
  };
  // Warm up both paths (JIT, caches, connections) before measuring.
  await saturate(tally(), 0.5, CONCURRENCY, rawInsert);
  await saturate(tally(), 0.5, CONCURRENCY, post);
  for (let r = 0; r < ROUNDS; r++) {
    await saturate(bare, slice / 3, CONCURRENCY, async (i) => {
      await database.query(
        'insert into bench_bare (project_id, number, type, status, description, created_at) values ($1, $2, $3, $4, $5, $6)',
        [projectId, `BX-${run}-${i}`, '报修', '处理中', '厨房水管漏水', new Date()],
      );
    });
    await saturate(raw, slice, CONCURRENCY, rawInsert);
    await saturate(intake, slice, CONCURRENCY, post);
  }
  const [dispatched] = await database.query<{ n: string | number }>(
    "select count(*) as n from work_orders where status = '已派单'",
  );
  if (process.env.BENCH_NO_DUTY !== '1' && Number(dispatched?.n) < intake.done)
    throw new Error(`only ${dispatched?.n} of ${intake.done} dispatched`);
  await app.close();
  return {
    engine,
    barePerSecond: perSecond(bare),
    rawPerSecond: perSecond(raw),
    intakePerSecond: perSecond(intake),
    intakeP50: pct(intake, 0.5),
    intakeP95: pct(intake, 0.95),
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
      // One connection per request in flight, plus room for the bench's own raw INSERTs.
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
  console.log(
    `\n== Intake (${SECONDS} s per side in ${ROUNDS} alternating rounds, concurrency ${CONCURRENCY})`,
  );
  const f = (x: number) => x.toFixed(0);
  const pctOf = (x: number, base: number) => `${((100 * x) / base).toFixed(1)} %`;
  table([
    [
      'engine',
      'bare INSERT/s',
      'raw INSERT/s',
      'intake/s',
      'intake ÷ raw',
      'intake ÷ bare',
      'p50 ms',
      'p95 ms',
    ],
    ...results.map((r) => [
      r.engine,
      f(r.barePerSecond),
      f(r.rawPerSecond),
      f(r.intakePerSecond),
      pctOf(r.intakePerSecond, r.rawPerSecond),
      pctOf(r.intakePerSecond, r.barePerSecond),
      r.intakeP50.toFixed(1),
      r.intakeP95.toFixed(1),
    ]),
  ]);
  console.log('  raw = one row into a copy of tickets (same indexes); bare = one row into a 7-column table');
  const pg = results.find((r) => r.engine === 'postgres');
  const lite = results.find((r) => r.engine === 'pglite');
  if (pg)
    console.log(
      `PostgreSQL intake ÷ raw INSERT: ${pctOf(pg.intakePerSecond, pg.rawPerSecond)} (target ≥ 30 %)`,
    );
  if (pg && lite)
    console.log(
      `PGlite intake ÷ PostgreSQL intake: ${pctOf(lite.intakePerSecond, pg.intakePerSecond)} (target ≥ 25 %)`,
    );
}

await main();
