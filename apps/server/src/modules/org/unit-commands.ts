import { unitLabel } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import type { unitInput, unitPatch } from './inputs';
import { buildings, units } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

export async function createUnit(ctx: Ctx, auth: AuthContext, input: z.infer<typeof unitInput>) {
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [building] = await tx.select().from(buildings).where(eq(buildings.id, input.buildingId));
    if (!building) throw notFound('Building');
    assertInScope(auth, building.projectId, 'Building');
    const [created] = await tx
      .insert(units)
      .values({
        ...input,
        projectId: building.projectId,
        label: unitLabel(building.code, input.entrance, input.room),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'unit.created',
      entityType: 'unit',
      entityId: created.id,
      projectId: created.projectId,
      after: { ...input, label: created.label },
    });
    return created;
  });
  await ctx.bus.publish({
    type: 'unit.created',
    projectId: row.projectId,
    entityType: 'unit',
    entityId: row.id,
  });
  return row;
}

export async function updateUnit(ctx: Ctx, auth: AuthContext, id: number, patch: z.infer<typeof unitPatch>) {
  const now = ctx.clock.now();
  const { version, ...fields } = patch;
  const row = await ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(units).where(eq(units.id, id)).for('update');
    if (!existing) throw notFound('Unit');
    assertInScope(auth, existing.projectId, 'Unit');
    const current = checkVersion(existing, version, 'Unit');
    const changes: Partial<typeof units.$inferInsert> = definedOnly(fields);
    if (changes.room !== undefined || changes.entrance !== undefined) {
      const [building] = await tx.select().from(buildings).where(eq(buildings.id, current.buildingId));
      changes.label = unitLabel(
        building?.code ?? '',
        changes.entrance !== undefined ? changes.entrance : current.entrance,
        changes.room ?? current.room,
      );
    }
    const [updated] = await tx
      .update(units)
      .set({ ...changes, version: current.version + 1, updatedAt: now })
      .where(eq(units.id, id))
      .returning();
    const delta = diff(current, changes);
    if (delta) {
      await recordEvent(tx, userActor(auth), now, {
        action: 'unit.updated',
        entityType: 'unit',
        entityId: id,
        projectId: current.projectId,
        ...delta,
      });
    }
    return updated!;
  });
  await ctx.bus.publish({ type: 'unit.updated', projectId: row.projectId, entityType: 'unit', entityId: id });
  return row;
}
