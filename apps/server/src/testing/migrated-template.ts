import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';

/**
 * Every integration test file starts on a migrated database. Creating one from nothing (PGlite's
 * initdb, then every migration) costs seconds a file; the suite's global set-up migrates once and
 * these variables point each file at the result: a PGlite dump to load, or a PostgreSQL database to
 * copy with CREATE DATABASE … TEMPLATE. Without them (a bench, a single script) a file migrates itself.
 */
export const PGLITE_TEMPLATE_ENV = 'GUANJIA_TEST_PGLITE_DUMP';
export const POSTGRES_TEMPLATE_ENV = 'GUANJIA_TEST_PG_TEMPLATE';

/** Writes a dump of a freshly migrated embedded database to `file`. */
export async function writeMigratedPgliteDump(file: string): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database);
    const dump = await database.pglite?.dumpDataDir('none');
    if (!dump) throw new Error('the embedded engine gave no dump');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** The dump the global set-up wrote, if any, to pass to openDatabase as loadDataDir. */
export function migratedPgliteDump(): Blob | undefined {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  return file ? new Blob([readFileSync(file)]) : undefined;
}

/** A migrated PostgreSQL database nobody connects to, to copy; `drop` removes it. */
export async function createPostgresTemplate(
  baseUrl: string,
): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `guanjia_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name} template template0 encoding 'UTF8'`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 1 });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  return { name, drop: () => admin(`drop database if exists ${name} with (force)`) };
}
