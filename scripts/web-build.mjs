import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const inputs = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'packages/shared/src',
  'apps/web/package.json',
];
const stampFile = 'apps/web/dist/.source-hash';

function hashTree(target, hash) {
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    for (const entry of readdirSync(target).sort()) hashTree(path.join(target, entry), hash);
  } else {
    hash.update(target);
    hash.update(readFileSync(target));
  }
}

/** Vite build only when a source changed since the last build: restarts stay fast. */
export function ensureWebBuild() {
  const hash = createHash('sha256');
  for (const input of inputs) hashTree(input, hash);
  const digest = hash.digest('hex');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) return;
  console.log('Building the web console…');
  const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, digest);
}
