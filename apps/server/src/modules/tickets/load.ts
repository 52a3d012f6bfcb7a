import { asc, eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { callbacks } from '../callbacks/schema';
import { workOrders } from '../workorders/schema';
import { categoryTreeFor, pathOf } from './category-tree';
import { tickets } from './schema';
import type { TicketBundle } from './ticket-rows';

/**
 * A ticket with its work orders and callback rounds, the ticket row locked FOR UPDATE. The ticket is
 * the aggregate's lock: every write to it or its work orders takes this lock first, so two dispatchers
 * (or a dispatcher and a grabbing technician) are serialized and the second sees the first's result.
 */
export async function lockTicketBundle(
  database: Database,
  tx: DbOrTx,
  ticketId: number,
): Promise<TicketBundle> {
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for('update');
  if (!ticket) throw notFound('Ticket');
  const [wos, cbs, tree] = await Promise.all([
    tx.select().from(workOrders).where(eq(workOrders.ticketId, ticketId)).orderBy(asc(workOrders.id)),
    tx.select().from(callbacks).where(eq(callbacks.ticketId, ticketId)).orderBy(asc(callbacks.round)),
    categoryTreeFor(database, tx, ticket.companyId, ticket.categoryId),
  ]);
  return { ticket, workOrders: wos, callbacks: cbs, categoryPath: pathOf(tree, ticket.categoryId) };
}

export async function ticketIdOfWorkOrder(db: DbOrTx, workOrderId: number): Promise<number> {
  const [row] = await db
    .select({ ticketId: workOrders.ticketId })
    .from(workOrders)
    .where(eq(workOrders.id, workOrderId));
  if (!row) throw notFound('Work order');
  return row.ticketId;
}
