import pg from 'pg';
const stats = new Map<string, number>();
let counting = false;
const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
const original = proto.query;
proto.query = function (this: unknown, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '?');
  if (counting) { const k = text.replace(/\s+/g, ' ').slice(0, 90); stats.set(k, (stats.get(k) ?? 0) + 1); }
  return original.apply(this, args);
};
const { prepareIntake } = await import('./lib/intake-setup');
const { openDatabase } = await import('../apps/server/src/platform/db/client');
const { createScratchPostgres } = await import('../apps/server/src/testing/test-database');
const scratch = await createScratchPostgres();
const database = await openDatabase({ url: scratch.url, poolSize: 10 });
const { app, token, projectId, unitId, categoryId } = await prepareIntake(database);
const N = 800;
let i = 0;
const go = async () => { while (i < N) { const k = i++; const res = await app.inject({ method: 'POST', url: '/api/tickets', headers: { authorization: `Bearer ${token}`, 'idempotency-key': `c-${counting}-${k}` }, payload: { projectId, type: '报修', priority: '急', unitId, categoryId, contactPhone: '13812345678', description: `漏水 #${k}` } }); if (res.statusCode !== 201) throw new Error(res.body); } };
i = N - 50; await Promise.all(Array.from({ length: 8 }, go)); i = 0;
counting = true;
await Promise.all(Array.from({ length: 8 }, go));
counting = false;
for (const [k, n] of [...stats].sort((a, b) => b[1] - a[1])) console.log((n / N).toFixed(3), k);
await app.close(); await database.close(); await scratch.drop();
