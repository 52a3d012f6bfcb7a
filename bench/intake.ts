// Intake bench: POST /api/tickets through the real HTTP stack (buildApp + inject: session auth, zod,
// numbering, work order, automatic dispatch, SLA clocks, events, timer job, the detail answer) beside a
// baseline measured in the same run: a hand-written transaction that inserts exactly the rows one
// intake wrote (copied from a real intake: ticket, work order, hand-offs, events, clocks, job,
// notification, the day's counter and the round-robin stamp) — the floor for that data. On PostgreSQL
// (scratch database from TEST_DATABASE_URL) and on the embedded engine. Prints figures, asserts nothing.
//
// Targets (issue: ticket core): p95 ≤ 50 ms at a steady 50 intakes/s on PostgreSQL and ≤ 100 ms at
// 20/s on PGlite; a single intake's p50 ≤ 3 × the baseline transaction's p50.
//
//   BENCH_SECONDS=6            per measurement
//   BENCH_ENGINES=postgres,pglite
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/platform/db/client';
import { onEachEngine } from './lib/engines';
import { type IntakeSetup, prepareIntake } from './lib/intake-setup';
import { ms, ratio, summarize, table, verdict } from './lib/stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());
const STEADY_RATE: Record<string, { perSecond: number; p95Target: number }> = {
  postgres: { perSecond: 50, p95Target: 50 },
  pglite: { perSecond: 20, p95Target: 100 },
};

type Op = (i: number) => Promise<void>;
/** Unique per operation across phases (idempotency keys, numbers, dedupe keys). */
let seq = 0;

/** `concurrency` workers back to back for `seconds`: latencies and completions per second. */
async function closedLoop(seconds: number, concurrency: number, op: Op) {
  const latencies: number[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await op(seq++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { ...summarize(latencies), perSecond: (1000 * latencies.length) / (performance.now() - start) };
}

/** Requests started at a fixed rate whatever the answers do (arrivals do not wait for the server). */
async function openLoop(seconds: number, perSecond: number, op: Op) {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = Math.round(seconds * perSecond);
  for (let k = 0; k < total; k++) {
    const due = start + (1000 * k) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    pending.push(op(seq++).then(() => void latencies.push(performance.now() - t0)));
  }
  await Promise.all(pending);
  return summarize(latencies);
}

const TABLES = [
  'tickets',
  'work_orders',
  'work_order_handoffs',
  'events',
  'sla_clocks',
  'jobs',
  'notifications',
];

/**
 * The rows one real intake wrote, as JSON per table, and the statements that insert a copy of them in
 * one transaction (new ids; unique columns made unique) — what any implementation has to write.
 */
async function baselineOf(database: Database, s: IntakeSetup, ticketId: number): Promise<Op> {
  const rows: Record<string, Record<string, unknown>[]> = {};
  const [wo] = await database.query<{ id: number }>('select id from work_orders where ticket_id = $1', [
    ticketId,
  ]);
  const where: Record<string, string> = {
    tickets: `id = ${ticketId}`,
    work_orders: `ticket_id = ${ticketId}`,
    work_order_handoffs: `work_order_id = ${wo?.id ?? 0}`,
    events: `entity_id in ('${ticketId}', '${wo?.id ?? 0}')`,
    sla_clocks: `ticket_id = ${ticketId}`,
    jobs: `payload->>'ticketId' = '${ticketId}'`,
    notifications: `ticket_id = ${ticketId}`,
  };
  const columns: Record<string, string> = {};
  for (const t of TABLES) {
    rows[t] = (
      await database.query<{ r: Record<string, unknown> }>(
        `select to_json(x) as r from ${t} x where ${where[t]}`,
      )
    ).map((x) => x.r);
    const cols = await database.query<{ c: string }>(
      `select column_name as c from information_schema.columns
        where table_name = $1 and is_identity = 'NO' and is_generated = 'NEVER' order by ordinal_position`,
      [t],
    );
    columns[t] = cols.map((c) => `"${c.c}"`).join(', ');
  }
  const insert = (t: string, json: string, returning = '') =>
    sql.join([
      sql.raw(
        `insert into ${t} (${columns[t]}) select ${columns[t]} from json_populate_recordset(null::${t}, `,
      ),
      sql`${json}::json`,
      sql.raw(`) ${returning}`),
    ]);
  const copy = (t: string, patch: (r: Record<string, unknown>) => Record<string, unknown>) =>
    JSON.stringify((rows[t] ?? []).map((r) => ({ ...r, ...patch(r) })));
  const techId = rows.work_orders?.[0]?.technician_id ?? null;
  return async (i) => {
    const key = `base-${Date.now()}-${i}`;
    await database.db.transaction(async (tx) => {
      const q = async (statement: ReturnType<typeof insert>) =>
        ((await tx.execute(statement)) as unknown as { rows: Record<string, unknown>[] }).rows;
      const [t] = await q(
        insert(
          'tickets',
          copy('tickets', () => ({ number: key, idempotency_key: key, search_text: key })),
          'returning id',
        ),
      );
      const [w] = await q(
        insert(
          'work_orders',
          copy('work_orders', () => ({ ticket_id: t?.id, number: key })),
          'returning id',
        ),
      );
      await q(
        insert(
          'work_order_handoffs',
          copy('work_order_handoffs', () => ({ work_order_id: w?.id })),
        ),
      );
      await q(
        insert(
          'events',
          copy('events', (r) => ({ entity_id: r.entity_type === 'ticket' ? t?.id : w?.id })),
        ),
      );
      await q(
        insert(
          'sla_clocks',
          copy('sla_clocks', (r) => ({ ticket_id: t?.id, work_order_id: r.work_order_id ? w?.id : null })),
        ),
      );
      await q(
        insert(
          'jobs',
          copy('jobs', () => ({ dedupe_key: key, payload: { ticketId: t?.id } })),
        ),
      );
      await q(
        insert(
          'notifications',
          copy('notifications', () => ({ ticket_id: t?.id, work_order_id: w?.id, dedupe_key: key })),
        ),
      );
      await tx.execute(sql`insert into ticket_counters (project_id, prefix, day, value) values (${s.projectId}, 'BB', '20000101', 1)
                           on conflict (project_id, prefix, day) do update set value = ticket_counters.value + 1`);
      if (techId)
        await tx.execute(
          sql`update technician_status set last_assigned_at = now() where user_id = ${techId}`,
        );
    });
  };
}

interface Figures {
  engine: string;
  single: { intake: ReturnType<typeof summarize>; baseline: ReturnType<typeof summarize> };
  eight: { intake: Awaited<ReturnType<typeof closedLoop>>; baseline: Awaited<ReturnType<typeof closedLoop>> };
  steady: { perSecond: number; p95Target: number; intake: ReturnType<typeof summarize> };
}

async function measure(engine: string, database: Database): Promise<Figures> {
  const s = await prepareIntake(database);
  const run = Date.now();
  const intake: Op = async (i) => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: `Bearer ${s.token}`, 'idempotency-key': `bench-${run}-${i}` },
      payload: {
        projectId: s.projectId,
        type: '报修',
        priority: '急',
        unitId: s.unitId,
        categoryId: s.categoryId,
        contactPhone: '13812345678',
        description: `厨房水管漏水 #${i}`,
      },
    });
    if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
  };
  // Warm up (JIT, caches, connections), then copy one real intake's rows for the baseline.
  await closedLoop(1, 2, intake);
  const [sample] = await database.query<{ id: number }>('select max(id) as id from tickets');
  const baseline = await baselineOf(database, s, Number(sample?.id));
  await closedLoop(0.5, 2, baseline);
  const single = {
    intake: summarize(await latencies(SECONDS / 2, intake)),
    baseline: summarize(await latencies(SECONDS / 2, baseline)),
  };
  const eight = {
    intake: await closedLoop(SECONDS, 8, intake),
    baseline: await closedLoop(SECONDS, 8, baseline),
  };
  const rate = STEADY_RATE[engine] ?? { perSecond: 20, p95Target: 100 };
  const steady = { ...rate, intake: await openLoop(SECONDS, rate.perSecond, intake) };
  const [dispatched] = await database.query<{ n: string | number }>(
    "select count(*) as n from work_orders where status = '待派单'",
  );
  if (Number(dispatched?.n) > 0) console.log(`  note: ${dispatched?.n} orders were left in the pool`);
  await s.app.close();
  return { engine, single, eight, steady };
}

/** One at a time: each operation's latency. */
async function latencies(seconds: number, op: Op): Promise<number[]> {
  const out: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    await op(seq++);
    out.push(performance.now() - t0);
  }
  return out;
}

async function main() {
  const results = await onEachEngine(ENGINES, measure);
  console.log(`\n== Intake (${SECONDS} s per measurement; an urgent repair, dispatched automatically)`);
  table([
    ['engine', 'what', 'p50 ms', 'p95 ms', 'p99 ms', 'per s'],
    ...results.flatMap((r) => [
      [
        r.engine,
        'baseline, one at a time',
        ms(r.single.baseline.p50),
        ms(r.single.baseline.p95),
        ms(r.single.baseline.p99),
        '',
      ],
      [
        r.engine,
        'intake, one at a time',
        ms(r.single.intake.p50),
        ms(r.single.intake.p95),
        ms(r.single.intake.p99),
        '',
      ],
      [
        r.engine,
        'baseline, 8 in flight',
        ms(r.eight.baseline.p50),
        ms(r.eight.baseline.p95),
        ms(r.eight.baseline.p99),
        r.eight.baseline.perSecond.toFixed(0),
      ],
      [
        r.engine,
        'intake, 8 in flight',
        ms(r.eight.intake.p50),
        ms(r.eight.intake.p95),
        ms(r.eight.intake.p99),
        r.eight.intake.perSecond.toFixed(0),
      ],
      [
        r.engine,
        `intake, steady ${r.steady.perSecond}/s`,
        ms(r.steady.intake.p50),
        ms(r.steady.intake.p95),
        ms(r.steady.intake.p99),
        '',
      ],
    ]),
  ]);
  console.log(
    '  baseline = one transaction inserting a copy of the rows one intake wrote (one statement per table)',
  );
  for (const r of results) {
    const x = r.single.intake.p50 / r.single.baseline.p50;
    console.log(
      `${r.engine}: single intake p50 ${ratio(r.single.intake.p50, r.single.baseline.p50)} the baseline (target ≤ ×3: ${verdict(x <= 3)}); ` +
        `p95 at ${r.steady.perSecond}/s ${ms(r.steady.intake.p95)} ms (target ≤ ${r.steady.p95Target} ms: ${verdict(r.steady.intake.p95 <= r.steady.p95Target)})`,
    );
  }
}

await main();
