import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

// No relational schema: queries name their tables, so the platform never imports a module's tables.
type NoSchema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Commands accept either: called alone they run on the pool, inside a command they join its transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Raw SQL with positional parameters, for the few statements Drizzle cannot express. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The embedded engine, for dumps; undefined on PostgreSQL. */
  pglite?: PGlite;
  /** Open a dedicated connection for LISTEN (PostgreSQL only). */
  connectionString?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise the embedded engine. */
  url?: string;
  /** Embedded data directory; 'memory://' keeps everything in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Restore an embedded database from a dump produced by dumpDataDir. */
  loadDataDir?: Blob;
  /** The embedded engine's buffer cache (PostgreSQL syntax, e.g. '32MB'); PGlite's own default is 128MB. */
  sharedBuffers?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url?.startsWith('postgres')) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data', options.loadDataDir, options.sharedBuffers);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // JIT off: it compiled for ~100 ms before analytics queries that then ran in less (measured at 2M tickets,
  // bench/analytics); no query here runs long enough to repay it.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off' });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzleNodePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    connectionString: url,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob, sharedBuffers?: string): Promise<Database> {
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const memory = dataDir.startsWith('memory://');
  if (!memory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: memory ? undefined : dataDir,
    extensions: { pg_trgm },
    ...(loadDataDir ? { loadDataDir } : {}),
    ...(sharedBuffers
      ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] }
      : {}),
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    close: () => client.close(),
  };
}
