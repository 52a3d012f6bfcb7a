import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from './client';

const templates = new Map<string, (params: readonly unknown[]) => SQL>();

/** Split once at $1, $2 … so each call only slots the parameters in. */
function template(text: string): (params: readonly unknown[]) => SQL {
  const pieces = text.split(/\$(\d+)/);
  return (params) => {
    const chunks: SQL[] = [];
    pieces.forEach((piece, i) => {
      chunks.push(i % 2 === 0 ? sql.raw(piece) : sql`${sql.param(params[Number(piece) - 1])}`);
    });
    return sql.join(chunks);
  };
}

/**
 * A fixed SQL text with positional parameters on a Drizzle handle — inside a transaction too, where
 * Database.query cannot go (it would take another connection, or wait for this transaction on the
 * embedded engine). For hot statements whose text never changes (see json-rows.ts).
 */
export async function rawQuery<T = Record<string, unknown>>(
  db: DbOrTx,
  text: string,
  params: readonly unknown[],
): Promise<T[]> {
  let build = templates.get(text);
  if (!build) {
    build = template(text);
    templates.set(text, build);
  }
  const result = (await db.execute(build(params))) as unknown as { rows: T[] };
  return result.rows;
}
