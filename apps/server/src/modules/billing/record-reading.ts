import { type RecordReadingBody, recordReadingBody, uploadUrl } from '@guanjia/shared/api';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { units } from '../org/schema';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { feeItemInScope } from './fee-item-queries';
import { checkReading, consumptionOf, type ReadingVerdict } from './rules/meter';
import {
  type FeeItemRow,
  feeItemUnits,
  type MeterReadingRow,
  meterReadings,
  type ReadingSource,
} from './schema';
import { METER_JUMP_FACTOR } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

const METERED = new Set(['meter', 'tiered', 'apportion']);

function refusal(v: Extract<ReadingVerdict, { ok: false }>, previousValue: number | null) {
  const details = { reason: v.reason, consumption: v.consumption, limit: v.limit ?? null, previousValue };
  if (v.reason === 'lower_than_last')
    return new AppError(
      422,
      'reading_refused',
      'The reading is lower than the last one; confirm a meter change if the meter was replaced',
      details,
    );
  if (v.reason === 'jump')
    return new AppError(
      422,
      'reading_refused',
      'The consumption is far above the last period’s; check the reading or confirm a meter change',
      details,
    );
  return new AppError(422, 'reading_refused', 'A meter reading cannot be negative', details);
}

const readingExists = (feeItemId: number, unitId: number | null, period: string) =>
  new AppError(409, 'reading_exists', 'This meter already has a reading for the period', {
    feeItemId,
    unitId,
    period,
  });

/** The last reading of the same meter before this period, if any. */
async function lastReading(tx: DbOrTx, feeItemId: number, unitId: number | null, period: string) {
  const [row] = await tx
    .select()
    .from(meterReadings)
    .where(
      and(
        eq(meterReadings.feeItemId, feeItemId),
        unitId === null ? isNull(meterReadings.unitId) : eq(meterReadings.unitId, unitId),
        lt(meterReadings.period, period),
      ),
    )
    .orderBy(desc(meterReadings.period))
    .limit(1);
  return row;
}

async function checkMeter(tx: DbOrTx, item: FeeItemRow, unitId: number | null) {
  if (!METERED.has(item.formula))
    throw new AppError(422, 'not_metered', 'This fee item is not charged by meter readings');
  if (item.formula === 'apportion' ? unitId !== null : unitId === null)
    throw new AppError(
      422,
      'wrong_meter',
      'An apportioned item is read on its shared meter (no unit); a metered item per unit',
    );
  if (unitId === null) return;
  const [attached] = await tx
    .select({ id: feeItemUnits.id })
    .from(feeItemUnits)
    .innerJoin(units, eq(units.id, feeItemUnits.unitId))
    .where(and(eq(feeItemUnits.feeItemId, item.id), eq(feeItemUnits.unitId, unitId)))
    .limit(1);
  if (!attached) throw new AppError(422, 'unit_not_attached', 'The unit is not charged this fee item');
}

/**
 * Record one meter reading (phone, console or an import row) in the caller's transaction: refused
 * with its reason when lower than the last or a jump over the project's factor, unless confirmed
 * as a meter change; one reading per meter and period (409).
 */
export async function recordReadingIn(
  tx: DbOrTx,
  auth: AuthContext,
  now: Date,
  input: RecordReadingBody,
  source: ReadingSource,
): Promise<MeterReadingRow> {
  const body = recordReadingBody.parse(input);
  const item = await feeItemInScope(tx, auth, body.feeItemId);
  await checkMeter(tx, item, body.unitId);
  const [same] = await tx
    .select({ id: meterReadings.id })
    .from(meterReadings)
    .where(
      and(
        eq(meterReadings.feeItemId, item.id),
        body.unitId === null ? isNull(meterReadings.unitId) : eq(meterReadings.unitId, body.unitId),
        eq(meterReadings.period, body.period),
      ),
    );
  if (same) throw readingExists(item.id, body.unitId, body.period);
  const last = await lastReading(tx, item.id, body.unitId, body.period);
  const factor = await getSetting(tx, METER_JUMP_FACTOR, {
    companyId: auth.companyId,
    projectId: item.projectId,
  });
  const verdict = checkReading({
    value: body.value,
    previousValue: last?.value ?? null,
    previousConsumption: last ? consumptionOf(last) : null,
    meterChange: body.meterChange,
    jumpFactor: factor,
  });
  if (!verdict.ok) throw refusal(verdict, last?.value ?? null);
  if (body.photoUploadId)
    await attachUploads(tx, staffReader(auth), item.projectId, [uploadUrl(body.photoUploadId)]);
  const [row] = await tx
    .insert(meterReadings)
    .values({
      projectId: item.projectId,
      feeItemId: item.id,
      unitId: body.unitId,
      period: body.period,
      value: body.value,
      previousValue: last?.value ?? null,
      meterChange: body.meterChange,
      photoUploadId: body.photoUploadId ?? null,
      source,
      readAt: now,
      readById: auth.userId,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw readingExists(item.id, body.unitId, body.period);
  await recordEvent(tx, userActor(auth), now, {
    action: 'meter_reading.recorded',
    entityType: 'meter_reading',
    entityId: row.id,
    projectId: row.projectId,
    after: {
      feeItemId: item.id,
      unitId: row.unitId,
      period: row.period,
      value: row.value,
      consumption: verdict.consumption,
      meterChange: row.meterChange,
      source,
    },
  });
  return row;
}

export async function recordReading(ctx: Ctx, auth: AuthContext, input: RecordReadingBody) {
  const source = input.source ?? 'console';
  return ctx.database.db.transaction((tx) => recordReadingIn(tx, auth, ctx.clock.now(), input, source));
}
