// Statement profile of one intake (not part of run-all: the leading underscore): every SQL statement the
// POST /api/tickets path sends to PostgreSQL, with counts and time, grouped by statement text.
//   TEST_DATABASE_URL=… npx tsx bench/_intake-profile.ts [N]
import pg from 'pg';

const stats = new Map<string, { n: number; ms: number }>();
let counting = false;
type Query = (this: unknown, ...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: Query };
const original = proto.query;
proto.query = function (this: unknown, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '?');
  const t0 = performance.now();
  const record = () => {
    if (!counting) return;
    const key = text.replace(/\s+/g, ' ').slice(0, 140);
    const s = stats.get(key) ?? { n: 0, ms: 0 };
    s.n += 1;
    s.ms += performance.now() - t0;
    stats.set(key, s);
  };
  const last = args[args.length - 1];
  // pool.query passes a callback; transactions await the returned promise.
  if (typeof last === 'function') {
    args[args.length - 1] = (...cbArgs: unknown[]) => {
      record();
      return (last as (...a: unknown[]) => unknown)(...cbArgs);
    };
  }
  const result = original.apply(this, args) as Promise<unknown> | undefined;
  if (result && typeof result.then === 'function') void result.then(record, () => undefined);
  return result;
};

const { prepareIntake } = await import('./lib/intake-setup');
const { openDatabase } = await import('../apps/server/src/platform/db/client');
const { createScratchPostgres } = await import('../apps/server/src/testing/test-database');
const N = Number(process.argv[2] ?? 50);
const scratch = await createScratchPostgres();
const database = await openDatabase({ url: scratch.url, poolSize: 4 });
try {
  const { app, token, projectId, unitId, categoryId } = await prepareIntake(database);
  const post = (i: number) =>
    app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': `p-${i}` },
      payload: {
        projectId,
        type: '报修',
        priority: '急',
        unitId,
        categoryId,
        contactPhone: '13812345678',
        description: `漏水 #${i}`,
      },
    });
  for (let i = 0; i < 5; i++) await post(-i - 1);
  counting = true;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const res = await post(i);
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  const elapsed = performance.now() - t0;
  counting = false;
  await new Promise((r) => setTimeout(r, 50));
  const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, v]) => s + v.n, 0);
  console.log(
    `${N} sequential intakes: ${(elapsed / N).toFixed(2)} ms each, ${(total / N).toFixed(1)} statements each`,
  );
  for (const [k, v] of rows)
    console.log(`${(v.n / N).toFixed(2).padStart(6)}  ${(v.ms / v.n).toFixed(3).padStart(7)} ms  ${k}`);
  await app.close();
} finally {
  await database.close();
  await scratch.drop();
}
