import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Database, openDatabase } from './client';
import { createDataDir } from './create-data-dir';
import { classifyDataDir, type DataDirState, tornRelationFiles } from './rules/data-dir';

/** The embedded data directory cannot be used as it is; main.ts explains how to restore it. */
export class DataDirDamagedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The embedded database in ${dataDir} cannot be used: ${reason}`, options);
    this.name = 'DataDirDamagedError';
  }
}

const listOrNull = (dir: string) => (existsSync(dir) ? readdirSync(dir) : null);

/** Relation files (and their sizes) under base/ and global/. */
function relationFiles(dataDir: string): { path: string; size: number }[] {
  const files: { path: string; size: number }[] = [];
  for (const top of ['base', 'global']) {
    const dir = path.join(dataDir, top);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      files.push({ path: path.relative(dataDir, full), size: statSync(full).size });
    }
  }
  return files;
}

/** Checks that need no engine, done before opening because opening a broken directory may write to it. */
export function inspectDataDir(dataDir: string): DataDirState {
  const state = classifyDataDir(listOrNull(dataDir));
  if (state === 'foreign')
    throw new DataDirDamagedError(
      dataDir,
      'it is not empty but has no PG_VERSION (opening it would start an empty database over it)',
    );
  if (state !== 'initialized') return state;
  const torn = tornRelationFiles(relationFiles(dataDir));
  if (torn.length)
    throw new DataDirDamagedError(
      dataDir,
      `${torn.length} data file(s) end in the middle of a page (${torn.slice(0, 3).join(', ')}), rows would be lost`,
    );
  return state;
}

/**
 * Sanity queries on an opened database: the migrations table answers, and every table reads to its
 * end (a count visits each page, and the embedded engine keeps data checksums, so a garbled page
 * fails here instead of in a resident's request). About 0.6 s on the demo estate.
 */
export async function verifyDatabase(database: Database): Promise<{ tables: number; rows: number }> {
  const tables = await database.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const [migrations] = await database.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  // A first start that stopped before migrating has nothing to lose; tables without their migration
  // record mean the catalog is damaged.
  if (!migrations?.present && tables.length) throw new Error('the migrations table is missing');
  let rows = 0;
  for (const { name } of tables) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${name}`);
    rows += row?.n ?? 0;
  }
  if (migrations?.present) {
    const [applied] = await database.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    if (!applied?.n) throw new Error('the migrations table is empty');
  }
  return { tables: tables.length, rows };
}

/**
 * Open the embedded database in `dataDir`, refusing one that is damaged: a directory that lost
 * PG_VERSION, torn data files, an engine that cannot start on it, a table that cannot be read.
 * A refused database is left open, not closed: a clean close writes a shutdown checkpoint, and the
 * damaged directory must stay as it was for whoever investigates it.
 */
export async function openEmbeddedChecked(
  dataDir: string,
  options: { say?: (line: string) => void; sharedBuffers?: string } = {},
): Promise<Database> {
  const state = inspectDataDir(dataDir);
  if (state === 'absent' || state === 'empty') {
    options.say?.(`Creating the embedded database in ${path.resolve(dataDir)}…`);
    await createDataDir(dataDir);
  }
  let database: Database;
  try {
    database = await openDatabase({ dataDir, sharedBuffers: options.sharedBuffers });
  } catch (error) {
    if (state !== 'initialized') throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataDirDamagedError(dataDir, `the engine cannot open it (${reason})`, { cause: error });
  }
  if (state !== 'initialized') return database;
  try {
    await verifyDatabase(database);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataDirDamagedError(dataDir, `the start-up check failed (${reason})`, { cause: error });
  }
  return database;
}
