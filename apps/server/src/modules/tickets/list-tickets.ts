import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AuthContext } from '../../platform/auth/context';
import { COUNT_CAP, cappedCount } from '../../platform/db/capped-count';
import type { Database, Db } from '../../platform/db/client';
import { offsetOf } from '../../platform/http/pagination';
import { workOrders } from '../workorders/schema';
import { categoryTreeFor } from './category-tree';
import type { TicketListQuery } from './inputs';
import { ticketFilters } from './queries';
import { tickets } from './schema';

/**
 * Text matches are checked row by row on the table (the text indexes are lossy), and "assigned to" is
 * a union whose every counted row is a lookup: counting those to 10,000 costs far more than the page,
 * so such a list that matches over a thousand tickets says "1,000+".
 */
const NARROW_COUNT_CAP = 1_000;

/**
 * Newest first is id order, except within a date range: there created_at order rides the
 * (project, created_at, id) index, where walking ids back from today to the range would read every
 * ticket in between (ids follow creation time, so the two orders agree).
 */
function orderOf(q: TicketListQuery): SQL[] {
  const dated = Boolean(q.from || q.to);
  if (q.sort === 'due') return [sql`${tickets.slaDueAt} asc nulls last`, desc(tickets.id)];
  if (q.sort === 'oldest') return dated ? [asc(tickets.createdAt), asc(tickets.id)] : [asc(tickets.id)];
  return dated ? [desc(tickets.createdAt), desc(tickets.id)] : [desc(tickets.id)];
}

/** The same order over the union's columns (id, created_at, sla_due_at). */
function unionOrder(q: TicketListQuery): SQL {
  const dated = Boolean(q.from || q.to);
  if (q.sort === 'due') return sql`sla_due_at asc nulls last, id desc`;
  if (q.sort === 'oldest') return dated ? sql`created_at asc, id asc` : sql`id asc`;
  return dated ? sql`created_at desc, id desc` : sql`id desc`;
}

/** The categories under `categoryId` (itself included), from the cached tree. */
async function subtree(database: Database, auth: AuthContext, categoryId: number): Promise<number[]> {
  const tree = await categoryTreeFor(database, database.db, auth.companyId, categoryId);
  return [...tree.byId.values()].filter((c) => c.pathIds.includes(categoryId)).map((c) => c.id);
}

/**
 * "Assigned to X" is the owner agent OR a technician holding one of the ticket's work orders. As one
 * OR the planner reads every ticket of the technician (27,000 at two million tickets) to sort them;
 * as a union of two branches that each stop after the rows the page needs, it reads a page's worth.
 */
function assigneeBranches(
  db: Db,
  where: SQL | undefined,
  q: TicketListQuery,
  assigneeId: number,
  limit: number,
  forCount = false,
) {
  // Counting needs the ids only, which the indexes hold (no table reads).
  const columns: Record<string, PgColumn> = forCount
    ? { id: tickets.id }
    : { id: tickets.id, created_at: tickets.createdAt, sla_due_at: tickets.slaDueAt };
  const owner = db
    .select(columns)
    .from(tickets)
    .where(and(where, eq(tickets.ownerId, assigneeId)))
    .orderBy(...orderOf(q))
    .limit(limit);
  const held = db
    .select(columns)
    .from(tickets)
    .where(
      and(
        where,
        inArray(
          tickets.id,
          db
            .select({ id: workOrders.ticketId })
            .from(workOrders)
            .where(eq(workOrders.technicianId, assigneeId)),
        ),
      ),
    )
    .orderBy(...orderOf(q))
    .limit(limit);
  return sql`(${owner.getSQL()}) union (${held.getSQL()})`;
}

/**
 * A page of tickets and how many match, counted up to a cap (then `totalCapped`): an exact count over
 * two million tickets costs more than the page itself, and nobody pages through 10,000 rows.
 */
export async function listTickets(database: Database, auth: AuthContext, q: TicketListQuery) {
  const { db } = database;
  const where = ticketFilters(auth, q, q.categoryId ? await subtree(database, auth, q.categoryId) : null);
  const cap = q.q || q.assigneeId ? NARROW_COUNT_CAP : COUNT_CAP;
  const offset = offsetOf(q);
  if (!q.assigneeId) {
    const [rows, counted] = await Promise.all([
      db
        .select()
        .from(tickets)
        .where(where)
        .orderBy(...orderOf(q))
        .limit(q.pageSize)
        .offset(offset),
      cappedCount(db, tickets, where, cap),
    ]);
    return { rows, ...counted };
  }
  const assigneeId = q.assigneeId;
  const page = sql`select id from (${assigneeBranches(db, where, q, assigneeId, offset + q.pageSize)}) u
                   order by ${unionOrder(q)} limit ${q.pageSize} offset ${offset}`;
  const count = sql`select count(*) as n from (${assigneeBranches(db, where, q, assigneeId, cap + 1, true)}) u`;
  const [ids, [counted]] = await Promise.all([
    db.execute(page).then((r) => (r as unknown as { rows: { id: unknown }[] }).rows.map((x) => Number(x.id))),
    db.execute(count).then((r) => (r as unknown as { rows: { n: unknown }[] }).rows),
  ]);
  const rows = ids.length
    ? await db
        .select()
        .from(tickets)
        .where(inArray(tickets.id, ids))
        .orderBy(...orderOf(q))
    : [];
  const n = Number(counted?.n ?? 0);
  return { rows, total: Math.min(n, cap), totalCapped: n > cap };
}
