import type { equipmentInput, equipmentPatch, equipmentStatusBody } from '@guanjia/shared/api';
import { uploadUrl } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { equipment, equipmentStatusChanges } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

const codeTaken = (code: string) => conflict('Equipment code already used in this project', { code });

async function attach(tx: DbOrTx, auth: AuthContext, projectId: number, ids: number[]) {
  if (ids.length) await attachUploads(tx, staffReader(auth), projectId, ids.map(uploadUrl));
}

/** A new piece of equipment; its code is unique in the project (409), its first status is recorded. */
export async function createEquipment(ctx: Ctx, auth: AuthContext, body: z.infer<typeof equipmentInput>) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      await attach(tx, auth, body.projectId, [...body.documentIds, ...body.photoIds]);
      const [row] = await tx
        .insert(equipment)
        .values({
          ...body,
          contractorId: body.contractorId ?? null,
          installDate: body.installDate ?? null,
          warrantyEnd: body.warrantyEnd ?? null,
          companyId: auth.companyId,
          statusSince: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await tx.insert(equipmentStatusChanges).values({
        projectId: row.projectId,
        equipmentId: row.id,
        fromStatus: null,
        toStatus: row.status,
        at: now,
        reason: '建档',
        actorId: auth.userId,
      });
      await recordEvent(tx, userActor(auth), now, {
        action: 'equipment.created',
        entityType: 'equipment',
        entityId: row.id,
        projectId: row.projectId,
        after: { code: row.code, name: row.name, system: row.system, status: row.status },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(body.code);
    throw error;
  }
}

export async function editEquipment(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof equipmentPatch>,
) {
  const now = ctx.clock.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const [found] = await tx.select().from(equipment).where(eq(equipment.id, id)).for('update');
      if (!found || !auth.projectIds.includes(found.projectId)) throw notFound('Equipment');
      const row = checkVersion(found, body.version, 'Equipment');
      const { version: _v, ...rest } = body;
      const patch = definedOnly(rest);
      await attach(tx, auth, row.projectId, [...(patch.documentIds ?? []), ...(patch.photoIds ?? [])]);
      const changed = diff(row as unknown as Record<string, unknown>, patch as Record<string, unknown>);
      const [updated] = await tx
        .update(equipment)
        .set({ ...patch, updatedAt: now, version: row.version + 1 })
        .where(eq(equipment.id, id))
        .returning();
      if (changed)
        await recordEvent(tx, userActor(auth), now, {
          action: 'equipment.updated',
          entityType: 'equipment',
          entityId: id,
          projectId: row.projectId,
          ...changed,
        });
      return updated ?? row;
    });
  } catch (error) {
    if (isUniqueViolation(error) && body.code) throw codeTaken(body.code);
    throw error;
  }
}

/** 运行/停用/维修中/报废: each change timed (downtime for availability) and audited. */
export async function changeEquipmentStatus(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof equipmentStatusBody>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [found] = await tx.select().from(equipment).where(eq(equipment.id, id)).for('update');
    if (!found || !auth.projectIds.includes(found.projectId)) throw notFound('Equipment');
    const row = checkVersion(found, body.version, 'Equipment');
    if (row.status === body.status) return row;
    const [updated] = await tx
      .update(equipment)
      .set({ status: body.status, statusSince: now, updatedAt: now, version: row.version + 1 })
      .where(eq(equipment.id, id))
      .returning();
    await tx.insert(equipmentStatusChanges).values({
      projectId: row.projectId,
      equipmentId: id,
      fromStatus: row.status,
      toStatus: body.status,
      at: now,
      reason: body.reason,
      actorId: auth.userId,
    });
    await recordEvent(tx, userActor(auth), now, {
      action: 'equipment.status_changed',
      entityType: 'equipment',
      entityId: id,
      projectId: row.projectId,
      before: { status: row.status },
      after: { status: body.status, reason: body.reason },
    });
    return updated ?? row;
  });
}
