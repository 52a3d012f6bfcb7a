// Startup bench: first start (create the database, migrate, demo seed) and restart of the server as
// `npm start` runs it (the bundle in apps/server/dist), on the embedded engine and, when TEST_DATABASE_URL
// is set, on a scratch PostgreSQL database. Prints figures beside the targets and the figures before the
// start-up work (issue 14); asserts nothing. The console build is left out (npm start does it only
// when the console's sources changed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchPostgres } from '../apps/server/src/testing/test-database';
// @ts-expect-error plain JavaScript module without types
import { ensureServerBuild, SERVER_BUNDLE } from '../scripts/server-build.mjs';
import { freePort, memoryOf, sleep, spawnNode, waitForExit, waitForHttp } from './lib/proc';
import { mb, median, ratio, seconds, table, verdict } from './lib/stats';

const root = fileURLToPath(new URL('..', import.meta.url));
// Issue 14's targets: a usable console within 20 s of the first start, ≤ 450 MB resident on the
// embedded database.
const BUDGET = {
  firstStartMs: 20_000,
  restartMs: 5_000,
  rssEmbeddedKb: 450 * 1024,
  rssPostgresKb: 250 * 1024,
};
/**
 * The same bench at 7ab57a0 (tsx over the sources, initdb in the server process, 128MB shared_buffers),
 * on this 2-core machine shared with 7 other builds (load average 13).
 */
const BEFORE: Record<string, { readyMs: number; rssKb: number; peakKb: number }> = {
  'embedded: first start (migrate + seed)': { readyMs: 104_750, rssKb: 632 * 1024, peakKb: 987 * 1024 },
  'embedded: restart': { readyMs: 29_840, rssKb: 466 * 1024, peakKb: 492 * 1024 },
};
const SETTLE_MS = 2_000;

interface Run {
  label: string;
  readyMs: number;
  /** What the server itself printed ("ready in 7.5s"): boot after node and tsx are loaded. */
  serverSaysMs: number;
  rssKb: number;
  peakKb: number;
  stopMs: number;
}

async function nodeBaseline(): Promise<{ startMs: number; rssKb: number }> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '""'], { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  const { child } = spawnNode(['-e', 'setInterval(() => {}, 1000)'], process.env, root);
  await sleep(500);
  const { rssKb } = memoryOf(child.pid ?? 0);
  child.kill('SIGTERM');
  await waitForExit(child);
  return { startMs: median(times), rssKb };
}

async function startServer(label: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const port = await freePort();
  const start = performance.now();
  const { child, output } = spawnNode(
    ['--enable-source-maps', SERVER_BUNDLE],
    { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    root,
  );
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, child, 300_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${label}: ${(error as Error).message}\n${output()}`);
  }
  const readyMs = performance.now() - start;
  await sleep(SETTLE_MS);
  const { rssKb, peakKb } = memoryOf(child.pid ?? 0);
  const stopStart = performance.now();
  child.kill('SIGTERM');
  const code = await waitForExit(child);
  const stopMs = performance.now() - stopStart;
  if (code !== 0) console.log(`  (${label}: exit code ${code})\n${output()}`);
  const said = /ready in ([\d.]+)s/.exec(output());
  return { label, readyMs, serverSaysMs: said ? Number(said[1]) * 1000 : Number.NaN, rssKb, peakKb, stopMs };
}

const baseEnv: NodeJS.ProcessEnv = {
  GUANJIA_BACKUP_ON_SHUTDOWN: '0',
  GUANJIA_WEB_DIST: path.join(os.tmpdir(), 'guanjia-bench-no-web'),
  GUANJIA_ADMIN_PASSWORD: 'bench-admin-1',
  GUANJIA_LOG: '0',
  DATABASE_URL: '',
};

async function main() {
  console.log(
    `\n== Startup — node ${process.version}, ${os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  if (!(await ensureServerBuild())) throw new Error('esbuild is missing: the server bundle cannot be built');
  const base = await nodeBaseline();
  console.log(
    `Baseline: \`node -e ""\` ${base.startMs.toFixed(0)} ms (median of 7); bare node process RSS ${mb(base.rssKb)}.`,
  );
  console.log(
    `RSS is read ${SETTLE_MS / 1000} s after /api/health first answers; peak = VmHWM of the server process over the whole start\n` +
      '(a new embedded database is created and migrated by a child process, data-dir-child.mjs, whose memory is freed when it exits).\n',
  );

  const runs: { run: Run; budgetMs: number; rssBudgetKb: number }[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guanjia-bench-start-'));
  try {
    const env = { ...baseEnv, GUANJIA_DATA_DIR: dataDir };
    runs.push({
      run: await startServer('embedded: first start (migrate + seed)', env),
      budgetMs: BUDGET.firstStartMs,
      rssBudgetKb: BUDGET.rssEmbeddedKb,
    });
    runs.push({
      run: await startServer('embedded: restart', env),
      budgetMs: BUDGET.restartMs,
      rssBudgetKb: BUDGET.rssEmbeddedKb,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (process.env.TEST_DATABASE_URL) {
    const scratch = await createScratchPostgres();
    try {
      const env = {
        ...baseEnv,
        DATABASE_URL: scratch.url,
        GUANJIA_DATA_DIR: path.join(os.tmpdir(), 'guanjia-bench-unused'),
      };
      runs.push({
        run: await startServer('postgres: first start (migrate + seed)', env),
        budgetMs: BUDGET.firstStartMs,
        rssBudgetKb: BUDGET.rssPostgresKb,
      });
      runs.push({
        run: await startServer('postgres: restart', env),
        budgetMs: BUDGET.restartMs,
        rssBudgetKb: BUDGET.rssPostgresKb,
      });
    } finally {
      await scratch.drop();
    }
  } else {
    console.log('(PostgreSQL runs skipped: set TEST_DATABASE_URL to include them.)\n');
  }

  table([
    [
      'run',
      'ready',
      'vs node -e',
      'server says',
      'budget',
      'time',
      'RSS',
      'vs bare',
      'peak RSS',
      'RSS budget',
      'RSS',
      'stop',
      'before: ready',
      'RSS',
      'peak',
    ],
    ...runs.map(({ run, budgetMs, rssBudgetKb }) => [
      run.label,
      seconds(run.readyMs),
      ratio(run.readyMs, base.startMs),
      Number.isFinite(run.serverSaysMs) ? seconds(run.serverSaysMs) : '—',
      `≤ ${budgetMs / 1000} s`,
      verdict(run.readyMs <= budgetMs),
      mb(run.rssKb),
      ratio(run.rssKb, base.rssKb),
      mb(run.peakKb),
      `≤ ${mb(rssBudgetKb)}`,
      verdict(run.rssKb <= rssBudgetKb),
      seconds(run.stopMs),
      BEFORE[run.label] ? seconds(BEFORE[run.label]?.readyMs ?? 0) : '—',
      BEFORE[run.label] ? mb(BEFORE[run.label]?.rssKb ?? 0) : '—',
      BEFORE[run.label] ? mb(BEFORE[run.label]?.peakKb ?? 0) : '—',
    ]),
  ]);
}

await main();
