import { wallClockInstant } from '@guanjia/shared';
import type { Patrol, PatrolStatus } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { projectZone } from './route-queries';
import { countGrades, gradeOf } from './rules/grade';
import { addDays } from './rules/schedule';
import { type PatrolRow, patrolChecks, patrols } from './schema';

export async function patrolInScope(db: DbOrTx, auth: AuthContext, id: number) {
  const [row] = await db.select().from(patrols).where(eq(patrols.id, id));
  if (!row) throw notFound('Patrol');
  assertInScope(auth, row.projectId, 'Patrol');
  return row;
}

export async function presentPatrols(db: DbOrTx, rows: PatrolRow[], now: Date): Promise<Patrol[]> {
  const ids = rows.map((r) => r.id);
  const checks = ids.length
    ? await db
        .select({ c: patrolChecks, who: users.displayName })
        .from(patrolChecks)
        .leftJoin(users, eq(users.id, patrolChecks.scannedById))
        .where(inArray(patrolChecks.patrolId, ids))
        .orderBy(asc(patrolChecks.patrolId), asc(patrolChecks.seq))
    : [];
  return rows.map((p) => {
    const mine = checks
      .filter((x) => x.c.patrolId === p.id)
      .map(({ c, who }) => ({
        pointId: c.pointId,
        seq: c.seq,
        code: c.code,
        name: c.name,
        place: c.place,
        windowFrom: c.windowFrom.toISOString(),
        windowTo: c.windowTo.toISOString(),
        scannedAt: c.scannedAt?.toISOString() ?? null,
        scannedById: c.scannedById,
        scannedByName: who ?? null,
        grade: c.grade ?? gradeOf(c, p.closesAt, now),
      }));
    const { planned, scanned, onTime, early, late, missed } = countGrades(mine.map((c) => c.grade));
    return {
      id: p.id,
      projectId: p.projectId,
      routeId: p.routeId,
      routeName: p.routeName,
      kind: p.kind,
      startsAt: p.startsAt.toISOString(),
      closesAt: p.closesAt.toISOString(),
      status: p.status,
      closedAt: p.closedAt?.toISOString() ?? null,
      checks: mine,
      counts: { planned, scanned, onTime, early, late, missed },
      version: p.version,
    };
  });
}

export interface PatrolFilter {
  projectId?: number;
  routeId?: number;
  date?: string;
  status?: PatrolStatus;
  active?: 'true' | 'false';
}

/** Filters of the patrol list; a date is the project's calendar day (the first project's zone in scope). */
export async function patrolWhere(
  db: DbOrTx,
  auth: AuthContext,
  q: PatrolFilter,
  now: Date,
): Promise<SQL | undefined> {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const parts: (SQL | undefined)[] = [inArray(patrols.projectId, scope.length ? scope : [-1])];
  if (q.routeId) parts.push(eq(patrols.routeId, q.routeId));
  if (q.status) parts.push(eq(patrols.status, q.status));
  if (q.date) {
    const tz = await projectZone(db, q.projectId ?? scope[0] ?? -1);
    parts.push(gte(patrols.startsAt, wallClockInstant(q.date, '00:00', tz)));
    parts.push(lt(patrols.startsAt, wallClockInstant(addDays(q.date, 1), '00:00', tz)));
  }
  if (q.active === 'true') {
    parts.push(inArray(patrols.status, ['待巡', '进行中']));
    parts.push(lte(patrols.startsAt, new Date(now.getTime() + 2 * 3_600_000)));
  }
  return and(...parts);
}

export async function listPatrols(
  db: DbOrTx,
  auth: AuthContext,
  q: PatrolFilter & { page: number; pageSize: number },
  now: Date,
) {
  const where = await patrolWhere(db, auth, q, now);
  const order = q.active === 'true' ? asc(patrols.startsAt) : desc(patrols.startsAt);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(patrols)
      .where(where)
      .orderBy(order, asc(patrols.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(patrols).where(where),
  ]);
  return {
    items: await presentPatrols(db, rows, now),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** 漏检 points of a project in a month, newest first: the list the 安管主管 takes to the meeting. */
export async function listMissed(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId: number; month: string; page: number; pageSize: number },
) {
  assertInScope(auth, q.projectId, 'Project');
  const tz = await projectZone(db, q.projectId);
  const from = wallClockInstant(`${q.month}-01`, '00:00', tz);
  const to = wallClockInstant(nextMonth(q.month), '00:00', tz);
  const where = and(
    eq(patrolChecks.projectId, q.projectId),
    eq(patrolChecks.grade, '漏检'),
    gte(patrolChecks.windowFrom, from),
    lt(patrolChecks.windowFrom, to),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ c: patrolChecks, routeName: patrols.routeName })
      .from(patrolChecks)
      .innerJoin(patrols, eq(patrols.id, patrolChecks.patrolId))
      .where(where)
      .orderBy(desc(patrolChecks.windowFrom), asc(patrolChecks.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(patrolChecks).where(where),
  ]);
  return {
    items: rows.map(({ c, routeName }) => ({
      patrolId: c.patrolId,
      routeName,
      pointName: c.name,
      place: c.place,
      windowFrom: c.windowFrom.toISOString(),
      windowTo: c.windowTo.toISOString(),
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** "2026-12" → "2027-01-01". */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
