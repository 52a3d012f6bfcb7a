import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { badRequest } from '../../platform/http/errors';
import { units } from '../org/schema';
import type { ResidentInput } from './inputs';
import { phoneRows } from './rules/phone-rows';
import { residentPhones, residentUnits } from './schema';

/** Replace a resident's phones with the given list, normalised to +86 and de-duplicated. */
export async function replacePhones(
  tx: DbOrTx,
  residentId: number,
  projectId: number,
  phones: string[],
  areaCode?: string | null,
) {
  await tx.delete(residentPhones).where(eq(residentPhones.residentId, residentId));
  const rows = phoneRows(residentId, projectId, phones, areaCode);
  if (rows.length) await tx.insert(residentPhones).values(rows);
}

/** Replace a resident's unit links; every unit must belong to the resident's project. */
export async function replaceUnits(
  tx: DbOrTx,
  residentId: number,
  projectId: number,
  links: NonNullable<ResidentInput['units']>,
) {
  await tx.delete(residentUnits).where(eq(residentUnits.residentId, residentId));
  if (!links.length) return;
  const ids = [...new Set(links.map((l) => l.unitId))];
  const found = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, ids), eq(units.projectId, projectId)));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw badRequest('Some units do not exist in this project', { unitIds: missing });
  const unique = new Map(links.map((l) => [l.unitId, l]));
  await tx
    .insert(residentUnits)
    .values(
      [...unique.values()].map((l) => ({ residentId, unitId: l.unitId, projectId, relation: l.relation })),
    );
}
