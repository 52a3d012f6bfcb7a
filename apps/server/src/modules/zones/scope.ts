import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { notFound } from '../../platform/http/errors';
import { units } from '../org/schema';

/** The caller is limited to zones (a 管家): lists narrow to the households of the zones' buildings. */
export const zoneLimited = (auth: AuthContext): boolean => auth.zoneBuildingIds != null;

const buildingList = (auth: AuthContext) =>
  sql.param(auth.zoneBuildingIds?.length ? [...auth.zoneBuildingIds] : [-1]);

/** `column` (a unit id) is a unit of the caller's zones; undefined (no condition) without a zone limit. */
export function unitInZones(auth: AuthContext, column: AnyColumn | SQL): SQL | undefined {
  if (!zoneLimited(auth)) return undefined;
  return sql`${column} in (select ${units.id} from ${units} where ${units.buildingId} = any(${buildingList(auth)}::bigint[]))`;
}

/** `column` (a building id) is a building of the caller's zones. */
export function buildingInZones(auth: AuthContext, column: AnyColumn | SQL): SQL | undefined {
  if (!zoneLimited(auth)) return undefined;
  return sql`${column} = any(${buildingList(auth)}::bigint[])`;
}

export const buildingVisible = (auth: AuthContext, buildingId: number | null): boolean =>
  !zoneLimited(auth) || (buildingId !== null && (auth.zoneBuildingIds ?? []).includes(buildingId));

/** Out-of-zone records answer 404 like out-of-project ones. */
export function assertBuildingInZones(auth: AuthContext, buildingId: number | null, what: string): void {
  if (!buildingVisible(auth, buildingId)) throw notFound(what);
}
