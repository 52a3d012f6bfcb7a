import { formatQrCode } from '@guanjia/shared';
import type { PatrolRoute } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { projects } from '../org/schema';
import { type PatrolPointRow, type PatrolRouteRow, patrolPoints, patrolRoutes } from './schema';

/** A route the caller may see (404 otherwise, as for a missing one). */
export async function routeInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const query = db.select().from(patrolRoutes).where(eq(patrolRoutes.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Patrol route');
  assertInScope(auth, row.projectId, 'Patrol route');
  return row;
}

export async function pointsOf(db: DbOrTx, routeIds: readonly number[]): Promise<PatrolPointRow[]> {
  if (!routeIds.length) return [];
  return db
    .select()
    .from(patrolPoints)
    .where(inArray(patrolPoints.routeId, [...routeIds]))
    .orderBy(asc(patrolPoints.routeId), asc(patrolPoints.seq));
}

export async function presentRoutes(db: DbOrTx, rows: PatrolRouteRow[]): Promise<PatrolRoute[]> {
  const points = await pointsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    name: r.name,
    kind: r.kind,
    schedule: r.schedule,
    toleranceMinutes: r.toleranceMinutes,
    active: r.active,
    points: points
      .filter((p) => p.routeId === r.id)
      .map((p) => ({
        id: p.id,
        seq: p.seq,
        code: p.code,
        name: p.name,
        place: p.place,
        equipmentId: p.equipmentId,
        offsetMinutes: p.offsetMinutes,
        clockFrom: p.clockFrom,
        clockTo: p.clockTo,
        qr: formatQrCode({ kind: 'patrolPoint', projectId: r.projectId, code: p.code }),
      })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

export async function listRoutes(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; page: number; pageSize: number },
) {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const where = inArray(patrolRoutes.projectId, scope.length ? scope : [-1]);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(patrolRoutes)
      .where(where)
      .orderBy(desc(patrolRoutes.active), asc(patrolRoutes.projectId), asc(patrolRoutes.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(patrolRoutes).where(where),
  ]);
  return { items: await presentRoutes(db, rows), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function projectZone(db: DbOrTx, projectId: number): Promise<string> {
  const [p] = await db
    .select({ tz: projects.timezone })
    .from(projects)
    .where(and(eq(projects.id, projectId)));
  return p?.tz ?? 'Asia/Shanghai';
}
