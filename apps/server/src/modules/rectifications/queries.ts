import type { Rectification, RectificationDetail, rectificationListQuery } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { departments } from '../complaints/schema';
import { projects } from '../org/schema';
import { type RectificationRow, rectificationRounds, rectifications } from './schema';

type ListQuery = z.infer<typeof rectificationListQuery>;

const owner = alias(users, 'owner');
const checker = alias(users, 'checker');

/** Open (not yet fixed) past its deadline: the owner's part is late. */
export const isOverdue = (r: Pick<RectificationRow, 'state' | 'deadline'>, now: Date) =>
  r.state === 'open' && r.deadline.getTime() < now.getTime();

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function filters(auth: AuthContext, q: ListQuery, now: Date): SQL[] {
  const where: SQL[] = [
    eq(rectifications.companyId, auth.companyId),
    inArray(rectifications.projectId, auth.projectIds.length ? [...auth.projectIds] : [-1]),
  ];
  if (q.projectId) where.push(eq(rectifications.projectId, q.projectId));
  if (q.departmentId) where.push(eq(rectifications.departmentId, q.departmentId));
  if (q.ownerId) where.push(eq(rectifications.ownerId, q.ownerId));
  if (q.state) where.push(eq(rectifications.state, q.state));
  if (q.sourceType) where.push(eq(rectifications.sourceType, q.sourceType));
  if (q.sourceId) where.push(eq(rectifications.sourceId, q.sourceId));
  if (q.overdue === 'true') where.push(eq(rectifications.state, 'open'), lt(rectifications.deadline, now));
  if (q.overdue === 'false')
    where.push(or(sql`${rectifications.state} <> 'open'`, sql`${rectifications.deadline} >= ${now}`)!);
  if (q.mine === 'true')
    where.push(
      or(
        eq(rectifications.ownerId, auth.userId),
        eq(rectifications.checkerId, auth.userId),
        sql`${rectifications.departmentId} in (select id from departments where leader_id = ${auth.userId})`,
      )!,
    );
  return where;
}

export async function listRectifications(
  db: DbOrTx,
  auth: AuthContext,
  q: ListQuery,
  now: Date,
  cap?: number,
): Promise<{ items: Rectification[]; total: number; page: number; pageSize: number }> {
  const where = and(...filters(auth, q, now));
  const pageSize = cap ?? q.pageSize;
  const offset = cap ? 0 : (q.page - 1) * q.pageSize;
  const rows = await db
    .select({
      r: rectifications,
      projectName: projects.name,
      departmentName: departments.name,
      ownerName: owner.displayName,
      checkerName: checker.displayName,
    })
    .from(rectifications)
    .innerJoin(projects, eq(projects.id, rectifications.projectId))
    .leftJoin(departments, eq(departments.id, rectifications.departmentId))
    .leftJoin(owner, eq(owner.id, rectifications.ownerId))
    .leftJoin(checker, eq(checker.id, rectifications.checkerId))
    .where(where)
    // Open first, the most urgent deadline on top.
    .orderBy(
      sql`case ${rectifications.state} when 'open' then 0 when 'submitted' then 1 else 2 end`,
      asc(rectifications.deadline),
      desc(rectifications.id),
    )
    .limit(pageSize)
    .offset(offset);
  const [c] = await db.select({ n: count() }).from(rectifications).where(where);
  return {
    items: rows.map((x) => rectificationView(x.r, x, now)),
    total: Number(c?.n ?? 0),
    page: cap ? 1 : q.page,
    pageSize,
  };
}

export function rectificationView(
  r: RectificationRow,
  names: {
    projectName: string;
    departmentName: string | null;
    ownerName: string | null;
    checkerName: string | null;
  },
  now: Date,
): Rectification {
  return {
    id: r.id,
    projectId: r.projectId,
    projectName: names.projectName,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    sourceItemId: r.sourceItemId,
    title: r.title,
    detail: r.detail,
    location: r.location,
    ncType: r.ncType,
    departmentId: r.departmentId,
    departmentName: names.departmentName,
    ownerId: r.ownerId,
    ownerName: names.ownerName,
    checkerId: r.checkerId,
    checkerName: names.checkerName,
    findingPhotoIds: r.findingPhotoIds,
    state: r.state,
    deadline: r.deadline.toISOString(),
    round: r.round,
    overdue: isOverdue(r, now),
    submittedAt: iso(r.submittedAt),
    closedAt: iso(r.closedAt),
    escalatedAt: iso(r.escalatedAt),
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

export async function rectificationDetail(
  db: DbOrTx,
  r: RectificationRow,
  now: Date,
): Promise<RectificationDetail> {
  const [names] = await db
    .select({
      projectName: projects.name,
      departmentName: departments.name,
      ownerName: owner.displayName,
      checkerName: checker.displayName,
    })
    .from(rectifications)
    .innerJoin(projects, eq(projects.id, rectifications.projectId))
    .leftJoin(departments, eq(departments.id, rectifications.departmentId))
    .leftJoin(owner, eq(owner.id, rectifications.ownerId))
    .leftJoin(checker, eq(checker.id, rectifications.checkerId))
    .where(eq(rectifications.id, r.id));
  const rounds = await db
    .select({ x: rectificationRounds, byName: users.displayName })
    .from(rectificationRounds)
    .leftJoin(users, eq(users.id, rectificationRounds.byId))
    .where(eq(rectificationRounds.rectificationId, r.id))
    .orderBy(asc(rectificationRounds.id));
  return {
    ...rectificationView(
      r,
      names ?? { projectName: '', departmentName: null, ownerName: null, checkerName: null },
      now,
    ),
    rounds: rounds.map(({ x, byName }) => ({
      id: x.id,
      round: x.round,
      kind: x.kind,
      note: x.note,
      photoIds: x.photoIds,
      byId: x.byId,
      byName,
      newDeadline: iso(x.newDeadline),
      createdAt: x.createdAt.toISOString(),
    })),
  };
}
