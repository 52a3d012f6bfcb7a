import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { hashPassword } from '../../platform/auth/password';
import { userProjects, userRoles, users } from '../../platform/auth/schema';
import { invalidateSessions } from '../../platform/auth/session-cache';
import { revokeUserSessions } from '../../platform/auth/sessions';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { assertMayGrant } from './grant-checks';
import type { staffInput, staffPatch } from './inputs';
import { staffVisibility } from './queries';
import { maskStaffPii } from './rules/staff-audit';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus' | 'config'>;

async function replaceGrants(tx: DbOrTx, userId: number, roleIds?: number[], projectIds?: number[]) {
  if (roleIds) {
    await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    if (roleIds.length)
      await tx.insert(userRoles).values([...new Set(roleIds)].map((roleId) => ({ userId, roleId })));
  }
  if (projectIds) {
    await tx.delete(userProjects).where(eq(userProjects.userId, userId));
    if (projectIds.length)
      await tx
        .insert(userProjects)
        .values([...new Set(projectIds)].map((projectId) => ({ userId, projectId })));
  }
}

export async function createStaff(ctx: Ctx, auth: AuthContext, input: z.infer<typeof staffInput>) {
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(input.password, ctx.config.passwordCost);
  return ctx.database.db.transaction(async (tx) => {
    await assertMayGrant(tx, auth, input);
    const { password: _p, roleIds, projectIds, ...fields } = input;
    const [created] = await tx
      .insert(users)
      .values({ ...fields, companyId: auth.companyId, passwordHash, createdAt: now, updatedAt: now })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await replaceGrants(tx, created.id, roleIds, projectIds);
    await recordEvent(tx, userActor(auth), now, {
      action: 'staff.created',
      entityType: 'user',
      entityId: created.id,
      after: { ...maskStaffPii(fields, 'after'), roleIds, projectIds },
    });
    return created;
  });
}

export async function updateStaff(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  patch: z.infer<typeof staffPatch>,
) {
  const now = ctx.clock.now();
  const { version, roleIds, projectIds, ...fields } = patch;
  const row = await ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, id), staffVisibility(auth)))
      .for('update');
    const current = checkVersion(existing, version, 'Staff member');
    await assertMayGrant(tx, auth, { roleIds, projectIds, allProjects: fields.allProjects });
    const changes = definedOnly(fields);
    const [updated] = await tx
      .update(users)
      .set({ ...changes, version: current.version + 1, updatedAt: now })
      .where(eq(users.id, id))
      .returning();
    await replaceGrants(tx, id, roleIds, projectIds);
    const delta = diff(current, changes) ?? { before: {}, after: {} };
    await recordEvent(tx, userActor(auth), now, {
      action: 'staff.updated',
      entityType: 'user',
      entityId: id,
      before: maskStaffPii(delta.before, 'before'),
      after: {
        ...maskStaffPii(delta.after, 'after'),
        ...(roleIds ? { roleIds } : {}),
        ...(projectIds ? { projectIds } : {}),
      },
    });
    return updated!;
  });
  // Deactivation takes effect at once, not when the session expires.
  if (fields.active === false) await revokeUserSessions(ctx.database.db, [id]);
  // Name, locale, roles and scope are part of every cached session of this user.
  await invalidateSessions(ctx);
  return row;
}

export async function resetPassword(ctx: Ctx, auth: AuthContext, id: number, password: string) {
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(password, ctx.config.passwordCost);
  await ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, id), staffVisibility(auth)));
    if (!existing) throw notFound('Staff member');
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: now })
      .where(eq(users.id, id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'staff.password_reset',
      entityType: 'user',
      entityId: id,
    });
  });
  await revokeUserSessions(ctx.database.db, [id]);
  await invalidateSessions(ctx);
}
