import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

// Raw SQL on purpose: platform code must not import the org module that owns the projects table.
export async function projectsOfCompany(db: Db, companyId: number): Promise<number[]> {
  // Both drivers (pg and PGlite) answer execute() with { rows }.
  const result = (await db.execute(
    sql`select id from projects where company_id = ${companyId} order by id`,
  )) as unknown as {
    rows: { id: string | number }[];
  };
  return result.rows.map((r) => Number(r.id));
}

/**
 * The zones a user is limited to and their buildings; null when the user has no zone rows (no limit).
 * Raw SQL for the same reason as above: the zones module owns the tables.
 */
export async function zoneScopeOfUser(
  db: Db,
  userId: number,
): Promise<{ zoneIds: number[]; buildingIds: number[] } | null> {
  const result = (await db.execute(
    sql`select uz.zone_id, zb.building_id from user_zones uz
          left join zone_buildings zb on zb.zone_id = uz.zone_id
         where uz.user_id = ${userId}`,
  )) as unknown as { rows: { zone_id: string | number; building_id: string | number | null }[] };
  if (!result.rows.length) return null;
  const zoneIds = [...new Set(result.rows.map((r) => Number(r.zone_id)))].sort((a, b) => a - b);
  const buildingIds = [
    ...new Set(result.rows.filter((r) => r.building_id !== null).map((r) => Number(r.building_id))),
  ].sort((a, b) => a - b);
  return { zoneIds, buildingIds };
}
