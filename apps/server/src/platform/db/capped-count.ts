import { count, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/** Beyond this many matches a list says "10,000+" instead of counting every row. */
export const COUNT_CAP = 10_000;

/**
 * An exact count(*) over 200,000 residents costs ~50 ms on every page; nobody pages past 10,000
 * matches, they refine the search. So count at most COUNT_CAP + 1 rows and say when it was capped.
 */
export async function cappedCount(
  db: DbOrTx,
  table: PgTable,
  where: SQL | undefined,
  cap = COUNT_CAP,
): Promise<{ total: number; totalCapped: boolean }> {
  const limited = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('capped');
  const [row] = await db.select({ n: count() }).from(limited);
  const n = row?.n ?? 0;
  return n > cap ? { total: cap, totalCapped: true } : { total: n, totalCapped: false };
}
