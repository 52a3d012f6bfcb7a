import { eq } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { projects, units } from '../org/schema';

/** A unit with its project's company and time zone; 404 when missing or outside the caller's scope. */
export async function loadUnit(db: DbOrTx, unitId: number, auth?: AuthContext) {
  const [unit] = await db
    .select({
      id: units.id,
      projectId: units.projectId,
      buildingId: units.buildingId,
      label: units.label,
      companyId: projects.companyId,
      timeZone: projects.timezone,
      projectName: projects.name,
    })
    .from(units)
    .innerJoin(projects, eq(projects.id, units.projectId))
    .where(eq(units.id, unitId));
  if (!unit || (auth && unit.companyId !== auth.companyId)) throw notFound('Unit');
  if (auth) assertInScope(auth, unit.projectId, 'Unit');
  return unit;
}
export type LoadedUnit = Awaited<ReturnType<typeof loadUnit>>;
