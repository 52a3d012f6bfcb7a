import pg from 'pg';
import type { Database } from './client';

// Any constants work; they only have to be the same on every node.
export const LOCKS = { migrate: 7_162_024, seed: 7_162_025 } as const;

/**
 * Run `fn` while holding a PostgreSQL session-level advisory lock, so several nodes starting at once
 * take turns (migrations, first-start seeding). The lock lives on a connection of its own because
 * pool queries may land on any connection. The embedded engine is one process: no lock needed.
 */
export async function withAdvisoryLock<T>(database: Database, key: number, fn: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') return fn();
  const lock = new pg.Client({ connectionString: database.connectionString });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [key]);
    return await fn();
  } finally {
    await lock.end();
  }
}
