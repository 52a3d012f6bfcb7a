import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { assertInScope } from '../../platform/auth/context';
import { invalidateSessions } from '../../platform/auth/session-cache';
import { invalidate } from '../../platform/cache/caches';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError } from '../../platform/http/errors';
import type { projectInput, projectPatch } from './inputs';
import { defaultBusinessHours, projects } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

export async function createProject(ctx: Ctx, auth: AuthContext, input: z.infer<typeof projectInput>) {
  // A scoped user could not see the project it created; only company-wide staff open new estates.
  if (!auth.allProjects)
    throw new AppError(403, 'forbidden', 'Only company-wide administrators can create projects');
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(projects)
      .values({
        ...input,
        companyId: auth.companyId,
        businessHours: input.businessHours ?? defaultBusinessHours(),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'project.created',
      entityType: 'project',
      entityId: created.id,
      projectId: created.id,
      after: input,
    });
    return created;
  });
  // Company-wide staff have the new project in their cached scope from the next request on.
  await invalidateSessions(ctx);
  await ctx.bus.publish({
    type: 'project.created',
    companyId: auth.companyId,
    projectId: row.id,
    entityType: 'project',
    entityId: row.id,
  });
  return row;
}

export async function updateProject(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  patch: z.infer<typeof projectPatch>,
) {
  assertInScope(auth, id, 'Project');
  const now = ctx.clock.now();
  const { version, ...fields } = patch;
  const row = await ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(projects).where(eq(projects.id, id)).for('update');
    const current = checkVersion(existing, version, 'Project');
    const changes = definedOnly(fields);
    const [updated] = await tx
      .update(projects)
      .set({ ...changes, version: current.version + 1, updatedAt: now })
      .where(eq(projects.id, id))
      .returning();
    const delta = diff(current, changes);
    if (delta) {
      await recordEvent(tx, userActor(auth), now, {
        action: 'project.updated',
        entityType: 'project',
        entityId: id,
        projectId: id,
        ...delta,
      });
    }
    return updated!;
  });
  // Time zone and service hours feed the SLA context of the project.
  await invalidate(ctx, 'sla');
  await ctx.bus.publish({
    type: 'project.updated',
    companyId: auth.companyId,
    projectId: id,
    entityType: 'project',
    entityId: id,
  });
  return row;
}
