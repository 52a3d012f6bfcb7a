import { zonedDay } from '@guanjia/shared';
import type { HomeVisit } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf, type PageQuery } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { projects, units } from '../org/schema';
import { zoneBuildings } from '../zones/schema';
import { assertBuildingInZones, unitInZones } from '../zones/scope';
import { onTimeStatus } from './rules/plan';
import { type HomeVisitRow, visits } from './schema';

export async function projectToday(db: DbOrTx, projectId: number, now: Date): Promise<string> {
  const [p] = await db.select({ tz: projects.timezone }).from(projects).where(eq(projects.id, projectId));
  return zonedDay(now, p?.tz ?? 'Asia/Shanghai');
}

export async function visitInScope(
  db: DbOrTx,
  auth: AuthContext,
  id: number,
  lock = false,
): Promise<HomeVisitRow> {
  const q = db.select().from(visits).where(eq(visits.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Home visit');
  assertInScope(auth, row.projectId, 'Home visit');
  const [u] = await db.select({ b: units.buildingId }).from(units).where(eq(units.id, row.unitId));
  assertBuildingInZones(auth, u?.b ?? null, 'Home visit');
  return row;
}

export async function presentVisits(db: DbOrTx, rows: HomeVisitRow[], today: string): Promise<HomeVisit[]> {
  if (!rows.length) return [];
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const userIds = [...new Set(rows.flatMap((r) => r.visitorIds))];
  const [unitRows, people] = await Promise.all([
    db
      .select({ id: units.id, label: units.label, zoneId: zoneBuildings.zoneId })
      .from(units)
      .leftJoin(zoneBuildings, eq(zoneBuildings.buildingId, units.buildingId))
      .where(inArray(units.id, unitIds)),
    userIds.length
      ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
      : Promise.resolve([]),
  ]);
  const unitOf = new Map(unitRows.map((u) => [u.id, u]));
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((v) => ({
    id: v.id,
    projectId: v.projectId,
    unitId: v.unitId,
    unitLabel: unitOf.get(v.unitId)?.label ?? '',
    zoneId: unitOf.get(v.unitId)?.zoneId ?? null,
    purpose: v.purpose,
    method: v.method,
    enterHome: v.enterHome,
    source: v.source,
    status: v.status,
    plannedOn: v.plannedOn,
    dueOn: v.dueOn,
    overdue:
      onTimeStatus(
        {
          dueOn: v.dueOn ?? v.plannedOn,
          doneOn: v.doneAt ? v.doneAt.toISOString().slice(0, 10) : null,
          status: v.status,
        },
        today,
      ) === 'missed' &&
      v.status !== 'cancelled' &&
      v.status !== 'refused',
    visitorIds: v.visitorIds,
    visitorNames: v.visitorIds.map((id) => nameOf.get(id) ?? ''),
    appointmentAt: v.appointmentAt?.toISOString() ?? null,
    doneAt: v.doneAt?.toISOString() ?? null,
    opinions: v.opinions,
    note: v.note,
    followUpTicketId: v.followUpTicketId,
    retryOfId: v.retryOfId,
    careCampaignId: v.careCampaignId,
    version: v.version,
  }));
}

export interface VisitListQuery extends PageQuery {
  projectId?: number;
  status?: HomeVisit['status'];
  purpose?: HomeVisit['purpose'];
  from?: string;
  to?: string;
  overdue?: boolean;
  mine?: boolean;
  unitId?: number;
}

const OPEN = ['planned', 'confirmed', 'absent'] as const;

export function visitFilters(auth: AuthContext, q: VisitListQuery, today: string): SQL | undefined {
  const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
  return and(
    inArray(visits.projectId, scope.length ? scope : [-1]),
    eq(visits.companyId, auth.companyId),
    q.status ? eq(visits.status, q.status) : undefined,
    q.purpose ? eq(visits.purpose, q.purpose) : undefined,
    q.from ? gte(visits.plannedOn, q.from) : undefined,
    q.to ? lte(visits.plannedOn, q.to) : undefined,
    q.unitId ? eq(visits.unitId, q.unitId) : undefined,
    q.mine ? sql`${auth.userId} = any(${visits.visitorIds})` : undefined,
    q.overdue
      ? and(inArray(visits.status, [...OPEN]), sql`coalesce(${visits.dueOn}, ${visits.plannedOn}) < ${today}`)
      : undefined,
    unitInZones(auth, visits.unitId),
  );
}

export async function listVisits(
  db: DbOrTx,
  auth: AuthContext,
  q: VisitListQuery,
  now: Date,
  limit = q.pageSize,
) {
  const today = await projectToday(db, q.projectId ?? auth.projectIds[0] ?? 0, now);
  const where = visitFilters(auth, q, today);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(visits)
      .where(where)
      .orderBy(
        sql`${visits.status} in ('visited','refused','cancelled')`,
        asc(visits.plannedOn),
        desc(visits.id),
      )
      .limit(limit)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(visits).where(where),
  ]);
  return {
    items: await presentVisits(db, rows, today),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
