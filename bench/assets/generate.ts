// Maintenance-plan bench (issue 16): BENCH_EQUIPMENT (5,000) pieces of equipment of one project, spread
// over the equipment types of the §3.8 templates, get every template plan (按系统生成计划 for all
// systems); then the nightly job's generation of BENCH_DAYS (30) days of tasks is timed. Beside it, a
// baseline measured in the same run on the same database: inserting the same number of task rows
// with one plain INSERT … SELECT (what the engine itself needs for that many rows). Asserts nothing.
//
// Target (issue 16): ≤ 10 s on PostgreSQL.
//
//   BENCH_EQUIPMENT=5000  BENCH_DAYS=30  BENCH_ENGINES=postgres,pglite
import { EQUIPMENT_SYSTEMS } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { plansFromTemplates } from '../../apps/server/src/modules/assets/generate-plans';
import { generateTasks } from '../../apps/server/src/modules/assets/generate-tasks';
import { equipment, inspectionTasks } from '../../apps/server/src/modules/assets/schema';
import { PLAN_HORIZON_DAYS } from '../../apps/server/src/modules/assets/settings';
import { PLAN_TEMPLATES } from '../../apps/server/src/modules/assets/templates';
import { createMemoryBus } from '../../apps/server/src/platform/bus/memory-bus';
import { ControllableClock } from '../../apps/server/src/platform/clock/clock';
import type { Database } from '../../apps/server/src/platform/db/client';
import { migrate } from '../../apps/server/src/platform/db/migrate';
import type { Services } from '../../apps/server/src/platform/http/app-types';
import { createLocalQueue } from '../../apps/server/src/platform/jobs/local-queue';
import { settings } from '../../apps/server/src/platform/settings/schema';
import { seedFixture } from '../../apps/server/src/testing/fixture';
import { testConfig } from '../../apps/server/src/testing/test-server';
import { onEachEngine } from '../lib/engines';
import { seconds, table, verdict } from '../lib/stats';

const PIECES = Number(process.env.BENCH_EQUIPMENT ?? 5000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());
const TARGET_MS = 10_000;
const NOW = new Date('2026-12-07T01:00:00Z');

interface Figures {
  engine: string;
  plans: number;
  tasks: number;
  generateMs: number;
  baselineMs: number;
}

async function measure(engine: string, database: Database): Promise<Figures> {
  await migrate(database);
  const clock = new ControllableClock();
  clock.set(NOW);
  const services: Services = {
    config: testConfig(),
    database,
    clock,
    testClock: clock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, clock),
  };
  const fixture = await seedFixture(services, 'bench-pass-123');
  const { db } = database;
  const projectId = fixture.projectA;
  // The product default horizon is 30 days; another BENCH_DAYS is a project override.
  if (DAYS !== PLAN_HORIZON_DAYS.defaultValue)
    await db
      .insert(settings)
      .values({ scope: 'project', scopeId: projectId, key: PLAN_HORIZON_DAYS.key, value: DAYS });
  const types = [
    ...new Set(PLAN_TEMPLATES.filter((t) => t.equipmentType).map((t) => `${t.system}|${t.equipmentType}`)),
  ];
  const rows = Array.from({ length: PIECES }, (_, i) => {
    const [system, type] = (types[i % types.length] ?? '其他|其他').split('|') as [string, string];
    return {
      companyId: fixture.companyId,
      projectId,
      code: `EQ-${i + 1}`,
      name: `${type} ${i + 1}`,
      system,
      type,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insert(equipment).values(rows.slice(i, i + 1000));
  const plans = await db.transaction((tx) =>
    plansFromTemplates(tx, fixture.companyId, projectId, EQUIPMENT_SYSTEMS, '2026-12-07', NOW),
  );

  const start = performance.now();
  const tasks = await db.transaction((tx) => generateTasks(tx, projectId, NOW));
  const generateMs = performance.now() - start;

  // Baseline: the same number of rows in one INSERT … SELECT, then removed again.
  const [anyTask] = await db.select().from(inspectionTasks).limit(1);
  const baseStart = performance.now();
  if (anyTask)
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into inspection_tasks (company_id, project_id, plan_id, equipment_key, equipment_id, system, title,
          due_date, slot, due_at, expires_at, checklist_version_id, created_at)
        select company_id, project_id, plan_id, equipment_key, equipment_id, system, title,
          due_date, slot + 100, due_at, expires_at, checklist_version_id, created_at
        from inspection_tasks`);
    });
  const baselineMs = performance.now() - baseStart;
  return { engine, plans: plans.created, tasks, generateMs, baselineMs };
}

const results = await onEachEngine(ENGINES, measure);
console.log(
  `\n== Maintenance tasks: ${PIECES} pieces of equipment, ${DAYS} days ahead (target ≤ 10 s on PostgreSQL)`,
);
table([
  ['engine', 'plans', 'tasks generated', 'generation', 'baseline: same rows, one INSERT … SELECT', 'target'],
  ...results.map((r) => [
    r.engine,
    String(r.plans),
    String(r.tasks),
    seconds(r.generateMs),
    seconds(r.baselineMs),
    r.engine === 'postgres' ? verdict(r.generateMs <= TARGET_MS) : '—',
  ]),
]);
