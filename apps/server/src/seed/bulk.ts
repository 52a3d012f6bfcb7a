import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../platform/db/client';

/** Element types the bulk path knows how to ship as one array parameter per column. */
export type BulkType =
  | 'bigint'
  | 'integer'
  | 'text'
  | 'boolean'
  | 'date'
  | 'numeric'
  | 'timestamptz'
  | 'text[]'
  | 'jsonb';

/** Select-shaped so an identity id can be given (with overridingSystemValue); omitted keys fall back to defaults. */
export type BulkRow<T extends PgTable> = Partial<T['$inferSelect']>;
type Key<T extends PgTable> = keyof T['$inferSelect'] & string;
export type BulkColumns<T extends PgTable> = Partial<Record<Key<T>, BulkType>>;

/** '{"a","b \"c\""}': a text[] literal, shipped as text inside the text[] parameter of its column. */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function cell(type: BulkType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'text[]') return textArrayLiteral(value as string[]);
  // Shipped as text and cast per row: a jsonb[] parameter would need the driver to quote each element.
  if (type === 'jsonb') return typeof value === 'string' ? value : JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

export interface BulkOptions<T extends PgTable> {
  /** Rows per statement; the whole chunk travels as one array per column. */
  chunk?: number;
  /** Needed when the rows carry ids reserved with reserveIds. */
  overridingSystemValue?: boolean;
  /** The same value for every row (created_at …), sent once per statement. */
  constants?: Partial<Record<Key<T>, [BulkType, unknown]>>;
}

/**
 * INSERT … SELECT FROM unnest($1::t1[], $2::t2[], …): one parameter per column whatever the row count,
 * so thousands of rows cost one parse and one round trip, on PGlite and PostgreSQL alike.
 */
export async function insertUnnest<T extends PgTable>(
  tx: DbOrTx,
  table: T,
  columns: BulkColumns<T>,
  rows: readonly BulkRow<T>[],
  options: BulkOptions<T> = {},
): Promise<void> {
  const tableColumns = getTableColumns(table) as Record<string, { name: string }>;
  const columnName = (key: string) => {
    const col = tableColumns[key];
    if (!col) throw new Error(`${getTableName(table)} has no column ${key}`);
    return col.name;
  };
  const keys = Object.keys(columns) as Key<T>[];
  const constants = Object.entries(options.constants ?? {}) as [string, [BulkType, unknown]][];
  const names = [...keys.map(columnName), ...constants.map(([k]) => columnName(k))].map((n) =>
    sql.identifier(n),
  );
  const chunk = options.chunk ?? 5000;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const arrays: SQL[] = [];
    const picks: SQL[] = [];
    keys.forEach((key, i) => {
      const type = columns[key] as BulkType;
      const values = slice.map((row) => cell(type, (row as Record<string, unknown>)[key]));
      const elementType = type === 'text[]' || type === 'jsonb' ? 'text' : type;
      arrays.push(sql`${sql.param(values)}::${sql.raw(elementType)}[]`);
      picks.push(type === 'text[]' || type === 'jsonb' ? sql.raw(`c${i}::${type}`) : sql.raw(`c${i}`));
    });
    for (const [, [type, value]] of constants)
      picks.push(sql`${sql.param(cell(type, value))}::${sql.raw(type)}`);
    const aliases = sql.raw(keys.map((_, i) => `c${i}`).join(', '));
    await tx.execute(
      sql`insert into ${table} (${sql.join(names, sql`, `)}) ${options.overridingSystemValue ? sql`overriding system value ` : sql``}select ${sql.join(picks, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${aliases})`,
    );
  }
}

/**
 * Reserve `count` consecutive ids of an identity column so parents and children can be written without
 * reading ids back. The table lock keeps concurrent inserts from drawing from the sequence meanwhile.
 */
export async function reserveIds(tx: Tx, table: PgTable, count: number): Promise<number[]> {
  if (count <= 0) return [];
  const name = getTableName(table);
  await tx.execute(sql.raw(`lock table "${name}" in share row exclusive mode`));
  const result = await tx.execute(sql`select nextval(pg_get_serial_sequence(${name}, 'id'))::text as first`);
  const first = Number(rowsOf(result)[0]?.first);
  if (!Number.isSafeInteger(first)) throw new Error(`could not reserve ids on ${name}`);
  if (count > 1)
    await tx.execute(sql`select setval(pg_get_serial_sequence(${name}, 'id'), ${first + count - 1})`);
  return Array.from({ length: count }, (_, i) => first + i);
}

/** node-postgres answers { rows }, PGlite answers { rows } too, but the Drizzle types differ per driver. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}
