import type { MoveInBody, MoveInDefectBody, MoveInStepBody } from '@guanjia/shared/api';
import { desc, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { isUniqueViolation } from '../../platform/db/errors';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { feeItems, meterReadings } from '../billing/schema';
import { units } from '../org/schema';
import { openRectification } from '../rectifications/open-rectification';
import { moveInInScope } from './move-in-queries';
import { isLongFix, type MoveInMove, moveInMove } from './rules/q41';
import { type MoveInStepRecord, moveInDefects, moveIns } from './schema';
import { LONG_FIX_DAYS } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Opens the unit's move-in case (one live case per unit, kept by a partial unique index). */
export async function openMoveIn(ctx: Ctx, auth: AuthContext, body: MoveInBody) {
  const now = ctx.clock.now();
  const [unit] = await ctx.database.db
    .select({ projectId: units.projectId })
    .from(units)
    .where(eq(units.id, body.unitId));
  if (!unit) throw notFound('Unit');
  assertInScope(auth, unit.projectId, 'Unit');
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(moveIns)
        .values({
          ...body,
          companyId: auth.companyId,
          projectId: unit.projectId,
          createdBy: auth.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordEvent(tx, userActor(auth), now, {
        action: 'move_in.opened',
        entityType: 'move_in',
        entityId: row!.id,
        projectId: row!.projectId,
        after: { unitId: row!.unitId, ownerName: row!.ownerName },
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('This unit already has a move-in case');
    throw error;
  }
}

/**
 * One checklist step done. The meter step with no readings typed takes the unit's latest readings
 * from billing (the ones the owner confirms on the spot).
 */
export async function recordStep(ctx: Ctx, auth: AuthContext, id: number, body: MoveInStepBody) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const m = checkVersion(await moveInInScope(tx, auth, id, true), body.version, 'Move-in');
    if (m.state !== 'open') throw conflict('The move-in case is closed');
    let readings = body.readings;
    if (body.step === 'meters' && !readings.length) {
      const latest = await tx
        .select({ meter: feeItems.name, feeItemId: meterReadings.feeItemId, value: meterReadings.value })
        .from(meterReadings)
        .innerJoin(feeItems, eq(feeItems.id, meterReadings.feeItemId))
        .where(eq(meterReadings.unitId, m.unitId))
        .orderBy(desc(meterReadings.readAt))
        .limit(20);
      const seen = new Set<number>();
      readings = latest
        .filter((r) => !seen.has(r.feeItemId) && seen.add(r.feeItemId))
        .map((r) => ({ meter: r.meter, reading: Number(r.value) }));
    }
    const record: MoveInStepRecord = {
      doneAt: now.toISOString(),
      items: body.items,
      readings,
      note: body.note,
      byId: auth.userId,
    };
    const [row] = await tx
      .update(moveIns)
      .set({ steps: { ...m.steps, [body.step]: record }, version: m.version + 1, updatedAt: now })
      .where(eq(moveIns.id, m.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'move_in.step_done',
      entityType: 'move_in',
      entityId: m.id,
      projectId: m.projectId,
      after: { step: body.step, items: body.items, readings },
    });
    return row!;
  });
}

/** A joint-inspection defect ("此处需维修" label): its 整改单 opens in the same transaction. */
export async function addDefect(ctx: Ctx, auth: AuthContext, id: number, body: MoveInDefectBody) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const m = await moveInInScope(tx, auth, id, true);
    if (m.state === 'cancelled') throw conflict('The move-in case is closed');
    const [unit] = await tx
      .select({ buildingId: units.buildingId, label: units.label })
      .from(units)
      .where(eq(units.id, m.unitId));
    const threshold = await getSetting(tx, LONG_FIX_DAYS, m);
    const r = await openRectification(tx, userActor(auth), now, {
      projectId: m.projectId,
      sourceType: 'move_in',
      sourceId: m.id,
      title: `【此处需维修】${body.location}`,
      detail: body.description,
      location: `${unit?.label ?? ''} ${body.location}`.trim(),
      buildingId: unit?.buildingId ?? null,
      unitId: m.unitId,
      findingPhotoIds: body.photoIds,
      deadline: new Date(now.getTime() + body.fixDays * 86_400_000),
    });
    const [d] = await tx
      .insert(moveInDefects)
      .values({
        moveInId: m.id,
        projectId: m.projectId,
        location: body.location,
        description: body.description,
        rectificationId: r.id,
        long: isLongFix(body.fixDays, threshold),
        createdAt: now,
      })
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'move_in.defect_added',
      entityType: 'move_in',
      entityId: m.id,
      projectId: m.projectId,
      after: { defectId: d!.id, location: body.location, rectificationId: r.id, long: d!.long },
    });
    return d!;
  });
}

export async function moveMoveIn(ctx: Ctx, auth: AuthContext, id: number, move: MoveInMove, version: number) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const m = checkVersion(await moveInInScope(tx, auth, id, true), version, 'Move-in');
    const decision = moveInMove(m.state, move, Object.keys(m.steps) as (keyof typeof m.steps)[]);
    if (!decision.ok)
      throw conflict(
        decision.reason === 'steps_missing'
          ? 'Some checklist steps are not done yet'
          : 'The move-in case is closed',
        { reason: decision.reason, missing: decision.missing ?? [] },
      );
    const [row] = await tx
      .update(moveIns)
      .set({
        state: decision.to,
        completedAt: move === 'complete' ? now : null,
        version: m.version + 1,
        updatedAt: now,
      })
      .where(eq(moveIns.id, m.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: `move_in.${decision.to}`,
      entityType: 'move_in',
      entityId: m.id,
      projectId: m.projectId,
      before: { state: m.state },
      after: { state: decision.to },
    });
    return row!;
  });
}
