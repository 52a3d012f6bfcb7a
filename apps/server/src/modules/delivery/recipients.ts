import type { ContactChannel } from '@guanjia/shared';
import { and, arrayOverlaps, asc, eq, inArray, min, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { units } from '../org/schema';
import { residentPhones, residents, residentUnits } from '../residents/schema';

/** Who a message is for, inside one project. Empty building and unit lists mean the whole project. */
export interface Audience {
  projectId: number;
  buildingIds?: number[];
  unitIds?: number[];
  /** An explicit list: exactly these residents (of the project). */
  residentIds?: number[];
  tags?: string[];
  vipOnly?: boolean;
}

export interface Recipient {
  residentId: number;
  name: string;
  preferredChannel: ContactChannel | null;
  mobile: string | null;
  email: string | null;
  unitId: number | null;
  unitLabel: string | null;
}

/** The residents an audience reaches, with the contact details the channel choice needs. */
export async function resolveAudience(db: DbOrTx, a: Audience): Promise<Recipient[]> {
  const place: SQL[] = [];
  if (a.buildingIds?.length) place.push(inArray(units.buildingId, a.buildingIds));
  if (a.unitIds?.length) place.push(inArray(units.id, a.unitIds));
  const where = and(
    eq(residents.projectId, a.projectId),
    a.residentIds ? inArray(residents.id, a.residentIds.length ? a.residentIds : [-1]) : undefined,
    place.length ? sql`(${sql.join(place, sql` or `)})` : undefined,
    a.tags?.length ? arrayOverlaps(residents.tags, a.tags) : undefined,
    a.vipOnly ? eq(residents.vip, true) : undefined,
  );
  const rows = await db
    .select({
      residentId: residents.id,
      name: residents.name,
      preferredChannel: residents.preferredChannel,
      email: residents.email,
      unitLabel: min(units.label),
      unitId: min(units.id),
    })
    .from(residents)
    .leftJoin(residentUnits, eq(residentUnits.residentId, residents.id))
    .leftJoin(units, eq(units.id, residentUnits.unitId))
    .where(where)
    .groupBy(residents.id)
    .orderBy(asc(residents.id));
  if (!rows.length) return [];
  const phones = await db
    .select({ residentId: residentPhones.residentId, e164: residentPhones.e164 })
    .from(residentPhones)
    .where(
      and(
        inArray(
          residentPhones.residentId,
          rows.map((r) => r.residentId),
        ),
        eq(residentPhones.kind, 'mobile'),
      ),
    )
    .orderBy(asc(residentPhones.position));
  const mobileOf = new Map<number, string>();
  for (const p of phones) if (!mobileOf.has(p.residentId)) mobileOf.set(p.residentId, p.e164);
  return rows.map((r) => ({
    residentId: r.residentId,
    name: r.name,
    preferredChannel: r.preferredChannel,
    email: r.email,
    mobile: mobileOf.get(r.residentId) ?? null,
    unitId: r.unitId === null ? null : Number(r.unitId),
    unitLabel: r.unitLabel,
  }));
}
