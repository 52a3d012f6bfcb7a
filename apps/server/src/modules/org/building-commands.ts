import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import type { buildingInput, buildingPatch } from './inputs';
import { buildings, units } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

export async function createBuilding(ctx: Ctx, auth: AuthContext, input: z.infer<typeof buildingInput>) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(buildings)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'building.created',
      entityType: 'building',
      entityId: created.id,
      projectId: input.projectId,
      after: input,
    });
    return created;
  });
  await ctx.bus.publish({
    type: 'building.created',
    projectId: row.projectId,
    entityType: 'building',
    entityId: row.id,
  });
  return row;
}

export async function updateBuilding(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  patch: z.infer<typeof buildingPatch>,
) {
  const now = ctx.clock.now();
  const { version, ...fields } = patch;
  const row = await ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(buildings).where(eq(buildings.id, id)).for('update');
    if (!existing) throw notFound('Building');
    assertInScope(auth, existing.projectId, 'Building');
    const current = checkVersion(existing, version, 'Building');
    const changes = definedOnly(fields);
    const [updated] = await tx
      .update(buildings)
      .set({ ...changes, version: current.version + 1, updatedAt: now })
      .where(eq(buildings.id, id))
      .returning();
    if (changes.code && changes.code !== current.code) {
      // Unit labels start with the building code; keep them searchable under the new code.
      await tx
        .update(units)
        .set({
          label: sql`${changes.code} || substr(${units.label}, ${current.code.length + 1})`,
          version: sql`${units.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(units.buildingId, id)));
    }
    const delta = diff(current, changes);
    if (delta) {
      await recordEvent(tx, userActor(auth), now, {
        action: 'building.updated',
        entityType: 'building',
        entityId: id,
        projectId: current.projectId,
        ...delta,
      });
    }
    return updated!;
  });
  await ctx.bus.publish({
    type: 'building.updated',
    projectId: row.projectId,
    entityType: 'building',
    entityId: id,
  });
  return row;
}
