import { readFileSync } from 'node:fs';
import pg from 'pg';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/intake_explain' });
await c.connect();
const { text, params } = JSON.parse(readFileSync('/tmp/insert-params.json', 'utf8'));
const time = async (label: string, f: () => Promise<unknown>, n = 40) => {
  for (let i = 0; i < 5; i++) await f();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(label, ((performance.now() - t0) / n).toFixed(2), 'ms');
};
await time('select 1', () => c.query('select 1'));
await time('begin+insert+rollback', async () => { await c.query('begin'); await c.query(text, params); await c.query('rollback'); });
await time('begin+rollback', async () => { await c.query('begin'); await c.query('rollback'); });
await time('prepared begin+insert+rollback', async () => { await c.query('begin'); await c.query({ name: 'ins', text, values: params }); await c.query('rollback'); });
await c.end();
