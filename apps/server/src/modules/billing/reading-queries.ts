import type { MeterReading } from '@guanjia/shared/api';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { pageQuery } from '../../platform/http/pagination';
import { units } from '../org/schema';
import { consumptionOf } from './rules/meter';
import { feeItems, meterReadings } from './schema';

export const readingListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  feeItemId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  buildingId: z.coerce.number().int().positive().optional(),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

export async function listReadings(db: DbOrTx, auth: AuthContext, q: z.infer<typeof readingListQuery>) {
  const scope = q.projectId
    ? auth.projectIds.includes(q.projectId)
      ? [q.projectId]
      : []
    : [...auth.projectIds];
  const where = and(
    scope.length ? inArray(meterReadings.projectId, scope) : sql`false`,
    q.feeItemId ? eq(meterReadings.feeItemId, q.feeItemId) : undefined,
    q.unitId ? eq(meterReadings.unitId, q.unitId) : undefined,
    q.buildingId ? eq(units.buildingId, q.buildingId) : undefined,
    q.period ? eq(meterReadings.period, q.period) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        r: meterReadings,
        feeItemName: feeItems.name,
        unitLabel: units.label,
        readByName: users.displayName,
      })
      .from(meterReadings)
      .innerJoin(feeItems, eq(feeItems.id, meterReadings.feeItemId))
      .leftJoin(units, eq(units.id, meterReadings.unitId))
      .leftJoin(users, eq(users.id, meterReadings.readById))
      .where(where)
      .orderBy(desc(meterReadings.period), asc(units.label))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(meterReadings)
      .leftJoin(units, eq(units.id, meterReadings.unitId))
      .where(where),
  ]);
  const items: MeterReading[] = rows.map(({ r, feeItemName, unitLabel, readByName }) => ({
    id: r.id,
    projectId: r.projectId,
    feeItemId: r.feeItemId,
    feeItemName,
    unitId: r.unitId,
    unitLabel,
    period: r.period,
    value: r.value,
    previousValue: r.previousValue,
    consumption: consumptionOf(r),
    meterChange: r.meterChange,
    photoUploadId: r.photoUploadId,
    source: r.source,
    readAt: r.readAt.toISOString(),
    readByName,
  }));
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
