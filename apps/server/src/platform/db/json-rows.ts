import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Rows shipped as ONE json parameter and unpacked in SQL with json_populate_recordset(null::<table>, …):
 * the statement text stays the same whatever the rows, so it is built once instead of per call (Drizzle
 * spends ~2 ms of CPU building a multi-table insert with its builder), and PostgreSQL parses the same
 * text each time. Keys are column names; Dates become ISO strings, jsonb values stay nested JSON.
 */
export interface JsonRows<T extends PgTable> {
  /** '"a", "b", …' — the columns, for INSERT (…) and SELECT lists. */
  columns: string;
  /** 'r."a", r."b", …' — the same columns read from the populated record `r`. */
  fromRecord: string;
  /** `json_populate_recordset(null::<table>, <param>) r` */
  recordset(param: string): string;
  /** The JSON text for `rows`. */
  json(rows: readonly Partial<T['$inferSelect']>[]): string;
}

export function jsonRows<T extends PgTable>(table: T, keys: readonly (keyof T['$inferSelect'] & string)[]) {
  const all = getTableColumns(table) as Record<string, { name: string }>;
  const names = keys.map((k) => {
    const column = all[k];
    if (!column) throw new Error(`${getTableName(table)} has no column ${k}`);
    return column.name;
  });
  const tableName = getTableName(table);
  const result: JsonRows<T> = {
    columns: names.map((n) => `"${n}"`).join(', '),
    fromRecord: names.map((n) => `r."${n}"`).join(', '),
    recordset: (param) => `json_populate_recordset(null::"${tableName}", ${param}::json) r`,
    json: (rows) =>
      JSON.stringify(
        rows.map((row) => {
          const out: Record<string, unknown> = {};
          keys.forEach((k, i) => {
            const value = (row as Record<string, unknown>)[k];
            if (value !== null && value !== undefined) out[names[i] as string] = value;
          });
          return out;
        }),
      ),
  };
  return result;
}

/** Every property key of a table except `omit`. */
export function keysOf<T extends PgTable>(
  table: T,
  omit: readonly (keyof T['$inferSelect'] & string)[] = [],
): (keyof T['$inferSelect'] & string)[] {
  return Object.keys(getTableColumns(table)).filter(
    (k) => !omit.includes(k as never),
  ) as (keyof T['$inferSelect'] & string)[];
}
