import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';

/** Rows of a raw aggregate query; both drivers answer { rows }. Sums arrive as strings: callers use num(). */
export async function sqlRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
