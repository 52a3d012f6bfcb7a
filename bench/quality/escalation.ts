// 整改单 overdue sweep bench (issue 18): BENCH_ITEMS (2,000) open rectification items all past their
// deadline at once; one run of the sweep escalates each exactly once (row lock, in-app notifications to
// the department head and project manager, audit event). Printed: the sweep's wall time and the per-item
// cost, beside a baseline measured in the same run: one overdue item. Then the R17 report over the same
// rows. Asserts nothing.
//
// Target: 2,000 overdue items escalated within one 5-minute sweep period (well under 60 s).
//
//   BENCH_ITEMS=2000  BENCH_ENGINES=pglite,postgres
import os from 'node:os';
import { PERMISSIONS } from '@guanjia/shared';
import { departments } from '../../apps/server/src/modules/complaints/schema';
import { qualityReport } from '../../apps/server/src/modules/quality-inspections/report';
import { escalateOverdue } from '../../apps/server/src/modules/rectifications/escalate-overdue';
import { rectifications } from '../../apps/server/src/modules/rectifications/schema';
import type { AuthContext } from '../../apps/server/src/platform/auth/context';
import { createMemoryBus } from '../../apps/server/src/platform/bus/memory-bus';
import { ControllableClock } from '../../apps/server/src/platform/clock/clock';
import type { Database } from '../../apps/server/src/platform/db/client';
import { migrate } from '../../apps/server/src/platform/db/migrate';
import type { Services } from '../../apps/server/src/platform/http/app-types';
import { createLocalQueue } from '../../apps/server/src/platform/jobs/local-queue';
import { seedFixture } from '../../apps/server/src/testing/fixture';
import { testConfig } from '../../apps/server/src/testing/test-server';
import { onEachEngine } from '../lib/engines';
import { ms, seconds, table, verdict } from '../lib/stats';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());
const TARGET_MS = 60_000;

interface Figures {
  engine: string;
  baselineMs: number;
  sweepMs: number;
  escalated: number;
  reportMs: number;
}

async function measure(engine: string, database: Database): Promise<Figures> {
  await migrate(database);
  const clock = new ControllableClock();
  const services: Services = {
    config: testConfig(),
    database,
    clock,
    testClock: clock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, clock),
  };
  const f = await seedFixture(services, 'bench-pass-123');
  const [dept] = await database.db
    .insert(departments)
    .values({ companyId: f.companyId, projectId: f.projectA, name: '工程部', leaderId: f.users.supervisor_a })
    .returning();
  const now = clock.now();
  const insert = async (n: number) => {
    for (let i = 0; i < n; i += 500)
      await database.db.insert(rectifications).values(
        Array.from({ length: Math.min(500, n - i) }, (_, j) => ({
          companyId: f.companyId,
          projectId: f.projectA,
          sourceType: 'quality_inspection' as const,
          title: `bench ${i + j}`,
          departmentId: dept!.id,
          ownerId: f.users.tech_a,
          checkerId: f.users.qa_a,
          deadline: new Date(now.getTime() - 60_000),
          createdAt: new Date(now.getTime() - 86_400_000),
        })),
      );
  };
  await insert(1);
  let t0 = performance.now();
  await escalateOverdue(services);
  const baselineMs = performance.now() - t0;
  await insert(ITEMS);
  t0 = performance.now();
  const escalated = await escalateOverdue(services);
  const sweepMs = performance.now() - t0;
  const auth: AuthContext = {
    userId: f.users.admin,
    companyId: f.companyId,
    username: 'admin',
    displayName: 'bench',
    locale: 'zh-CN',
    permissions: new Set(PERMISSIONS),
    projectIds: [f.projectA],
    allProjects: true,
    sessionId: 0,
  };
  t0 = performance.now();
  await qualityReport(database.db, auth, { projectId: f.projectA }, now);
  return { engine, baselineMs, sweepMs, escalated, reportMs: performance.now() - t0 };
}

async function main() {
  const before = os.loadavg()[0]!.toFixed(1);
  const results = await onEachEngine(ENGINES, measure);
  console.log(`\nload average ${before} before (${os.cpus().length} CPUs)`);
  console.log(`== 整改单 overdue sweep: ${ITEMS} items past their deadline at once`);
  table([
    ['engine', 'what', 'escalated', 'time', 'per item', 'target'],
    ...results.flatMap((r) => [
      [r.engine, 'baseline, 1 item', '1', ms(r.baselineMs), ms(r.baselineMs), ''],
      [
        r.engine,
        `${ITEMS} at once`,
        String(r.escalated),
        seconds(r.sweepMs),
        ms(r.sweepMs / Math.max(1, r.escalated)),
        `${verdict(r.sweepMs <= TARGET_MS)} (≤ ${seconds(TARGET_MS)})`,
      ],
      [r.engine, 'R17 report over them', '', ms(r.reportMs), '', ''],
    ]),
  ]);
}

void main();
