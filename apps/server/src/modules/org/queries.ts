import { DEFAULT_TIME_ZONE, UNIT_STATUSES, UNIT_TYPES } from '@guanjia/shared';
import { and, asc, count, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { cappedCount } from '../../platform/db/capped-count';
import type { Db, DbOrTx } from '../../platform/db/client';
import { offsetOf, pageQuery } from '../../platform/http/pagination';
import { buildings, projects, units } from './schema';

/** `= ANY(scope)`; an empty scope matches nothing rather than everything. */
export const scopeIds = (auth: AuthContext) => (auth.projectIds.length ? [...auth.projectIds] : [-1]);

/**
 * Each project's zone, read once for rows that span several projects (exports, sweeps, reports), so
 * each row's times and days are its own project's. A project not found reads as the default zone.
 */
export async function projectZones(
  db: DbOrTx,
  ids: Iterable<number>,
): Promise<(projectId: number) => string> {
  const list = [...new Set(ids)];
  const rows = list.length
    ? await db
        .select({ id: projects.id, timezone: projects.timezone })
        .from(projects)
        .where(inArray(projects.id, list))
    : [];
  const zones = new Map(rows.map((r) => [r.id, r.timezone]));
  return (projectId) => zones.get(projectId) ?? DEFAULT_TIME_ZONE;
}

export async function listProjects(db: Db, auth: AuthContext) {
  return db
    .select()
    .from(projects)
    .where(inArray(projects.id, scopeIds(auth)))
    .orderBy(asc(projects.id));
}

/** Projects with their buildings and unit counts: the console's estate tree in one round trip. */
export async function estateTree(db: Db, auth: AuthContext) {
  const ids = scopeIds(auth);
  const [projectRows, buildingRows, unitCounts] = await Promise.all([
    db.select().from(projects).where(inArray(projects.id, ids)).orderBy(asc(projects.id)),
    db
      .select()
      .from(buildings)
      .where(inArray(buildings.projectId, ids))
      .orderBy(asc(buildings.sortOrder), asc(buildings.id)),
    db
      .select({ buildingId: units.buildingId, n: count() })
      .from(units)
      .where(inArray(units.projectId, ids))
      .groupBy(units.buildingId),
  ]);
  const countOf = new Map(unitCounts.map((c) => [c.buildingId, c.n]));
  return projectRows.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    buildings: buildingRows
      .filter((b) => b.projectId === p.id)
      .map((b) => ({ id: b.id, code: b.code, name: b.name, units: countOf.get(b.id) ?? 0 })),
  }));
}

export const unitListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  buildingId: z.coerce.number().int().positive().optional(),
  status: z.enum(UNIT_STATUSES).optional(),
  type: z.enum(UNIT_TYPES).optional(),
  /** Label prefix: "3-2" lists entrance 2 of building 3. */
  q: z.string().trim().max(40).optional(),
});

export function unitFilters(auth: AuthContext, q: z.infer<typeof unitListQuery>): SQL | undefined {
  return and(
    inArray(units.projectId, scopeIds(auth)),
    q.projectId ? eq(units.projectId, q.projectId) : undefined,
    q.buildingId ? eq(units.buildingId, q.buildingId) : undefined,
    q.status ? eq(units.status, q.status) : undefined,
    q.type ? eq(units.type, q.type) : undefined,
    q.q ? like(units.label, `${escapeLike(q.q)}%`) : undefined,
  );
}

export async function listUnits(
  db: Db,
  auth: AuthContext,
  q: z.infer<typeof unitListQuery>,
  limit = q.pageSize,
) {
  const where = unitFilters(auth, q);
  const [items, counted] = await Promise.all([
    db
      .select()
      .from(units)
      .where(where)
      // Natural order inside a building: entrance, then floor, then room.
      .orderBy(
        asc(units.buildingId),
        asc(units.entrance),
        asc(units.floor),
        sql`length(${units.room})`,
        asc(units.room),
      )
      .limit(limit)
      .offset(offsetOf(q)),
    cappedCount(db, units, where),
  ]);
  return { items, ...counted };
}

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
