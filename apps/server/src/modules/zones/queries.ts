import type { Zone } from '@guanjia/shared/api';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { buildings, units } from '../org/schema';
import { residentUnits } from '../residents/schema';
import { type ZoneRow, zoneBuildings, zones } from './schema';

/** The zone, in the caller's projects (and zones, for a zone-limited caller); 404 otherwise. */
export async function zoneInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false): Promise<ZoneRow> {
  const q = db.select().from(zones).where(eq(zones.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Zone');
  assertInScope(auth, row.projectId, 'Zone');
  if (auth.zoneIds != null && !auth.zoneIds.includes(row.id)) throw notFound('Zone');
  return row;
}

/** Zones of the caller's projects with their buildings, people and household counts. */
export async function listZones(db: DbOrTx, auth: AuthContext, projectId?: number): Promise<Zone[]> {
  const scope = projectId ? scopeIds(auth).filter((p) => p === projectId) : scopeIds(auth);
  const butler = alias(users, 'butler');
  const deputy = alias(users, 'deputy');
  const rows = await db
    .select({ z: zones, butlerName: butler.displayName, deputyName: deputy.displayName })
    .from(zones)
    .leftJoin(butler, eq(butler.id, zones.butlerId))
    .leftJoin(deputy, eq(deputy.id, zones.deputyId))
    .where(
      and(
        inArray(zones.projectId, scope.length ? scope : [-1]),
        auth.zoneIds != null ? inArray(zones.id, auth.zoneIds.length ? [...auth.zoneIds] : [-1]) : undefined,
      ),
    )
    .orderBy(asc(zones.projectId), asc(zones.sortOrder), asc(zones.code));
  return withBuildings(db, rows);
}

async function withBuildings(
  db: DbOrTx,
  rows: { z: ZoneRow; butlerName: string | null; deputyName: string | null }[],
): Promise<Zone[]> {
  const ids = rows.map((r) => r.z.id);
  const [members, households] = ids.length
    ? await Promise.all([
        db
          .select({ zoneId: zoneBuildings.zoneId, id: buildings.id, name: buildings.name })
          .from(zoneBuildings)
          .innerJoin(buildings, eq(buildings.id, zoneBuildings.buildingId))
          .where(inArray(zoneBuildings.zoneId, ids))
          .orderBy(asc(buildings.sortOrder), asc(buildings.code)),
        db
          .select({ zoneId: zoneBuildings.zoneId, n: count(sql`distinct ${units.id}`) })
          .from(zoneBuildings)
          .innerJoin(units, eq(units.buildingId, zoneBuildings.buildingId))
          .innerJoin(residentUnits, eq(residentUnits.unitId, units.id))
          .where(inArray(zoneBuildings.zoneId, ids))
          .groupBy(zoneBuildings.zoneId),
      ])
    : [[], []];
  const n = new Map(households.map((h) => [h.zoneId, h.n]));
  return rows.map(({ z, butlerName, deputyName }) => ({
    id: z.id,
    projectId: z.projectId,
    code: z.code,
    name: z.name,
    butlerId: z.butlerId,
    butlerName,
    deputyId: z.deputyId,
    deputyName,
    sortOrder: z.sortOrder,
    buildings: members.filter((m) => m.zoneId === z.id).map(({ id, name }) => ({ id, name })),
    households: n.get(z.id) ?? 0,
    version: z.version,
  }));
}

export async function zoneById(db: DbOrTx, auth: AuthContext, id: number): Promise<Zone> {
  const row = await zoneInScope(db, auth, id);
  const [zone] = (await listZones(db, auth, row.projectId)).filter((z) => z.id === id);
  if (!zone) throw notFound('Zone');
  return zone;
}

/** Zone of each building of a project (buildings without a zone are absent). */
export async function zoneOfBuildings(db: DbOrTx, projectId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ buildingId: zoneBuildings.buildingId, zoneId: zoneBuildings.zoneId })
    .from(zoneBuildings)
    .where(eq(zoneBuildings.projectId, projectId));
  return new Map(rows.map((r) => [r.buildingId, r.zoneId]));
}
