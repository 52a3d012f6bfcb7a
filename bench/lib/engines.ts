/** Run a measurement on each engine named in BENCH_ENGINES, each on a database of its own. */
import { type Database, openDatabase } from '../../apps/server/src/platform/db/client';
import { createScratchPostgres } from '../../apps/server/src/testing/test-database';

export async function onEachEngine<T>(
  engines: readonly string[],
  measure: (engine: 'postgres' | 'pglite', database: Database) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (const engine of engines) {
    if (engine === 'postgres') {
      if (!process.env.TEST_DATABASE_URL) {
        console.log('postgres: skipped (set TEST_DATABASE_URL)');
        continue;
      }
      // A scratch database per run: dropped afterwards, so runs never see each other's rows.
      const scratch = await createScratchPostgres();
      const database = await openDatabase({ url: scratch.url, poolSize: 10 });
      try {
        results.push(await measure('postgres', database));
      } finally {
        await database.close();
        await scratch.drop();
      }
    } else {
      const database = await openDatabase({ dataDir: 'memory://' });
      try {
        results.push(await measure('pglite', database));
      } finally {
        await database.close();
      }
    }
  }
  return results;
}
