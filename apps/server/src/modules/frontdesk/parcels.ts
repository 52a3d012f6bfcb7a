import { normalizePhone } from '@guanjia/shared';
import type { ParcelBody, parcelPickupBody } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest } from '../../platform/http/errors';
import { units } from '../org/schema';
import type { PortalContext } from '../portal/context';
import { residentPhones, residentUnits } from '../residents/schema';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { entryInScope, insertEntry, moveEntry } from './engine';
import { messageResident } from './notify-resident';
import { deskEntries } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

/** Six digits the resident tells the desk; not unique on its own (the parcel id picks the record). */
const pickupCodeOf = () => String(Math.floor(100000 + Math.random() * 900000));

/**
 * 代收 intake in three fields — recipient (unit or phone), carrier, shelf — and the notice at once: the
 * resident learns the shelf and the pickup code by their own channel.
 */
export async function logParcel(ctx: Ctx, auth: AuthContext, body: ParcelBody) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  const phone = body.phone ? (normalizePhone(body.phone)?.e164 ?? body.phone) : '';
  return ctx.database.db.transaction(async (tx) => {
    let unitId = body.unitId ?? null;
    let residentId: number | null = null;
    if (unitId) {
      const [u] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.id, unitId), eq(units.projectId, body.projectId)));
      if (!u) throw badRequest('The unit is not of this project', { unitId: 'not of this project' });
    }
    if (phone) {
      const [hit] = await tx
        .select({ residentId: residentPhones.residentId, unitId: residentUnits.unitId })
        .from(residentPhones)
        .leftJoin(residentUnits, eq(residentUnits.residentId, residentPhones.residentId))
        .innerJoin(units, eq(units.id, residentUnits.unitId))
        .where(and(eq(residentPhones.e164, phone), eq(units.projectId, body.projectId)))
        .limit(1);
      if (hit) {
        residentId = hit.residentId;
        unitId ??= hit.unitId;
      }
    }
    const row = await insertEntry(tx, {
      companyId: auth.companyId,
      projectId: body.projectId,
      register: 'parcel',
      source: 'desk',
      unitId,
      residentId,
      name: body.recipientName,
      phone,
      details: {
        carrier: body.carrier,
        shelf: body.shelf,
        kind: body.kind,
        toDoor: body.toDoor,
        pickupCode: pickupCodeOf(),
        reminders: 0,
      },
      createdById: auth.userId,
      createdAt: now,
      updatedAt: now,
    });
    const d = row.details as { shelf: string; pickupCode: string; carrier: string };
    const sent = await messageResident(
      tx,
      ctx,
      row,
      '快递到达通知',
      body.toDoor
        ? `您的${body.kind}（${d.carrier}）已由前台代收，我们将稍后送到府上。`
        : `您的${body.kind}（${d.carrier}）已由前台代收，货架 ${d.shelf}，取件码 ${d.pickupCode}，请凭取件码到前台领取。`,
    );
    await recordEvent(tx, userActor(auth), now, {
      action: 'desk.parcel_created',
      entityType: 'desk_entry',
      entityId: row.id,
      projectId: row.projectId,
      after: { code: row.code, carrier: body.carrier, shelf: body.shelf, notified: sent },
    });
    return row;
  });
}

/** Pickup at the desk: the code from the notice, or the recipient's signature on the shelf list. */
export async function pickupParcel(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof parcelPickupBody>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await entryInScope(tx, auth, 'parcel', id, true);
    const d = row.details as { pickupCode?: string };
    if (body.pickupCode && body.pickupCode !== d.pickupCode && !body.signedName)
      throw new AppError(422, 'wrong_code', 'The pickup code does not match', { pickupCode: 'wrong' });
    if (body.signatureUploadId)
      await attachUploads(tx, staffReader(auth), row.projectId, [`/api/uploads/${body.signatureUploadId}`]);
    const by = body.pickupCode === d.pickupCode ? 'code' : 'signature';
    return moveEntry(tx, userActor(auth), now, row, 'pickup', 'desk', {
      patch: {
        details: {
          ...row.details,
          pickedUpBy: by,
          signedName: body.signedName ?? null,
          signatureUploadId: body.signatureUploadId ?? null,
        },
      },
      note: { by },
    });
  });
}

/** Delivered to the door (送件上门). */
export async function deliverParcel(ctx: Ctx, auth: AuthContext, id: number) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await entryInScope(tx, auth, 'parcel', id, true);
    return moveEntry(tx, userActor(auth), now, row, 'deliver', 'desk');
  });
}

/** The resident asks for a waiting parcel to be brought to the door. */
export async function requestDoorDelivery(ctx: Ctx, portal: PortalContext, id: number) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(deskEntries)
      .where(and(eq(deskEntries.id, id), eq(deskEntries.register, 'parcel')))
      .for('update');
    if (!row || !portalOwns(portal, row)) throw new AppError(404, 'not_found', 'Parcel not found');
    if (row.status !== '待取')
      throw new AppError(409, 'conflict', 'This step does not apply in the current status', {
        status: row.status,
      });
    const [after] = await tx
      .update(deskEntries)
      .set({ details: { ...row.details, toDoor: true }, updatedAt: now, version: row.version + 1 })
      .where(eq(deskEntries.id, row.id))
      .returning();
    await recordEvent(tx, { userId: null, companyId: row.companyId, source: 'channel' }, now, {
      action: 'desk.parcel_doorRequested',
      entityType: 'desk_entry',
      entityId: row.id,
      projectId: row.projectId,
    });
    return after!;
  });
}

/** A resident's own record: of one of their units, or addressed to their residency by phone. */
export function portalOwns(
  portal: PortalContext,
  row: { companyId: number; unitId: number | null; residentId: number | null },
) {
  if (row.companyId !== portal.companyId) return false;
  return (
    (row.unitId !== null && portal.units.some((u) => u.id === row.unitId)) ||
    (row.residentId !== null && portal.residents.some((r) => r.id === row.residentId))
  );
}
