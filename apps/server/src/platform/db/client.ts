import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Commands accept either: called alone they run on the pool, inside a command they join its transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

/** A transaction's own connection, for the few hot paths that bypass Drizzle (see rawTransaction). */
export interface RawConnection {
  /**
   * One statement with positional parameters. With a `name`, PostgreSQL parses and plans it once per
   * connection and reuses that (the embedded engine ignores the name).
   */
  query<T = Record<string, unknown>>(text: string, params: unknown[], name?: string): Promise<T[]>;
}

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Raw SQL with positional parameters, for the few statements Drizzle cannot express. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * A transaction whose opening statements (`opening`: a script without parameters, several
   * statements, each reading after the one before finished) go in the same round trip as BEGIN; `fn`
   * gets their results, one row list per statement, and the connection. Commits when `fn` returns,
   * rolls back when it throws.
   */
  rawTransaction<T>(
    opening: string,
    fn: (connection: RawConnection, opened: Record<string, unknown>[][]) => Promise<T>,
  ): Promise<T>;
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
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url?.startsWith('postgres')) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data', options.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    connectionString: url,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
    async rawTransaction(opening, fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // A multi-statement script goes by the simple protocol: one round trip, one result per statement.
        const results = (await client.query(`begin;\n${opening}`)) as unknown as
          | pg.QueryResult
          | pg.QueryResult[];
        const opened = (Array.isArray(results) ? results : [results]).slice(1).map((r) => r.rows);
        const connection: RawConnection = {
          async query<T>(text: string, params: unknown[], name?: string) {
            const result = await client.query(
              name ? { name, text, values: params } : { text, values: params },
            );
            return result.rows as T[];
          },
        };
        const out = await fn(connection, opened);
        await client.query('commit');
        return out;
      } catch (error) {
        await client.query('rollback').catch((e: Error) => {
          broken = e;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const memory = dataDir.startsWith('memory://');
  if (!memory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: memory ? undefined : dataDir,
    extensions: { pg_trgm },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    rawTransaction: (opening, fn) =>
      client.transaction(async (tx) => {
        const opened = (await tx.exec(opening)).map((r) => r.rows as Record<string, unknown>[]);
        return fn(
          {
            async query<T>(text: string, params: unknown[]) {
              return (await tx.query<T>(text, params)).rows;
            },
          },
          opened,
        );
      }),
    close: () => client.close(),
  };
}
