// npm run seed:large [-- --residents N] [--tickets N]: add the 压测小区 load-test project (200,000
// residents by default) to the configured database (GUANJIA_DATA_DIR or DATABASE_URL), and with
// --tickets two years of service requests (e.g. 2000000). Safe to re-run: it only tops up.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createMemoryBus } from '../platform/bus/memory-bus';
import { systemClock } from '../platform/clock/clock';
import { openDatabase } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';
import type { Services } from '../platform/http/app-types';
import { createLocalQueue } from '../platform/jobs/local-queue';
import { type LargeProgress, seedLargeEstate } from '../seed/large-estate';
import { seedLargeTickets } from '../seed/large-tickets';
import { seedIfEmpty } from '../seed/seed-if-empty';

const { values } = parseArgs({
  options: { residents: { type: 'string', default: '200000' }, tickets: { type: 'string', default: '0' } },
});
const target = Number(values.residents);
const ticketTarget = Number(values.tickets);
if (!Number.isSafeInteger(target) || target < 1 || !Number.isSafeInteger(ticketTarget) || ticketTarget < 0) {
  console.error('--residents must be a positive integer, --tickets a non-negative one');
  process.exit(2);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
try {
  await migrate(database);
  const services: Services = {
    config,
    database,
    clock: systemClock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, systemClock),
  };
  const seeded = await seedIfEmpty(services, { adminPassword: process.env.GUANJIA_ADMIN_PASSWORD });
  if (seeded) {
    console.log(`Empty database: company and demo estate created (${seeded.summary}).`);
    console.log(`  Admin login: admin / ${seeded.adminPassword}`);
  }
  console.log(`Seeding 压测小区 with ${fmt(target)} residents on ${database.kind}…`);
  let lastPrint = 0;
  const progress = (p: LargeProgress) => {
    if (p.done < p.total && p.elapsedMs - lastPrint < 2_000) return;
    lastPrint = p.elapsedMs;
    const seconds = p.elapsedMs / 1000;
    console.log(
      `  ${p.phase.padEnd(9)} ${fmt(p.done).padStart(9)} / ${fmt(p.total)}  ${fmt(p.rows / Math.max(seconds, 0.001)).padStart(8)} rows/s  ${seconds.toFixed(1)}s`,
    );
  };
  const result = await seedLargeEstate(database, {
    residents: target,
    now: systemClock.now(),
    onProgress: progress,
  });
  if (result.residentsAdded === 0) {
    console.log(
      `Nothing to do: 压测小区 already has ${fmt(result.residentsBefore)} residents (≥ ${fmt(target)}).`,
    );
  } else {
    const seconds = result.elapsedMs / 1000;
    console.log(
      `Done: ${fmt(result.residentsAdded)} residents added (${fmt(result.residentsBefore + result.residentsAdded)} in total), ` +
        `${result.buildings} buildings, ${fmt(result.units)} units, ${fmt(result.rowsWritten)} rows in ${seconds.toFixed(1)}s ` +
        `(${fmt(result.rowsWritten / seconds)} rows/s).`,
    );
  }
  if (ticketTarget > 0) await seedTickets();
} catch (error) {
  // Drizzle's message repeats every parameter (arrays of thousands of values): show the database's reason.
  const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  console.error(`seed:large failed: ${reason instanceof Error ? reason.message : String(reason)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}

async function seedTickets(): Promise<void> {
  console.log(`Seeding ${fmt(ticketTarget)} tickets into 压测小区 on ${database.kind}…`);
  let last = 0;
  const result = await seedLargeTickets(database, {
    tickets: ticketTarget,
    now: systemClock.now(),
    onProgress: (p) => {
      if (p.done < p.total && p.elapsedMs - last < 5_000) return;
      last = p.elapsedMs;
      const s = p.elapsedMs / 1000;
      console.log(
        `  tickets   ${fmt(p.done).padStart(9)} / ${fmt(p.total)}  ${fmt(p.rows / Math.max(s, 0.001)).padStart(8)} rows/s  ${s.toFixed(1)}s`,
      );
    },
  });
  if (result.ticketsAdded === 0)
    console.log(
      `Nothing to do: 压测小区 already has ${fmt(result.ticketsBefore)} tickets (≥ ${fmt(ticketTarget)}).`,
    );
  else
    console.log(
      `Done: ${fmt(result.ticketsAdded)} tickets added, ${fmt(result.rowsWritten)} rows (tickets, work orders, ` +
        `callbacks, SLA clocks) in ${(result.elapsedMs / 1000).toFixed(1)}s.`,
    );
}
