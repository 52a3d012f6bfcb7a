import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { badRequest } from '../../platform/http/errors';
import { buildings, units } from '../org/schema';
import { ticketCategories } from '../tickets/schema';

/** Buildings, units and categories named by an incident must belong to its project: 400 with the strays. */
export async function assertScopeIds(
  db: DbOrTx,
  companyId: number,
  projectId: number,
  input: { buildingIds?: number[]; unitIds?: number[]; categoryIds?: number[] },
): Promise<void> {
  const strays = async (wanted: number[] | undefined, found: () => Promise<{ id: number }[]>) => {
    if (!wanted?.length) return [];
    const have = new Set((await found()).map((r) => r.id));
    return wanted.filter((id) => !have.has(id));
  };
  const [b, u, c] = await Promise.all([
    strays(input.buildingIds, () =>
      db
        .select({ id: buildings.id })
        .from(buildings)
        .where(and(eq(buildings.projectId, projectId), inArray(buildings.id, input.buildingIds ?? []))),
    ),
    strays(input.unitIds, () =>
      db
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.projectId, projectId), inArray(units.id, input.unitIds ?? []))),
    ),
    strays(input.categoryIds, () =>
      db
        .select({ id: ticketCategories.id })
        .from(ticketCategories)
        .where(
          and(
            eq(ticketCategories.companyId, companyId),
            or(isNull(ticketCategories.projectId), eq(ticketCategories.projectId, projectId)),
            inArray(ticketCategories.id, input.categoryIds ?? []),
          ),
        ),
    ),
  ]);
  if (b.length || u.length || c.length)
    throw badRequest('Buildings, units or categories not of this project', {
      buildingIds: b,
      unitIds: u,
      categoryIds: c,
    });
}
