import { maskPhone } from '@guanjia/shared';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  lt,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { type AuthContext, can } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { Database, Db } from '../../platform/db/client';
import { offsetOf } from '../../platform/http/pagination';
import { escapeLike, scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { workOrders } from '../workorders/schema';
import { categoryTreeFor } from './category-tree';
import type { TicketListQuery } from './inputs';
import { ticketCategories, tickets } from './schema';

export type TicketRow = typeof tickets.$inferSelect;

export function ticketFilters(auth: AuthContext, q: TicketListQuery): SQL | undefined {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  return and(
    inArray(tickets.projectId, scope.length ? scope : [-1]),
    q.status ? inArray(tickets.status, q.status) : undefined,
    q.open === 'true' ? notInArray(tickets.status, ['已关闭', '已取消']) : undefined,
    q.open === 'false' ? inArray(tickets.status, ['已关闭', '已取消']) : undefined,
    q.type ? inArray(tickets.type, q.type) : undefined,
    q.priority ? inArray(tickets.priority, q.priority) : undefined,
    // Any level of the tree: a ticket filed under 户内/水/漏水 matches 户内 and 水.
    q.categoryId
      ? inArray(
          tickets.categoryId,
          sql`(select ${ticketCategories.id} from ${ticketCategories} where ${q.categoryId} = any(${ticketCategories.pathIds}))`,
        )
      : undefined,
    q.assigneeId
      ? or(
          eq(tickets.ownerId, q.assigneeId),
          inArray(
            tickets.id,
            sql`(select ${workOrders.ticketId} from ${workOrders} where ${workOrders.technicianId} = ${q.assigneeId})`,
          ),
        )
      : undefined,
    q.residentId ? eq(tickets.residentId, q.residentId) : undefined,
    q.unitId ? eq(tickets.unitId, q.unitId) : undefined,
    q.sla ? eq(tickets.slaState, q.sla) : undefined,
    q.from ? gte(tickets.createdAt, new Date(q.from)) : undefined,
    q.to ? lt(tickets.createdAt, new Date(q.to)) : undefined,
    q.ids ? inArray(tickets.id, q.ids) : undefined,
    q.q ? ilike(tickets.searchText, `%${escapeLike(q.q)}%`) : undefined,
  );
}

const ORDER = {
  newest: [desc(tickets.id)],
  oldest: [asc(tickets.id)],
  due: [sql`${tickets.slaDueAt} asc nulls last`, desc(tickets.id)],
};

export async function listTickets(db: Db, auth: AuthContext, q: TicketListQuery) {
  const where = ticketFilters(auth, q);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(tickets)
      .where(where)
      .orderBy(...ORDER[q.sort])
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(tickets).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Names for a page of tickets: unit labels and people (two small queries), category paths from the cached tree. */
export async function ticketLookups(database: Database, rows: TicketRow[]) {
  const { db } = database;
  const unitIds = [...new Set(rows.map((r) => r.unitId).filter((x): x is number => x !== null))];
  const userIds = [...new Set(rows.map((r) => r.ownerId).filter((x): x is number => x !== null))];
  const companyId = rows[0]?.companyId;
  const [unitRows, userRows, cached] = await Promise.all([
    unitIds.length
      ? db.select({ id: units.id, label: units.label }).from(units).where(inArray(units.id, unitIds))
      : [],
    userIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : [],
    companyId ? categoryTreeFor(database, db, companyId) : null,
  ]);
  // A category newer than the cached tree (made on another node a moment ago): read the tree again.
  const unknown = rows.find((r) => r.categoryId !== null && !cached?.byId.has(r.categoryId));
  const tree =
    unknown && companyId ? await categoryTreeFor(database, db, companyId, unknown.categoryId) : cached;
  const category = new Map<number, string>();
  for (const r of rows) {
    if (r.categoryId === null || category.has(r.categoryId)) continue;
    const row = tree?.byId.get(r.categoryId);
    if (row) category.set(r.categoryId, row.pathNames);
  }
  return {
    unit: new Map(unitRows.map((u) => [u.id, u.label])),
    category,
    user: new Map(userRows.map((u) => [u.id, u.name])),
  };
}

export type Lookups = Awaited<ReturnType<typeof ticketLookups>>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentTicketSummary(auth: AuthContext, t: TicketRow, names: Lookups) {
  const pii = can(auth, 'pii.view');
  return {
    id: t.id,
    number: t.number,
    projectId: t.projectId,
    type: t.type,
    channel: t.channel,
    status: t.status,
    priority: t.priority,
    appointmentAt: iso(t.appointmentAt),
    title: t.title,
    unitId: t.unitId,
    unitLabel: t.unitId ? (names.unit.get(t.unitId) ?? null) : null,
    residentId: t.residentId,
    contactName: t.contactName,
    contactPhone: t.contactPhone ? (pii ? t.contactPhone : maskPhone(t.contactPhone)) : null,
    categoryId: t.categoryId,
    categoryPath: t.categoryId ? (names.category.get(t.categoryId) ?? null) : null,
    ownerId: t.ownerId,
    ownerName: t.ownerId ? (names.user.get(t.ownerId) ?? null) : null,
    reopenCount: t.reopenCount,
    sourceTicketId: t.sourceTicketId,
    sla: {
      state: t.slaState,
      dueAt: iso(t.slaDueAt),
      respondDueAt: iso(t.respondDueAt),
      replyDueAt: iso(t.replyDueAt),
      callbackDueAt: iso(t.callbackDueAt),
    },
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}
