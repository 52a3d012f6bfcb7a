import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Which engine the integration suite runs on: the vitest project sets GUANJIA_TEST_DB. */
export const testDbKind = (): 'pglite' | 'postgres' =>
  process.env.GUANJIA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh PostgreSQL database per test file, so parallel runs never collide; dropped afterwards.
 * Returns the URL to connect to and a function that drops it. `template`: a database to copy (the
 * suite's migrated template) instead of an empty one.
 */
export async function createScratchPostgres(
  template = 'template0',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL suite');
  const name = `guanjia_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} template ${template} encoding 'UTF8'`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
