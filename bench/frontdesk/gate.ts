// Gate verify bench (issue 20): BENCH_PASSES (20,000) desk records in the table, then BENCH_SCANS (500)
// gate scans of valid passes one after another (each spends a use by the conditional update, in its
// own transaction with its audit event) and 50 concurrent scans of one pass allowed 10 uses. Printed:
// per-scan latency beside a baseline measured in the same run — a plain read of the pass by its code —
// and how many of the concurrent scans got through (must be exactly 10). Asserts nothing.
//
// Target: p95 of a scan under 50 ms on PostgreSQL; never more uses than allowed.
//
//   BENCH_PASSES=20000 BENCH_SCANS=500 BENCH_ENGINES=pglite,postgres
import os from 'node:os';
import { PERMISSIONS } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import { verifyAtGate } from '../../apps/server/src/modules/frontdesk/gate';
import { makeCode } from '../../apps/server/src/modules/frontdesk/rules/registers';
import { deskEntries } from '../../apps/server/src/modules/frontdesk/schema';
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
import { ms, type Summary, summarize, table, verdict } from '../lib/stats';

const PASSES = Number(process.env.BENCH_PASSES ?? 20_000);
const SCANS = Number(process.env.BENCH_SCANS ?? 500);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());

interface Figures {
  engine: string;
  baseline: Summary;
  scan: Summary;
  concurrentPassed: number;
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
  const fixture = await seedFixture(services, 'bench-pass-123');
  const now = clock.now();
  const row = (i: number, uses: number | null) => ({
    companyId: fixture.companyId,
    projectId: i % 5 ? fixture.projectA : fixture.projectB,
    register: 'visitor' as const,
    code: makeCode('V'),
    status: '有效' as const,
    name: `访客${i}`,
    validFrom: new Date(now.getTime() - 3_600_000),
    validUntil: new Date(now.getTime() + 86_400_000),
    usesAllowed: uses,
  });
  const codes: string[] = [];
  for (let i = 0; i < PASSES; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, PASSES - i) }, (_, j) => row(i + j, 2));
    await database.db.insert(deskEntries).values(rows);
    codes.push(...rows.filter((r) => r.projectId === fixture.projectA).map((r) => r.code));
  }
  const auth: AuthContext = {
    userId: fixture.users.admin,
    companyId: fixture.companyId,
    username: 'admin',
    displayName: 'bench',
    locale: 'zh-CN',
    permissions: new Set(PERMISSIONS),
    projectIds: [fixture.projectA],
    allProjects: false,
    sessionId: 0,
  };
  const picks = codes.slice(0, SCANS);
  const base: number[] = [];
  for (const code of picks) {
    const t0 = performance.now();
    await database.db.select().from(deskEntries).where(eq(deskEntries.code, code));
    base.push(performance.now() - t0);
  }
  const scan: number[] = [];
  for (const code of picks) {
    const t0 = performance.now();
    const a = await verifyAtGate(services, auth, code);
    scan.push(performance.now() - t0);
    if (!a.valid) throw new Error(`scan refused: ${a.reason}`);
  }
  const [shared] = await database.db.insert(deskEntries).values(row(0, 10)).returning();
  const answers = await Promise.all(
    Array.from({ length: 50 }, () => verifyAtGate(services, auth, shared!.code)),
  );
  return {
    engine,
    baseline: summarize(base),
    scan: summarize(scan),
    concurrentPassed: answers.filter((a) => a.valid).length,
  };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function main() {
  const loadBefore = load();
  const results = await onEachEngine(ENGINES, measure);
  console.log(`\nload average ${loadBefore} before, ${load()} after (${os.cpus().length} CPUs)`);
  console.log(
    `== Gate verify: ${PASSES} passes in the table, ${SCANS} scans one by one, 50 at once on 10 uses`,
  );
  table([
    ['engine', 'what', 'p50 ms', 'p95 ms', 'max ms', 'concurrent passed', 'target'],
    ...results.flatMap((r) => [
      [
        r.engine,
        'baseline: read by code',
        ms(r.baseline.p50),
        ms(r.baseline.p95),
        ms(r.baseline.max),
        '',
        '',
      ],
      [
        r.engine,
        'gate scan (spend a use)',
        ms(r.scan.p50),
        ms(r.scan.p95),
        ms(r.scan.max),
        `${r.concurrentPassed}/10`,
        verdict(r.scan.p95 < 50 && r.concurrentPassed === 10),
      ],
    ]),
  ]);
}

await main();
