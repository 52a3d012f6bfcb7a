import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { roles } from '../../platform/auth/schema';
import { invalidateSessions } from '../../platform/auth/session-cache';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError } from '../../platform/http/errors';
import type { roleInput, rolePatch } from './inputs';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

function assertHolds(auth: AuthContext, permissions: readonly string[] | undefined) {
  const beyond = (permissions ?? []).filter((p) => !auth.permissions.has(p as never));
  if (beyond.length)
    throw new AppError(403, 'forbidden', 'You cannot grant permissions you do not hold', {
      permissions: beyond,
    });
}

export async function createRole(ctx: Ctx, auth: AuthContext, input: z.infer<typeof roleInput>) {
  assertHolds(auth, input.permissions);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(roles)
      .values({ ...input, companyId: auth.companyId, createdAt: now, updatedAt: now })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'role.created',
      entityType: 'role',
      entityId: created.id,
      after: input,
    });
    return created;
  });
}

export async function updateRole(ctx: Ctx, auth: AuthContext, id: number, patch: z.infer<typeof rolePatch>) {
  assertHolds(auth, patch.permissions);
  const now = ctx.clock.now();
  const { version, ...fields } = patch;
  const row = await ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(roles)
      .where(and(eq(roles.id, id), eq(roles.companyId, auth.companyId)))
      .for('update');
    const current = checkVersion(existing, version, 'Role');
    const changes = definedOnly(fields);
    const [updated] = await tx
      .update(roles)
      .set({ ...changes, version: current.version + 1, updatedAt: now })
      .where(eq(roles.id, id))
      .returning();
    const delta = diff(current, changes);
    if (delta)
      await recordEvent(tx, userActor(auth), now, {
        action: 'role.updated',
        entityType: 'role',
        entityId: id,
        ...delta,
      });
    return updated!;
  });
  // Every holder of the role sees its new permissions on the next request (cached sessions).
  await invalidateSessions(ctx);
  return row;
}
