// Billing-run bench: a billing run over BENCH_UNITS (200,000) units × 3 fee items (物业费 on area, a
// fixed 垃圾清运费, metered 水费 with a reading per unit) through the real run function, beside a
// baseline measured in the same run: plain INSERT … SELECT of the same number of bills and lines
// into copies of the two tables (same columns and indexes). Then a re-run of the period (adds
// nothing). The estate is seeded set-based (generate_series). Asserts nothing.
//
// Target (issue 15): the run ≤ 60 s on PostgreSQL on this machine.
//
//   BENCH_UNITS=200000  BENCH_ENGINES=postgres  (pglite works too, slowly)
import { runBilling } from '../../apps/server/src/modules/billing/billing-run';
import { ControllableClock } from '../../apps/server/src/platform/clock/clock';
import type { Database } from '../../apps/server/src/platform/db/client';
import { migrate } from '../../apps/server/src/platform/db/migrate';
import { createLocalQueue } from '../../apps/server/src/platform/jobs/local-queue';
import { bootstrapCompany } from '../../apps/server/src/seed/bootstrap';
import { onEachEngine } from '../lib/engines';
import { ratio, seconds, table, time, verdict } from '../lib/stats';

const UNITS = Number(process.env.BENCH_UNITS ?? 200_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres').split(',').map((e) => e.trim());
const PERIOD = '2026-12';
const NOW = new Date('2026-12-01T02:00:00Z');

const one = async (database: Database, text: string, params: unknown[] = []) =>
  (await database.query<Record<string, string | number>>(text, params))[0] ?? {};

/** The estate, fee items, attachments and readings, each table in one INSERT … SELECT. */
async function seed(database: Database) {
  const clock = new ControllableClock();
  clock.set(NOW);
  const boot = await bootstrapCompany(database.db, clock, {
    companyName: '基准物业',
    adminPassword: 'bench-admin-1',
  });
  const c = boot.companyId;
  const { id: p } = await one(
    database,
    `insert into projects (company_id, code, name) values ($1, 'BENCH', '基准花园') returning id`,
    [c],
  );
  await database.query(
    `insert into buildings (project_id, code, name) select $1, g::text, g || '号楼' from generate_series(1, $2) g`,
    [p, Math.ceil(UNITS / 1000)],
  );
  await database.query(
    `insert into units (project_id, building_id, room, label, type, status, area_m2)
     select $1, b.id, g::text, b.code || '-' || g, '住宅', '已入住', 60 + (g * 37 % 9000) / 100.0
       from buildings b, generate_series(1, 1000) g where b.project_id = $1 limit $2`,
    [p, UNITS],
  );
  const item = async (
    code: string,
    name: string,
    formula: string,
    price: number | null,
    fixed: number | null,
  ) =>
    (
      await one(
        database,
        `insert into fee_items (company_id, project_id, code, name, kind, formula, unit_price, fixed_amount, start_date)
         values ($1, $2, $3, $4, 'monthly', $5, $6, $7, '2026-01-01') returning id`,
        [c, p, code, name, formula, price, fixed],
      )
    ).id;
  const items = [
    await item('WYF', '物业服务费', 'area', 23500, null),
    await item('LJ', '垃圾清运费', 'fixed', null, 1000),
    await item('SF', '水费', 'meter', 34500, null),
  ];
  for (const id of items)
    await database.query(
      `insert into fee_item_units (project_id, fee_item_id, unit_id) select $1, $2, id from units where project_id = $1`,
      [p, id],
    );
  await database.query(
    `insert into meter_readings (project_id, fee_item_id, unit_id, period, value, previous_value, source, read_at)
     select $1, $2, id, $3, 100 + id % 30, 100, 'import', now() from units where project_id = $1`,
    [p, items[2], PERIOD],
  );
  await database.query('analyze');
  return { companyId: c, projectId: Number(p), adminId: boot.adminId };
}

async function measure(engine: string, database: Database) {
  await migrate(database);
  const [ids, seedMs] = await time(() => seed(database));
  const clock = new ControllableClock();
  clock.set(NOW);
  const services = { database, clock, queue: createLocalQueue(database, clock) };
  const newRun = async () =>
    Number(
      (
        await one(
          database,
          `insert into billing_runs (company_id, project_id, period, started_by_id) values ($1, $2, $3, $4) returning id`,
          [ids.companyId, ids.projectId, PERIOD, ids.adminId],
        )
      ).id,
    );
  const firstRun = await newRun();
  const [run, runMs] = await time(() => runBilling(services, firstRun));
  const [again, rerunMs] = await time(async () => runBilling(services, await newRun()));

  // Baseline: the same rows by plain INSERT … SELECT into copies of bills and bill_lines.
  await database.query('create table bench_bills (like bills including all)');
  await database.query('create table bench_lines (like bill_lines including all)');
  const [, baseMs] = await time(async () => {
    await database.query(
      `insert into bench_bills (company_id, project_id, building_id, unit_id, period, due_date, billed_amount)
       select $1, u.project_id, u.building_id, u.id, $2, '2026-12-31', 0 from units u where u.project_id = $3`,
      [ids.companyId, PERIOD, ids.projectId],
    );
    await database.query(
      `insert into bench_lines (bill_id, project_id, unit_id, fee_item_id, period, description, amount)
       select b.id, a.project_id, a.unit_id, a.fee_item_id, $1, '基准', 100
         from fee_item_units a join bench_bills b on b.unit_id = a.unit_id where a.project_id = $2`,
      [PERIOD, ids.projectId],
    );
  });
  return {
    engine,
    seedMs,
    runMs,
    baseMs,
    rerunMs,
    bills: run?.billsCreated ?? 0,
    lines: run?.linesCreated ?? 0,
    again: again?.linesCreated ?? 0,
  };
}

const results = await onEachEngine(ENGINES, measure);
console.log(`\n== Billing run: ${UNITS.toLocaleString('en')} units × 3 fee items`);
table([
  [
    'engine',
    'seed',
    'billing run',
    'baseline INSERT … SELECT',
    'run ÷ baseline',
    'bills',
    'lines',
    're-run',
    're-run added',
    'target ≤ 60 s',
  ],
  ...results.map((r) => [
    r.engine,
    seconds(r.seedMs),
    seconds(r.runMs),
    seconds(r.baseMs),
    ratio(r.runMs, r.baseMs),
    String(r.bills),
    String(r.lines),
    seconds(r.rerunMs),
    String(r.again),
    verdict(r.runMs <= 60_000),
  ]),
]);
