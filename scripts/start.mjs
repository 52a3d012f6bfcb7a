// npm start: check the Node.js version, build the console and the server bundle if their sources
// changed, then run the server (create or migrate the database, seed on first start, serve).
// Only node: built-ins and the version check load before the check: an old Node prints one line.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeVersionProblem } from './node-version.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const problem = nodeVersionProblem(
  process.versions.node,
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node,
);
if (problem) {
  console.error(problem);
  process.exit(1);
}

// The demo takes in e-mail on 2525 (mail to kefu@<project code>.guanjia.local becomes a ticket).
const env = { GUANJIA_SMTP_PORT: '2525', ...process.env };
// Ports first, before minutes of building: the server checks them again before it writes anything.
const { portsProblem } = await import('./ports.mjs');
const portLine = await portsProblem(env);
if (portLine) {
  console.error(portLine);
  process.exit(2);
}

const { ensureWebBuild } = await import('./web-build.mjs');
const { ensureServerBuild, SERVER_BUNDLE } = await import('./server-build.mjs');
ensureWebBuild();
const bundled = await ensureServerBuild();
const entry = bundled
  ? ['--enable-source-maps', SERVER_BUNDLE]
  : ['--import', 'tsx', 'apps/server/src/main.ts'];
const result = spawnSync(process.execPath, entry, {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
