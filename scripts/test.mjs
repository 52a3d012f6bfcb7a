// npm test: the whole suite — unit, integration on PGlite (and PostgreSQL when TEST_DATABASE_URL is set),
// and browser tests in Debian's chromium when it is installed (CI always installs it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureWebBuild } from './web-build.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) ensureWebBuild();
else if (process.env.CI) {
  console.error(`CI=true but ${chromium} is missing: browser tests cannot be skipped in CI.`);
  process.exit(1);
} else console.warn(`Browser tests skipped: ${chromium} not found (apt-get install -y chromium).`);

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(
    `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
}
process.exit(result.status ?? 1);
