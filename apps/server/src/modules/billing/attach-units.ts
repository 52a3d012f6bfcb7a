import type { AttachUnitsBody } from '@guanjia/shared/api';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest } from '../../platform/http/errors';
import { units } from '../org/schema';
import { feeItemInScope } from './fee-item-queries';
import { feeItemUnits } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** The units a request names, always inside the fee item's project. */
function unitsNamed(projectId: number, body: AttachUnitsBody): SQL | undefined {
  return and(
    eq(units.projectId, projectId),
    body.unitIds ? inArray(units.id, body.unitIds) : undefined,
    body.buildingIds ? inArray(units.buildingId, body.buildingIds) : undefined,
    body.unitTypes ? sql`${units.type} = any(${sql.param(body.unitTypes)}::text[])` : undefined,
  );
}

const countUnits = async (db: Ctx['database']['db'], feeItemId: number) => {
  const [r] = await db
    .select({ n: sql<number>`count(distinct ${feeItemUnits.unitId})::int` })
    .from(feeItemUnits)
    .where(eq(feeItemUnits.feeItemId, feeItemId));
  return r?.n ?? 0;
};

/**
 * Charge a fee item to units in bulk (by unit, building or unit type) in one INSERT … SELECT;
 * units already attached stay as they are. A 车位号 names one parking space of one unit.
 */
export async function attachUnits(ctx: Ctx, auth: AuthContext, id: number, body: AttachUnitsBody) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const item = await feeItemInScope(tx, auth, id, true);
    if (body.parkingSpace && body.unitIds?.length !== 1)
      throw badRequest('A parking space is attached to exactly one unit', {
        parkingSpace: body.parkingSpace,
      });
    if (body.unitIds) {
      const [found] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(units)
        .where(unitsNamed(item.projectId, body));
      if ((found?.n ?? 0) !== new Set(body.unitIds).size)
        throw new AppError(422, 'unknown_units', 'Some units do not exist in this project');
    }
    const inserted = (
      (await tx.execute(sql`insert into fee_item_units (project_id, fee_item_id, unit_id, parking_space, start_date, end_date, created_at)
        select ${item.projectId}, ${item.id}, ${units.id}, ${body.parkingSpace ?? ''}, ${body.startDate ?? null}::date,
               ${body.endDate ?? null}::date, ${now}
          from ${units} where ${unitsNamed(item.projectId, body)}
        on conflict do nothing
        returning unit_id`)) as unknown as { rows: { unit_id: number }[] }
    ).rows;
    await recordEvent(tx, userActor(auth), now, {
      action: 'fee_item.units_attached',
      entityType: 'fee_item',
      entityId: item.id,
      projectId: item.projectId,
      after: { ...body, attached: inserted.length },
    });
    return { changed: inserted.length, unitCount: await countUnits(tx, item.id) };
  });
}

/** Stop charging a fee item to units (bills already made keep their lines). */
export async function detachUnits(ctx: Ctx, auth: AuthContext, id: number, body: AttachUnitsBody) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const item = await feeItemInScope(tx, auth, id, true);
    const named = tx.select({ id: units.id }).from(units).where(unitsNamed(item.projectId, body));
    const removed = await tx
      .delete(feeItemUnits)
      .where(
        and(
          eq(feeItemUnits.feeItemId, item.id),
          inArray(feeItemUnits.unitId, named),
          body.parkingSpace ? eq(feeItemUnits.parkingSpace, body.parkingSpace) : undefined,
        ),
      )
      .returning({ unitId: feeItemUnits.unitId });
    await recordEvent(tx, userActor(auth), now, {
      action: 'fee_item.units_detached',
      entityType: 'fee_item',
      entityId: item.id,
      projectId: item.projectId,
      after: { ...body, detached: removed.length },
    });
    return { changed: removed.length, unitCount: await countUnits(tx, item.id) };
  });
}
