// Soak bench: BENCH_MINUTES (20) of mixed traffic at BENCH_SCALE (10) × a large center's peak against
// the real server — `apps/server/src/main.ts` in its own process as `npm start` runs it, demo estate
// seeded, job poller on, real time (no scenario clock) — over HTTP, on PostgreSQL (a scratch database
// from TEST_DATABASE_URL) and on the embedded engine. Prints, per request kind, the error count (should
// be 0) and p50/p95/p99/max beside a baseline measured in the same run on the idle server (the same
// flows, one request at a time); the server's RSS after warm-up and at the end (should not grow by
// more than 20 %); and how late its timers ran. Asserts nothing.
//
// A large center's peak (what ×1 means):
//   - calls: 30 seats, each answering one call every 2 minutes → 0.25 calls/s. Every call is three PBX
//     webhooks (newCall, answer, hangup; 0.75/s) and one intake by the agent (0.25/s): 60 % 报修 (30 % of
//     them urgent, a third of those left for the dispatcher), 20 % 咨询 (half answered on the phone),
//     20 % 投诉;
//   - the desk's follow-up of each ticket (ticket actions): a note on a repair, the answer of an enquiry
//     not answered on the phone, a note and the reply that resolves a complaint, the acceptance of a
//     portal report (≈ 0.27/s);
//   - technicians: every order handed to a technician is accepted, arrived at and completed by him
//     (3 actions, ≈ 0.45/s), each after a GET of the order as his app shows it;
//   - portal: 2 residents a minute sign in with a one-time code (code, delivery log read, login), half
//     of them report a repair, which an agent accepts;
//   - notices: one every 10 minutes through W-30 (draft, submit, 班长 review, manager approval,
//     publish) to one building's residents (≈ 100–200 deliveries through the outbox).
// At ×10 that is 2.5 intakes/s, 7.5 PBX events/s, ≈ 4.5 work-order actions/s, ≈ 2.7 ticket actions/s,
// 20 portal sign-ins and 10 reports a minute and a notice a minute, plus the reads that go with them.
// People pause between steps (ring 2–6 s, talk 5–20 s, a technician 3–40 s between taps).
//
// Timers: sla.dispatchMinutes is set to 1 for the run, so the urgent repairs left for the dispatcher
// breach within a minute (their arrive clocks at 15 min in longer runs) and SLA timer jobs fall due
// while the traffic runs. Lateness = a job's claim (and finish) time minus when it was due (run_at, or
// its enqueueing if later), read from the jobs table after the server stopped; the poller looks every
// second, so up to 1 s is the design, not lateness. The embedded server also writes its online backup
// every 15 minutes, as `npm start` does (a 20-minute run includes one).
//
//   BENCH_MINUTES=20  BENCH_SCALE=10  BENCH_ENGINES=postgres,pglite
//   BENCH_WARMUP_SECONDS=30  BENCH_BASELINE_ROUNDS=10  BENCH_SEED=1
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, spawnServerProcess } from '../apps/server/src/testing/server-process';
import { createScratchPostgres } from '../apps/server/src/testing/test-database';
import { type JobFigures, jobLateness } from './lib/job-lateness';
import { memoryOf, sleep } from './lib/proc';
import { readEstate } from './lib/soak-estate';
import { httpClient, KINDS, Recorder } from './lib/soak-http';
import { PEAK, traffic } from './lib/soak-traffic';
import { mb, ms, ratio, table, verdict } from './lib/stats';

const MINUTES = Number(process.env.BENCH_MINUTES ?? 20);
const SCALE = Number(process.env.BENCH_SCALE ?? 10);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 30);
const BASELINE_ROUNDS = Number(process.env.BENCH_BASELINE_ROUNDS ?? 10);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const ADMIN_PASSWORD = 'bench-admin-1';
const RSS_GROWTH_LIMIT = 0.2;
const RSS_EVERY_MS = 10_000;

interface Figures {
  engine: string;
  baseline: Recorder;
  soak: Recorder;
  warmupErrors: number;
  rss: { startKb: number; endKb: number; maxKb: number; samples: number[] };
  load: { before: string; after: string };
  jobs: JobFigures;
  soakSeconds: number;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function measure(engine: string, databaseUrl: string, dir: string): Promise<Figures> {
  const server = spawnServerProcess(await freePort(), {
    GUANJIA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    GUANJIA_DATA_DIR: path.join(dir, 'db'),
    DATABASE_URL: databaseUrl,
    // As `npm start` runs it: lenient responses, the scheduled backup (embedded engine) on.
    GUANJIA_STRICT_RESPONSES: '0',
    GUANJIA_BACKUP_EVERY_MINUTES: '15',
    GUANJIA_BACKUP_DIR: path.join(dir, 'backups'),
    GUANJIA_WEB_DIST: path.join(dir, 'no-web'),
  });
  const pid = server.process.pid ?? 0;
  try {
    await server.ready(240_000);
    const setup = new Recorder();
    const setupCall = httpClient(server.url, setup);
    const estate = await readEstate(setupCall, ADMIN_PASSWORD);
    const changed = await setupCall('reads', 'PUT', '/api/settings/sla.dispatchMinutes', {
      token: estate.adminToken,
      body: { value: 1 },
    });
    if (!changed) throw new Error(`soak setup failed: ${[...setup.messages.keys()].join('; ')}`);
    console.log(
      `  ${engine}: server up (pid ${pid}); ${estate.callers.length} residents with a mobile, ` +
        `${estate.projects.length} projects`,
    );
    const run = `${engine}-${Date.now().toString(36)}`;

    const warmup = new Recorder();
    await traffic(httpClient(server.url, warmup), estate, warmup, `${run}-w`, SEED + 1).soak(
      SCALE,
      WARMUP_SECONDS,
    );
    const baseline = new Recorder();
    await traffic(httpClient(server.url, baseline), estate, baseline, `${run}-b`, SEED + 2).baseline(
      BASELINE_ROUNDS,
    );

    const soak = new Recorder();
    const samples: number[] = [];
    const startKb = memoryOf(pid).rssKb;
    const loadBefore = load();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.push(memoryOf(pid).rssKb);
        await sleep(RSS_EVERY_MS);
      }
    })();
    const from = new Date();
    const started = performance.now();
    console.log(`  ${engine}: soak ${MINUTES} min at ×${SCALE} (load average ${loadBefore})`);
    await traffic(httpClient(server.url, soak), estate, soak, run, SEED).soak(SCALE, MINUTES * 60);
    const soakSeconds = (performance.now() - started) / 1000;
    const to = new Date();
    sampling = false;
    await sampler;
    const endKb = memoryOf(pid).rssKb;
    const loadAfter = load();
    await server.stop(30_000);
    const jobs = await jobLateness(
      databaseUrl ? { url: databaseUrl } : { dataDir: path.join(dir, 'db') },
      from,
      to,
    );
    return {
      engine,
      baseline,
      soak,
      warmupErrors: warmup.totalErrors(),
      rss: { startKb, endKb, maxKb: Math.max(startKb, endKb, ...samples), samples },
      load: { before: loadBefore, after: loadAfter },
      jobs,
      soakSeconds,
    };
  } catch (error) {
    console.log(server.output().slice(-3000));
    throw error;
  } finally {
    await server.stop(30_000);
  }
}

function report(f: Figures): void {
  console.log(
    `\n== Soak on ${f.engine}: ${MINUTES} min at ×${SCALE} a large center's peak ` +
      `(${(PEAK.calls * SCALE).toFixed(2)} calls/s); traffic and drain took ${f.soakSeconds.toFixed(0)} s; ` +
      `load average ${f.load.before} before, ${f.load.after} after (${os.cpus().length} CPUs)`,
  );
  table([
    [
      'kind',
      'base n',
      'base p50',
      'base p95',
      'soak n',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'p95 vs base',
      'errors',
    ],
    ...KINDS.map((kind) => {
      const b = f.baseline.summary(kind);
      const s = f.soak.summary(kind);
      return [
        kind,
        String(b.n),
        ms(b.p50),
        ms(b.p95),
        String(s.n),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(s.max),
        ratio(s.p95, b.p95),
        String(s.errors),
      ];
    }),
  ]);
  const errors = f.soak.totalErrors();
  console.log(
    `  errors during the soak: ${errors} (target 0: ${verdict(errors === 0)}); most requests in flight at once: ${f.soak.maxInFlight}` +
      (f.warmupErrors ? `; ${f.warmupErrors} during the warm-up` : ''),
  );
  for (const [message, count] of f.soak.messages) console.log(`    ${count} × ${message}`);
  const growth = (f.rss.endKb - f.rss.startKb) / f.rss.startKb;
  console.log(
    `  server RSS: ${mb(f.rss.startKb)} after warm-up → ${mb(f.rss.endKb)} at the end (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)} %, ` +
      `limit +${RSS_GROWTH_LIMIT * 100} %: ${verdict(growth <= RSS_GROWTH_LIMIT)}); highest sample ${mb(f.rss.maxKb)}`,
  );
  const peakAt = f.rss.samples.indexOf(Math.max(...f.rss.samples));
  if (peakAt >= 0) console.log(`  highest sample ${(peakAt * RSS_EVERY_MS) / 1000} s into the soak`);
  const every = Math.max(1, Math.round(f.rss.samples.length / 12));
  console.log(
    `  RSS every ${(every * RSS_EVERY_MS) / 1000} s: ${f.rss.samples
      .filter((_, i) => i % every === 0)
      .map((kb) => mb(kb).replace(' MB', ''))
      .join(' ')} MB`,
  );
  console.log('  jobs done during the soak: lateness from due to claimed (start) and to finished, ms');
  table([
    ['job', 'n', 'start p50', 'start p95', 'start p99', 'start max', 'finish p95', 'finish max'],
    ...f.jobs.byName.map((j) => [
      j.name,
      String(j.start.n),
      ms(j.start.p50),
      ms(j.start.p95),
      ms(j.start.p99),
      ms(j.start.max),
      ms(j.finish.p95),
      ms(j.finish.max),
    ]),
  ]);
  console.log(
    `  jobs due by the end but never run: ${f.jobs.leftDue}; failed: ${f.jobs.failed} (the poller looks every 1 s)`,
  );
}

async function main() {
  const results: Figures[] = [];
  for (const engine of ENGINES) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guanjia-soak-'));
    try {
      if (engine === 'postgres') {
        if (!process.env.TEST_DATABASE_URL) {
          console.log('postgres: skipped (set TEST_DATABASE_URL)');
          continue;
        }
        const scratch = await createScratchPostgres();
        try {
          results.push(await measure('postgres', scratch.url, dir));
        } finally {
          await scratch.drop();
        }
      } else {
        results.push(await measure('pglite', '', dir));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const r of results) report(r);
}

await main();
