// The console's first route: the JavaScript index.html loads before any lazy page (its entry script and
// modulepreloads), gzip-compressed, beside the 350 KB budget; and the size of the lazily loaded chart
// chunks, which must not be among them. Builds apps/web first when there is no dist. Asserts nothing.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { table, verdict } from '../lib/stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'apps/web/dist');
const BUDGET_KB = 350;
if (!existsSync(path.join(dist, 'index.html')))
  execSync('npx vite build', { cwd: path.join(root, 'apps/web'), stdio: 'inherit' });
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const first = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;
const firstKb = first.reduce((s, f) => s + gz(f), 0);
const echartsChunks = readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .filter((f) => readFileSync(path.join(dist, 'assets', f), 'utf8').includes('echarts'));
console.log(`\n== console first route (${first.length} scripts: ${first.join(', ')})`);
table([
  ['what', 'gzip', 'budget', ''],
  [
    'first route JS (entry + modulepreloads)',
    `${firstKb.toFixed(1)} KB`,
    `${BUDGET_KB} KB`,
    verdict(firstKb <= BUDGET_KB),
  ],
  [
    'chunks mentioning echarts (lazy)',
    `${echartsChunks.reduce((s, f) => s + gz(`assets/${f}`), 0).toFixed(1)} KB in ${echartsChunks.length}`,
    '',
    echartsChunks.some((f) => first.includes(`assets/${f}`)) ? 'EAGER' : 'lazy ok',
  ],
]);
