// npm test: the whole suite — unit, integration on PGlite and on PostgreSQL (TEST_DATABASE_URL), and
// browser tests in Debian's chromium. It first checks what the suite needs from the system: in CI
// (CI=true) anything missing stops it at once; on a developer's machine the groups that cannot run
// are skipped, each named with the reason and the command that brings what is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeVersionProblem } from './node-version.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const problem = nodeVersionProblem(
  process.versions.node,
  JSON.parse(readFileSync('package.json', 'utf8')).engines.node,
);
if (problem) {
  console.error(problem);
  process.exit(1);
}

const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
const onPath = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const cjkFonts = () => {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim().length > 0;
};

/** Can the PostgreSQL suite connect? Answers the reason when it cannot. */
async function postgresProblem(url) {
  if (!url) return 'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)';
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return `cannot connect to TEST_DATABASE_URL (${error.message})`;
  }
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium))
  missing.push({ what: `${chromium}`, apt: 'chromium', group: 'browser', env: 'GUANJIA_TEST_SKIP_BROWSER' });
if (!cjkFonts())
  missing.push({
    what: 'CJK fonts',
    apt: 'fonts-noto-cjk',
    group: 'browser',
    env: 'GUANJIA_TEST_SKIP_BROWSER',
  });
if (!onPath('espeak-ng'))
  missing.push({ what: 'espeak-ng', apt: 'espeak-ng', group: 'IVR audio', env: 'GUANJIA_TEST_SKIP_TTS' });
const pgProblem = await postgresProblem(process.env.TEST_DATABASE_URL);

if (ci && (missing.length || pgProblem)) {
  const lines = missing.map((m) => `  ${m.what} is missing`);
  if (pgProblem) lines.push(`  PostgreSQL: ${pgProblem}`);
  const apt = missing.map((m) => m.apt).join(' ');
  console.error(`CI=true: the test suite cannot skip anything, and it needs:\n${lines.join('\n')}`);
  if (apt) console.error(`Install with: apt-get install -y ${apt}`);
  process.exit(1);
}

const env = { ...process.env };
if (pgProblem) {
  console.warn(`Skipping the PostgreSQL group: ${pgProblem}.`);
  delete env.TEST_DATABASE_URL;
}
for (const group of new Set(missing.map((m) => m.group))) {
  const of = missing.filter((m) => m.group === group);
  console.warn(
    `Skipping the ${group} tests: ${of.map((m) => m.what).join(' and ')} missing (apt-get install -y ${of.map((m) => m.apt).join(' ')}).`,
  );
  for (const m of of) env[m.env] = '1';
}

if (!env.GUANJIA_TEST_SKIP_BROWSER) {
  const { ensureWebBuild } = await import('./web-build.mjs');
  ensureWebBuild();
}

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
  { stdio: 'inherit', env },
);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(
    `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
}
process.exit(result.status ?? 1);
