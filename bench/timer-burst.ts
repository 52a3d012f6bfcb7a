// Timer-burst bench: BENCH_TIMERS (2,000) urgent repairs filed through the API at one instant, nobody
// on duty, so their SLA timers all fall due together; the job poller runs as on a real server (1 s);
// the scenario clock steps BENCH_STEP_MINUTES (16) past the due time. While the timers fire, a worker
// thread sends GET /api/health every 50 ms over real HTTP (its own event loop, so a stalled server
// shows up as latency). Printed: that light request's p50/p95/p99/max and the time until every timer
// fired, beside a baseline measured in the same run: the same request with nothing due. Asserts nothing.
//
// Target (issue: reliability, defect 6): on PGlite, p99 ≤ 300 ms and every timer fired within 60 s.
//
//   BENCH_TIMERS=2000  BENCH_STEP_MINUTES=16  BENCH_ENGINES=pglite,postgres
import os from 'node:os';
import { buildApp } from '../apps/server/src/app';
import { createMemoryBus } from '../apps/server/src/platform/bus/memory-bus';
import { ControllableClock } from '../apps/server/src/platform/clock/clock';
import type { Database } from '../apps/server/src/platform/db/client';
import { migrate } from '../apps/server/src/platform/db/migrate';
import type { Services } from '../apps/server/src/platform/http/app-types';
import { createLocalQueue } from '../apps/server/src/platform/jobs/local-queue';
import { fileRepairs } from '../apps/server/src/testing/file-repairs';
import { seedFixture } from '../apps/server/src/testing/fixture';
import { probeLatency } from '../apps/server/src/testing/latency-probe';
import { testConfig } from '../apps/server/src/testing/test-server';
import { registerWorkers } from '../apps/server/src/workers';
import { onEachEngine } from './lib/engines';
import { sleep } from './lib/proc';
import { ms, type Summary, seconds, summarize, table, verdict } from './lib/stats';

const TIMERS = Number(process.env.BENCH_TIMERS ?? 2000);
const STEP_MINUTES = Number(process.env.BENCH_STEP_MINUTES ?? 16);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());
const BASELINE_SECONDS = 5;
const GIVE_UP_MS = 600_000;
const PASSWORD = 'bench-pass-123';
// A Tuesday 10:00 in Shanghai: inside office hours, so every calendar counts the minutes.
const FILED_AT = new Date('2026-12-08T02:00:00Z');

interface Figures {
  engine: string;
  filed: number;
  fileMs: number;
  due: number;
  firedMs: number;
  left: number;
  baseline: Summary;
  burst: Summary;
  jobs: string;
}

const count = async (database: Database, text: string, params: unknown[] = []) =>
  Number((await database.query<{ n: string | number }>(text, params))[0]?.n ?? 0);

async function measure(engine: string, database: Database): Promise<Figures> {
  await migrate(database);
  const clock = new ControllableClock();
  clock.set(FILED_AT);
  // As a real server: the default 1 s poll, the workers of every module.
  const queue = createLocalQueue(database, clock);
  const services: Services = {
    config: testConfig(),
    database,
    clock,
    testClock: clock,
    bus: createMemoryBus(),
    queue,
  };
  registerWorkers(services);
  const fixture = await seedFixture(services, PASSWORD);
  const app = await buildApp(services);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'agent_a', password: PASSWORD },
  });
  const token = (login.json() as { token: string }).token;

  const fileStart = performance.now();
  const ids = await fileRepairs(app, token, {
    projectId: fixture.projectA,
    unitId: fixture.unitsA[0]!,
    count: TIMERS,
    inFlight: engine === 'postgres' ? 8 : 4,
  });
  const fileMs = performance.now() - fileStart;
  queue.start();
  await queue.drain();

  const health = `${address}/api/health`;
  const quiet = probeLatency(health, 50);
  await sleep(BASELINE_SECONDS * 1000);
  const baseline = summarize(await quiet.stop());

  const at = new Date(FILED_AT.getTime() + STEP_MINUTES * 60_000);
  const dueSql = 'select count(*) as n from tickets where sla_next_at <= $1';
  const due = await count(database, dueSql, [at]);
  const probe = probeLatency(health, 50);
  const stepped = performance.now();
  // The clock moves as the scenario route moves it; the poller (not drain) picks the work up.
  clock.set(at);
  let left = due;
  while (left > 0 && performance.now() - stepped < GIVE_UP_MS) {
    await sleep(250);
    left = await count(database, dueSql, [at]);
  }
  const firedMs = performance.now() - stepped;
  const burst = summarize(await probe.stop());
  const jobRows = await database.query<{ name: string; state: string; n: string | number }>(
    'select name, state, count(*) as n from jobs group by name, state order by name, state',
  );
  const jobs = jobRows.map((r) => `${r.name} ${r.state} ${r.n}`).join(', ');
  await queue.stop();
  await app.close();
  return { engine, filed: ids.length, fileMs, due, firedMs, left, baseline, burst, jobs };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function main() {
  const loadBefore = load();
  const results = await onEachEngine(ENGINES, measure);
  console.log(`\nload average ${loadBefore} before, ${load()} after (${os.cpus().length} CPUs)`);
  console.log(
    `== Timer burst: ${TIMERS} urgent repairs filed at one instant, clock stepped ${STEP_MINUTES} min; GET /api/health every 50 ms`,
  );
  table([
    ['engine', 'what', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
    ...results.flatMap((r) => [
      [
        r.engine,
        'baseline, nothing due',
        String(r.baseline.n),
        ms(r.baseline.p50),
        ms(r.baseline.p95),
        ms(r.baseline.p99),
        ms(r.baseline.max),
      ],
      [
        r.engine,
        `while ${r.due} timers fire`,
        String(r.burst.n),
        ms(r.burst.p50),
        ms(r.burst.p95),
        ms(r.burst.p99),
        ms(r.burst.max),
      ],
    ]),
  ]);
  for (const r of results) {
    const fired = r.left === 0;
    console.log(
      `${r.engine}: filed ${r.filed} in ${seconds(r.fileMs)}; ${r.due} timers due, ${fired ? `all fired in ${seconds(r.firedMs)}` : `${r.left} still due after ${seconds(r.firedMs)}`} ` +
        `(target ≤ 60 s: ${verdict(fired && r.firedMs <= 60_000)}); health p99 ${ms(r.burst.p99)} ms (target ≤ 300 ms: ${verdict(r.burst.p99 <= 300)})`,
    );
    console.log(`  jobs: ${r.jobs}`);
  }
}

await main();
