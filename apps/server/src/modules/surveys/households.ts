import { type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';

export interface TargetHousehold {
  unitId: number;
  buildingId: number;
  zoneId: number;
}

/**
 * A campaign's households: units of the project with at least one resident on file, narrowed to the
 * chosen zones, buildings and resident tags, and to the caller's own zones when limited to some.
 * zoneId 0: the unit's building is in no zone.
 */
export async function targetHouseholds(
  db: DbOrTx,
  auth: AuthContext,
  t: { projectId: number; zoneIds: number[]; buildingIds: number[]; tags: string[] },
): Promise<TargetHousehold[]> {
  const conds: SQL[] = [sql`u.project_id = ${t.projectId}`];
  if (t.zoneIds.length) conds.push(sql`zb.zone_id = any(${sql.param(t.zoneIds)}::bigint[])`);
  if (t.buildingIds.length) conds.push(sql`u.building_id = any(${sql.param(t.buildingIds)}::bigint[])`);
  if (auth.zoneBuildingIds != null)
    conds.push(
      sql`u.building_id = any(${sql.param(auth.zoneBuildingIds.length ? [...auth.zoneBuildingIds] : [-1])}::bigint[])`,
    );
  const tagCond = t.tags.length ? sql`and r.tags && ${sql.param(t.tags)}::text[]` : sql``;
  const result = (await db.execute(sql`
    select u.id as unit_id, u.building_id, coalesce(zb.zone_id, 0) as zone_id
      from units u
      left join zone_buildings zb on zb.building_id = u.building_id
     where ${sql.join(conds, sql` and `)}
       and exists (select 1 from resident_units ru join residents r on r.id = ru.resident_id
                    where ru.unit_id = u.id ${tagCond})
     order by u.id`)) as unknown as {
    rows: { unit_id: string | number; building_id: string | number; zone_id: string | number }[];
  };
  return result.rows.map((r) => ({
    unitId: Number(r.unit_id),
    buildingId: Number(r.building_id),
    zoneId: Number(r.zone_id),
  }));
}

/** Units of the list that answered any survey since `since` (the don't-ask-again window). */
export async function recentlyAnswered(db: DbOrTx, unitIds: number[], since: Date): Promise<Set<number>> {
  if (!unitIds.length) return new Set();
  const result = (await db.execute(sql`
    select distinct unit_id from survey_invitations
     where unit_id = any(${sql.param(unitIds)}::bigint[]) and answered_at >= ${since.toISOString()}::timestamptz`)) as unknown as {
    rows: { unit_id: string | number }[];
  };
  return new Set(result.rows.map((r) => Number(r.unit_id)));
}
