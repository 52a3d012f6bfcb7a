/**
 * Shared by the benches at scale (tickets, screen-pop): the engines to run on, each with a database
 * holding the 压测小区 (seed:large residents and tickets), and an app over it.
 */
import { buildApp } from '../../apps/server/src/app';
import { createMemoryBus } from '../../apps/server/src/platform/bus/memory-bus';
import { systemClock } from '../../apps/server/src/platform/clock/clock';
import { type Database, openDatabase } from '../../apps/server/src/platform/db/client';
import { migrate } from '../../apps/server/src/platform/db/migrate';
import type { Services } from '../../apps/server/src/platform/http/app-types';
import { createLocalQueue } from '../../apps/server/src/platform/jobs/local-queue';
import { seedLargeEstate } from '../../apps/server/src/seed/large-estate';
import { seedLargeTickets } from '../../apps/server/src/seed/large-tickets';
import { seedIfEmpty } from '../../apps/server/src/seed/seed-if-empty';
import { createScratchPostgres } from '../../apps/server/src/testing/test-database';
import { testConfig } from '../../apps/server/src/testing/test-server';

export const BENCH_ADMIN_PASSWORD = 'bench-admin-1';
const fmt = (n: number) => n.toLocaleString('en-US');

export interface LargeSizes {
  tickets: number;
  residents: number;
}

/**
 * Run `fn` on each engine of BENCH_ENGINES: PostgreSQL on BENCH_TICKETS_URL (a database seeded before,
 * migrated and topped up, never dropped) or a scratch database from TEST_DATABASE_URL; PGlite in memory.
 */
export async function onEachEngine<T>(
  sizes: { postgres: LargeSizes; pglite: LargeSizes },
  fn: (engine: 'postgres' | 'pglite', database: Database, sizes: LargeSizes) => Promise<T[]>,
): Promise<T[]> {
  const engines = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());
  const out: T[] = [];
  for (const engine of engines) {
    if (engine === 'postgres') {
      const reuse = process.env.BENCH_TICKETS_URL;
      if (!reuse && !process.env.TEST_DATABASE_URL) {
        console.log('postgres: skipped (set TEST_DATABASE_URL or BENCH_TICKETS_URL)');
        continue;
      }
      const scratch = reuse ? null : await createScratchPostgres();
      const database = await openDatabase({ url: reuse ?? scratch?.url, poolSize: 4 });
      try {
        out.push(...(await fn('postgres', database, sizes.postgres)));
      } finally {
        await database.close();
        await scratch?.drop();
      }
    } else {
      const database = await openDatabase({ dataDir: 'memory://' });
      try {
        out.push(...(await fn('pglite', database, sizes.pglite)));
      } finally {
        await database.close();
      }
    }
  }
  return out;
}

/** Migrate, seed what is missing of the 压测小区, and start an app (its services come back too). */
export async function largeApp(database: Database, sizes: LargeSizes) {
  await migrate(database);
  const services: Services = {
    config: testConfig(),
    database,
    clock: systemClock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, systemClock),
  };
  await seedIfEmpty(services, { adminPassword: BENCH_ADMIN_PASSWORD, demo: false });
  const t0 = performance.now();
  await seedLargeEstate(database, { residents: sizes.residents, now: systemClock.now() });
  const result = await seedLargeTickets(database, {
    tickets: sizes.tickets,
    now: systemClock.now(),
    onProgress: (p) => {
      if (p.done % 200_000 === 0 || p.done === p.total)
        console.log(`  seeding ${fmt(p.done)} / ${fmt(p.total)} tickets`);
    },
  });
  console.log(
    `  ${database.kind}: ${fmt(result.ticketsBefore + result.ticketsAdded)} tickets ` +
      `(${fmt(result.ticketsAdded)} added in ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
  const app = await buildApp(services);
  await app.ready();
  return { app, services };
}
