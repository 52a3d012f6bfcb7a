// npm run bench [-- startup resident-search …]: run the benches one after another, each in its own process
// so timings and memory do not leak between them. Benches print figures; none of them asserts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seconds, table } from './lib/stats';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const root = path.resolve(benchDir, '..');
const ORDER = ['startup.ts', 'resident-search.ts', 'import.ts', 'intake.ts', 'tickets.ts'];
// Longest last: the soak runs 20 minutes per engine, so the quick benches report before it starts.
const LAST = ['soak.ts'];

// Benches of one module may live in a folder of their own (bench/billing/arrears.ts).
const SUBDIRS = [
  'analytics',
  'assets',
  'billing',
  'emergencies',
  'frontdesk',
  'quality',
  'surveys',
  'triage',
];
const isBench = (f: string) => f.endsWith('.ts') && f !== 'run-all.ts' && !f.startsWith('_');
const found = [
  ...readdirSync(benchDir).filter(isBench),
  ...SUBDIRS.flatMap((d) => {
    try {
      return readdirSync(path.join(benchDir, d))
        .filter(isBench)
        .map((f) => `${d}/${f}`);
    } catch {
      return [];
    }
  }),
];
const all = [
  ...ORDER.filter((f) => found.includes(f)),
  ...found.filter((f) => !ORDER.includes(f) && !LAST.includes(f)).sort(),
  ...LAST.filter((f) => found.includes(f)),
];
const wanted = process.argv.slice(2).map((a) => a.replace(/\.ts$/, ''));
const benches = wanted.length ? all.filter((f) => wanted.includes(f.replace(/\.ts$/, ''))) : all;
if (!benches.length) {
  console.error(`No bench matches ${wanted.join(', ')}; available: ${all.join(', ')}`);
  process.exit(2);
}

console.log(
  `Benches: ${benches.join(', ')} — ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  process.env.TEST_DATABASE_URL
    ? 'PostgreSQL runs included (TEST_DATABASE_URL).'
    : 'Embedded engine only (set TEST_DATABASE_URL for PostgreSQL runs).',
);
const results: string[][] = [['bench', 'wall time', 'result']];
for (const file of benches) {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  results.push([
    file,
    seconds(performance.now() - start),
    run.status === 0 ? 'done' : `failed (${run.status ?? run.signal})`,
  ]);
}
console.log('\n== Summary');
table(results);
process.exitCode = results.slice(1).some((r) => r[2] !== 'done') ? 1 : 0;
