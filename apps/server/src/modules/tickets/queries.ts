import { maskPhone } from '@guanjia/shared';
import { and, eq, gte, ilike, inArray, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, can } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { Database } from '../../platform/db/client';
import { escapeLike, scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { unitInZones } from '../zones/scope';
import { categoryTreeFor } from './category-tree';
import type { TicketListQuery } from './inputs';
import { tickets } from './schema';

export type TicketRow = typeof tickets.$inferSelect;

/**
 * The list's WHERE, but the assignee (list-tickets.ts turns that one into a union). Shapes chosen for
 * the planner at millions of rows: the category subtree is resolved to ids from the cached tree (known
 * values, good estimates), text uses the index its length allows (textMatch).
 */
export function ticketFilters(
  auth: AuthContext,
  q: TicketListQuery,
  categoryIds: readonly number[] | null,
): SQL | undefined {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  return and(
    inArray(tickets.projectId, scope.length ? scope : [-1]),
    q.status ? inArray(tickets.status, q.status) : undefined,
    q.open === 'true' ? notInArray(tickets.status, ['已关闭', '已取消']) : undefined,
    q.open === 'false' ? inArray(tickets.status, ['已关闭', '已取消']) : undefined,
    q.type ? inArray(tickets.type, q.type) : undefined,
    q.priority ? inArray(tickets.priority, q.priority) : undefined,
    // Any level of the tree: a ticket filed under 户内/水/漏水 matches 户内 and 水.
    categoryIds ? inArray(tickets.categoryId, categoryIds.length ? [...categoryIds] : [-1]) : undefined,
    q.residentId ? eq(tickets.residentId, q.residentId) : undefined,
    q.unitId ? eq(tickets.unitId, q.unitId) : undefined,
    q.sla ? eq(tickets.slaState, q.sla) : undefined,
    q.from ? gte(tickets.createdAt, new Date(q.from)) : undefined,
    q.to ? lt(tickets.createdAt, new Date(q.to)) : undefined,
    q.ids ? inArray(tickets.id, q.ids) : undefined,
    q.q ? (numberMatch(q.q, scope) ?? textMatch(q.q)) : undefined,
    // A 管家 limited to zones sees the tickets of its zones' units (issue 19).
    unitInZones(auth, tickets.unitId),
  );
}

/** BX-JXHY-20261206-0007: kind, project code, local day, count (numbering.ts). */
const NUMBER = /^(BX|TS|ZX|JY|QZ|BY|PG)-[A-Z0-9]+-\d{8}-\d{4,}$/i;

/**
 * A whole ticket or work-order number (read out on the phone, copied from a 派工单) is a lookup, not a
 * text search: the ticket with that number, the ticket of the work order with it, and complaints
 * raised from that ticket (their description cites its number). Through the number indexes instead
 * of trigrams that half the tickets share ('BX-', '202…'), which cost 60 ms at two million tickets.
 */
export function numberMatch(raw: string, scope: readonly number[]): SQL | undefined {
  const q = raw.trim().toUpperCase();
  if (!NUMBER.test(q)) return undefined;
  const projects = sql`${sql.param([...(scope.length ? scope : [-1])])}::bigint[]`;
  return sql`${tickets.id} = any(array(
    with hit as (select id from tickets where project_id = any(${projects}) and number = ${q}
                 union select ticket_id from work_orders where project_id = any(${projects}) and number = ${q})
    select id from hit
    union select id from tickets where source_ticket_id in (select id from hit)))`;
}

/**
 * Substring search in number, contact, unit, title and description. pg_trgm indexes three characters
 * and more; a two-character query (a name like 黄帅, a word like 漏水) goes through the bigram index
 * (migration 0002) first. The ILIKE keeps the answer exact either way.
 */
export function textMatch(q: string): SQL {
  const like = ilike(tickets.searchText, `%${escapeLike(q)}%`);
  if ([...q].length !== 2) return like;
  return sql`guanjia_bigrams(${tickets.searchText}) @> array[lower(${q}::text)] and ${like}`;
}

/** Names for a page of tickets: unit labels and people (two small queries), category paths from the cached tree. */
export async function ticketLookups(database: Database, rows: TicketRow[]) {
  const { db } = database;
  const unitIds = [...new Set(rows.map((r) => r.unitId).filter((x): x is number => x !== null))];
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.ownerId, r.assigneeId]).filter((x): x is number => x !== null)),
  ];
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
    appointmentUntil: iso(t.appointmentUntil),
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
    urgeCount: t.urgeCount,
    lastUrgedAt: iso(t.lastUrgedAt),
    sourceTicketId: t.sourceTicketId,
    departmentId: t.departmentId,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeId ? (names.user.get(t.assigneeId) ?? null) : null,
    grade: t.grade,
    cause: t.cause,
    reviewState: t.reviewState,
    // The banner shows while the ticket still waits for its handling (a resolved one's 督办 is done).
    supervisionDueAt: t.status === '待受理' || t.status === '处理中' ? iso(t.supervisionDueAt) : null,
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
