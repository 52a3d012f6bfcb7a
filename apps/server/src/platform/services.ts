import type { Bus } from './bus/bus';
import { createMemoryBus } from './bus/memory-bus';
import { createPostgresBus } from './bus/postgres-bus';
import { createRedisBus } from './bus/redis-bus';
import { ControllableClock, systemClock } from './clock/clock';
import { openDatabase } from './db/client';
import { openEmbeddedChecked } from './db/integrity';
import { migrate } from './db/migrate';
import type { Config, Services } from './http/app-types';
import { createLocalQueue } from './jobs/local-queue';

/**
 * Open the database, migrate, and pick the env-selected providers. An embedded database is checked
 * before anything writes to it (DataDirDamagedError when it is damaged).
 */
export async function createServices(
  config: Config,
  options: { say?: (line: string) => void } = {},
): Promise<Services> {
  const database = config.databaseUrl
    ? await openDatabase({ url: config.databaseUrl })
    : await openEmbeddedChecked(config.dataDir, { ...options, sharedBuffers: config.pgliteSharedBuffers });
  await migrate(database);
  const testClock = config.testClock ? new ControllableClock() : undefined;
  const clock = testClock ?? systemClock;
  const bus = await createBus(config, database.connectionString);
  const queue = createLocalQueue(database, clock, { stuckAfterMs: config.jobStuckAfterMs });
  if (testClock) testClock.onChange(() => void queue.drain());
  return { config, database, clock, testClock, bus, queue };
}

async function createBus(config: Config, connectionString?: string): Promise<Bus> {
  if (config.bus === 'redis' && config.redisUrl) return createRedisBus(config.redisUrl);
  if (config.bus === 'postgres' && connectionString) return createPostgresBus(connectionString);
  return createMemoryBus();
}

export async function closeServices(services: Services): Promise<void> {
  await services.queue.stop();
  await services.bus.close();
  await services.database.close();
}
