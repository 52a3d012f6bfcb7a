import { randomUUID } from 'node:crypto';
import { TICKET_NUMBER_PREFIX, WORK_ORDER_NUMBER_PREFIX } from '@guanjia/shared';
import { eq, sql } from 'drizzle-orm';
import { zonedParts } from '../../platform/clock/zoned';
import type { DbOrTx } from '../../platform/db/client';
import type { SlaContext } from '../sla/context';
import { workOrders } from '../workorders/schema';
import { tickets } from './schema';
import type { TicketBundle } from './ticket-rows';

/** 'YYYYMMDD' of an instant in the project's time zone: numbers restart at local midnight. */
export function localDay(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}`;
}

/** BX-JXHY-20261206-0007: kind, estate (project code), local day, the day's count (more digits past 9999). */
export function formatNumber(prefix: string, projectCode: string, day: string, value: number): string {
  return `${prefix}-${projectCode.toUpperCase()}-${day}-${String(value).padStart(4, '0')}`;
}

/**
 * The next human number of a project, e.g. BX-JXHY-20261122-0007. Project codes are unique in a company,
 * so a number is never used in two 小区. The upsert row-locks the day's counter until the caller's
 * transaction ends: concurrent intakes queue on it and never share a number, and a rolled-back intake
 * gives its number back (no gaps).
 */
export async function nextNumber(tx: DbOrTx, projectId: number, prefix: string, at: Date, timeZone: string) {
  const day = localDay(at, timeZone);
  const result = (await tx.execute(sql`
    insert into ticket_counters (project_id, prefix, day, value) values (${projectId}, ${prefix}, ${day}, 1)
    on conflict (project_id, prefix, day) do update set value = ticket_counters.value + 1
    returning value, (select code from projects where id = ${projectId}) as code`)) as unknown as {
    rows: { value: number; code: string }[];
  };
  const row = result.rows[0];
  if (!row) throw new Error('ticket counter returned nothing');
  return formatNumber(prefix, row.code, day, Number(row.value));
}

/** Rows are inserted with a placeholder number; assignNumbers gives the real one at the end of the write. */
const PLACEHOLDER = 'tmp:';
export const placeholderNumber = () => `${PLACEHOLDER}${randomUUID()}`;

/**
 * Give the write's new ticket and work orders their numbers. Last in the write, so the day's counter
 * row — which every intake of the project needs — is locked only for the statements before the commit.
 */
export async function assignNumbers(w: {
  tx: DbOrTx;
  bundle: TicketBundle;
  now: Date;
  sla: Pick<SlaContext, 'timezone'>;
}): Promise<void> {
  const t = w.bundle.ticket;
  if (t.number.startsWith(PLACEHOLDER)) {
    const number = await nextNumber(w.tx, t.projectId, TICKET_NUMBER_PREFIX[t.type], w.now, w.sla.timezone);
    await w.tx
      .update(tickets)
      .set({ number, searchText: sql`replace(${tickets.searchText}, ${t.number}, ${number})` })
      .where(eq(tickets.id, t.id));
    t.searchText = t.searchText.replace(t.number, number);
    t.number = number;
  }
  for (const wo of w.bundle.workOrders) {
    if (!wo.number.startsWith(PLACEHOLDER)) continue;
    const number = await nextNumber(w.tx, wo.projectId, WORK_ORDER_NUMBER_PREFIX, w.now, w.sla.timezone);
    await w.tx.update(workOrders).set({ number }).where(eq(workOrders.id, wo.id));
    wo.number = number;
  }
}
