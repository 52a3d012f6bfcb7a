import { and, count, desc, eq, gte, inArray, isNotNull, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { textMatch } from '../tickets/queries';
import { tickets } from '../tickets/schema';
import type { ComplaintListQuery } from './inputs';
import { ageHours, replyLate } from './rules/overdue';
import { departments } from './schema';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Q50 in SQL, as rules/overdue.ts replyLate: the reply came, or is still to come, after its deadline. */
export const replyLateSql = (now: Date): SQL =>
  sql`(${tickets.replyDueAt} is not null and ${tickets.status} <> '已取消' and coalesce(${tickets.resolvedAt}, case when ${tickets.status} = '已关闭' then ${tickets.closedAt} end, ${now}::timestamptz) > ${tickets.replyDueAt})`;

/** Open and past its reply deadline (今日盘点's overdue). */
export const overdueOpenSql = (now: Date): SQL =>
  sql`(${tickets.status} in ('待受理', '处理中') and ${replyLateSql(now)})`;

export const supervisedSql = and(
  isNotNull(tickets.supervisionDueAt),
  inArray(tickets.status, ['待受理', '处理中']),
);

export const complaintScope = (auth: AuthContext, projectId?: number) => {
  const scope = projectId ? scopeIds(auth).filter((id) => id === projectId) : scopeIds(auth);
  return and(inArray(tickets.projectId, scope.length ? scope : [-1]), eq(tickets.type, '投诉'));
};

/** The 投诉台账's WHERE. */
export function complaintFilters(auth: AuthContext, q: ComplaintListQuery, now: Date): SQL | undefined {
  return and(
    complaintScope(auth, q.projectId),
    q.grade ? inArray(tickets.grade, q.grade) : undefined,
    q.cause ? inArray(tickets.cause, q.cause) : undefined,
    q.departmentId ? eq(tickets.departmentId, q.departmentId) : undefined,
    q.assigneeId ? eq(tickets.assigneeId, q.assigneeId) : undefined,
    q.status === 'open' ? notInArray(tickets.status, ['已关闭', '已取消']) : undefined,
    q.status === 'closed' ? inArray(tickets.status, ['已关闭', '已取消']) : undefined,
    q.status === 'review' ? eq(tickets.reviewState, 'pending') : undefined,
    q.overdue === true ? replyLateSql(now) : undefined,
    q.overdue === false ? sql`not ${replyLateSql(now)}` : undefined,
    q.supervised === true ? supervisedSql : undefined,
    q.supervised === false ? sql`not coalesce(${supervisedSql}, false)` : undefined,
    q.from ? gte(tickets.createdAt, new Date(q.from)) : undefined,
    q.to ? lt(tickets.createdAt, new Date(q.to)) : undefined,
    q.q ? textMatch(q.q) : undefined,
  );
}

/** The ledger rows (tickets with unit, department and the last callback's verdict), newest first. */
export async function ledgerRows(db: DbOrTx, where: SQL | undefined, limit: number, offset: number) {
  return db
    .select({
      t: tickets,
      unitLabel: units.label,
      buildingId: units.buildingId,
      departmentName: departments.name,
      satisfied: sql<
        boolean | null
      >`(select c.satisfied from callbacks c where c.ticket_id = ${tickets.id} and c.status = '已完成' order by c.round desc limit 1)`,
    })
    .from(tickets)
    .leftJoin(units, eq(units.id, tickets.unitId))
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .where(where)
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(limit)
    .offset(offset);
}

export type LedgerRow = Awaited<ReturnType<typeof ledgerRows>>[number];

export async function countComplaints(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tickets).where(where);
  return row?.n ?? 0;
}

/** Ledger rows as the API gives them, owner and assignee named. */
export async function presentLedger(db: DbOrTx, rows: LedgerRow[], now: Date) {
  const ids = [...new Set(rows.flatMap((r) => [r.t.ownerId, r.t.assigneeId]))].filter(
    (x): x is number => x !== null,
  );
  const people = ids.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))
    : [];
  const name = new Map(people.map((p) => [p.id, p.name]));
  return rows.map(({ t, unitLabel, buildingId, departmentName, satisfied }) => ({
    id: t.id,
    number: t.number,
    projectId: t.projectId,
    title: t.title,
    status: t.status,
    grade: t.grade,
    cause: t.cause,
    departmentId: t.departmentId,
    departmentName: departmentName ?? null,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeId ? (name.get(t.assigneeId) ?? null) : null,
    ownerId: t.ownerId,
    ownerName: t.ownerId ? (name.get(t.ownerId) ?? null) : null,
    unitLabel: unitLabel ?? null,
    buildingId: buildingId ?? null,
    contactName: t.contactName,
    createdAt: t.createdAt.toISOString(),
    ageHours: ageHours(t.createdAt, t.closedAt ?? t.cancelledAt, now),
    promisedReplyAt: iso(t.promisedReplyAt),
    firstReplyAt: iso(t.firstReplyAt),
    replyDueAt: iso(t.replyDueAt),
    overdue: replyLate(t, now),
    reviewState: t.reviewState,
    result: t.answer ?? t.handlingResult,
    satisfied: satisfied ?? null,
    supervised: t.supervisionDueAt !== null && (t.status === '待受理' || t.status === '处理中'),
    overdueCause: t.overdueCause,
    closedAt: iso(t.closedAt),
    version: t.version,
  }));
}

export type LedgerItem = Awaited<ReturnType<typeof presentLedger>>[number];
