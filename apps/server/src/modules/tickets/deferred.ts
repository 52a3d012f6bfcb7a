import { randomUUID } from 'node:crypto';
import { TICKET_NUMBER_PREFIX, WORK_ORDER_NUMBER_PREFIX } from '@guanjia/shared';
import { eq, sql } from 'drizzle-orm';
import { tryAutoDispatch } from '../dispatch/auto-dispatch';
import { workOrders } from '../workorders/schema';
import { nextNumber } from './numbering';
import { tickets } from './schema';
import type { TicketWrite } from './ticket-write';

/**
 * Two steps of a write take row locks that every other intake may need: the project's daily number
 * counter and the chosen technician's status row. Both run at the very end of the transaction (see
 * finishWrite), so those locks are held for a few statements instead of the whole intake.
 */
export const PLACEHOLDER = 'tmp:';
export const placeholderNumber = () => `${PLACEHOLDER}${randomUUID()}`;

export async function runDeferredDispatch(w: TicketWrite): Promise<void> {
  for (const wo of w.deferred.dispatch.splice(0)) await tryAutoDispatch(w, wo);
}

/** Give the ticket and new work orders their human numbers (BX-20261122-0007, PG-…). */
export async function assignNumbers(w: TicketWrite): Promise<void> {
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
