// Screen pop at scale: GET /api/telephony/lookup (the caller 360) through the real HTTP stack on the
// 压测小区 (200,000 residents, 2,000,000 tickets on PostgreSQL), for known numbers (random residents'
// phones) and unknown ones, and the webhook → live `call` message time (POST /api/telephony/events
// newCall until the bus delivers the pop for the agent). Prints p50/p95/p99, asserts nothing.
//
//   BENCH_ENGINES=postgres,pglite   BENCH_TICKETS=2000000   BENCH_RESIDENTS=200000
//   BENCH_TICKETS_PGLITE=200000   BENCH_RESIDENTS_PGLITE=20000   BENCH_RUNS=200
//   BENCH_TICKETS_URL=postgres://…  (a database seeded before; migrated and topped up, never dropped)
//   BENCH_ADMIN_PASSWORD=…          (that database's admin password)
import type { BusMessage } from '../apps/server/src/platform/bus/bus';
import type { Database } from '../apps/server/src/platform/db/client';
import { BENCH_ADMIN_PASSWORD, type LargeSizes, largeApp, onEachEngine } from './lib/large-database';
import { ms, summarize, table, verdict } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const RUN = Date.now().toString(36);
const LOOKUP_P99_MS = 15;
const POP_P99_MS = 100;

interface Row {
  engine: string;
  name: string;
  p50: number;
  p95: number;
  p99: number;
  target: number;
  note: string;
}

async function measure(engine: string, database: Database, sizes: LargeSizes): Promise<Row[]> {
  const { app, services } = await largeApp(database, sizes);
  const { bus } = services;
  const inject = async (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    token: string | null,
    payload?: object,
  ) => {
    const res = await app.inject({
      method,
      url,
      payload,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json() as Record<string, unknown>;
  };
  const login = async (username: string, password: string) =>
    String((await inject('POST', '/api/auth/login', null, { username, password })).token);
  // A database seeded before (BENCH_TICKETS_URL) has the admin password seed:large printed.
  const admin = await login('admin', process.env.BENCH_ADMIN_PASSWORD ?? BENCH_ADMIN_PASSWORD);
  const pm = await login('yc_pm', 'demo1234');
  const [project] = await database.query<{ id: string | number }>(
    "select id from projects where code = 'YCXQ'",
  );
  const projectId = Number(project?.id);
  const phones = (
    await database.query<{ national: string }>(
      'select national from resident_phones where project_id = $1 order by random() limit 500',
      [projectId],
    )
  ).map((p) => p.national);
  let turn = 0;
  const rows: Row[] = [];
  const sample = async (runs: number, fn: () => Promise<void>) => {
    for (let i = 0; i < 5; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    return summarize(times);
  };
  let known = 0;
  const hit = await sample(RUNS, async () => {
    const body = await inject(
      'GET',
      `/api/telephony/lookup?number=${phones[turn++ % phones.length]}&projectId=${projectId}`,
      pm,
    );
    if (body.known) known++;
  });
  rows.push({
    engine,
    name: 'lookup: a resident’s number',
    ...hit,
    target: LOOKUP_P99_MS,
    note: `${known} known`,
  });
  const miss = await sample(RUNS, async () => {
    await inject(
      'GET',
      `/api/telephony/lookup?number=1990000${String(turn++ % 10_000).padStart(4, '0')}`,
      pm,
    );
  });
  rows.push({ engine, name: 'lookup: an unknown number', ...miss, target: LOOKUP_P99_MS, note: '' });

  // Webhook → pop: the agent sits at extension 8999 (the demo seats use 80xx); time from posting newCall to the bus delivering it.
  const token = String((await inject('POST', '/api/telephony/config/token', admin, { projectId })).token);
  const [agent] = await database.query<{ id: string | number }>(
    "select id from users where username = 'yc_pm'",
  );
  await inject('PUT', `/api/telephony/extensions/${agent?.id}`, admin, { extension: '8999' });
  let waiting: ((m: BusMessage) => void) | null = null;
  bus.subscribe((m) => {
    if (m.type === 'call') waiting?.(m);
  });
  const pop = await sample(RUNS, async () => {
    const delivered = new Promise<void>((resolve) => {
      waiting = () => resolve();
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/telephony/events',
      headers: { 'x-guanjia-token': token },
      payload: {
        event: 'newCall',
        // Unique per run: a database reused from an earlier run already holds bench-0…, and a repeated
        // (callId, event) is ignored by design (no pop would come).
        callId: `bench-${RUN}-${turn++}`,
        direction: 'in',
        from: phones[turn % phones.length] ?? '13800000000',
        to: '4008001234',
        agent: '8999',
      },
    });
    if (res.statusCode !== 200) throw new Error(`webhook: ${res.statusCode} ${res.body}`);
    await delivered;
  });
  rows.push({ engine, name: 'webhook newCall → pop on the bus', ...pop, target: POP_P99_MS, note: '' });
  await app.close();
  return rows;
}

async function main() {
  const rows = await onEachEngine(
    {
      postgres: {
        tickets: Number(process.env.BENCH_TICKETS ?? 2_000_000),
        residents: Number(process.env.BENCH_RESIDENTS ?? 200_000),
      },
      pglite: {
        tickets: Number(process.env.BENCH_TICKETS_PGLITE ?? 200_000),
        residents: Number(process.env.BENCH_RESIDENTS_PGLITE ?? 20_000),
      },
    },
    measure,
  );
  console.log(`\n== Screen pop (${RUNS} requests each, as the 压测小区 project manager)`);
  table([
    ['engine', 'measure', 'p50 ms', 'p95 ms', 'p99 ms', 'p99 target', '', 'note'],
    ...rows.map((r) => [
      r.engine,
      r.name,
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      `${r.target} ms`,
      verdict(r.p99 <= r.target),
      r.note,
    ]),
  ]);
}

await main();
