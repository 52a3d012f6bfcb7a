import path from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { SERVER_ROOT } from '../../paths';
import { LOCKS, withAdvisoryLock } from './advisory-lock';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = path.join(SERVER_ROOT, 'drizzle');

/** Apply the migration folder (the same SQL on both engines). */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  await withAdvisoryLock(database, LOCKS.migrate, () =>
    migrateNodePg(database.db as unknown as NodePgDatabase, config),
  );
}
