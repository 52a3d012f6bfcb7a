import { sql } from 'drizzle-orm';
import { zonedParts } from '../../platform/clock/zoned';
import type { DbOrTx } from '../../platform/db/client';

/** 'YYYYMMDD' of an instant in the project's time zone: numbers restart at local midnight. */
export function localDay(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}`;
}

/**
 * The next human number, e.g. BX-20261122-0007. The upsert row-locks the day's counter until the
 * caller's transaction ends, so concurrent intakes queue on it and never share a number.
 */
export async function nextNumber(tx: DbOrTx, projectId: number, prefix: string, at: Date, timeZone: string) {
  const day = localDay(at, timeZone);
  const result = (await tx.execute(sql`
    insert into ticket_counters (project_id, prefix, day, value) values (${projectId}, ${prefix}, ${day}, 1)
    on conflict (project_id, prefix, day) do update set value = ticket_counters.value + 1
    returning value`)) as unknown as { rows: { value: number }[] };
  const value = Number(result.rows[0]?.value ?? 1);
  return `${prefix}-${day}-${String(value).padStart(4, '0')}`;
}
