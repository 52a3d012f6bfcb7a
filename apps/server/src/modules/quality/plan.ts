import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import type { SettingDefinition } from '../../platform/settings/registry';
import { settings } from '../../platform/settings/schema';
import type { planInput } from './inputs';
import { QA_CHECKLIST, QA_SAMPLE_PERCENT } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

export async function readPlan(db: DbOrTx, auth: AuthContext, projectId: number) {
  assertInScope(auth, projectId, 'Project');
  const scope = { companyId: auth.companyId, projectId };
  return {
    projectId,
    samplePercent: await getSetting(db, QA_SAMPLE_PERCENT, scope),
    checklist: await getSetting(db, QA_CHECKLIST, scope),
  };
}

async function putProjectSetting<T>(
  tx: DbOrTx,
  def: SettingDefinition<T>,
  projectId: number,
  value: T,
  now: Date,
) {
  const where = and(
    eq(settings.scope, 'project'),
    eq(settings.scopeId, projectId),
    eq(settings.key, def.key),
  );
  const [existing] = await tx.select().from(settings).where(where).for('update');
  if (existing)
    await tx
      .update(settings)
      .set({ value, version: existing.version + 1, updatedAt: now })
      .where(eq(settings.id, existing.id));
  else await tx.insert(settings).values({ scope: 'project', scopeId: projectId, key: def.key, value });
}

/**
 * The QA reviewer owns the project's plan (rate and checklist) without holding settings.write; both
 * stay ordinary project settings, so the settings page and getSetting see the same values.
 */
export async function savePlan(ctx: Ctx, auth: AuthContext, input: z.infer<typeof planInput>) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const before = await readPlan(tx, auth, input.projectId);
    await putProjectSetting(tx, QA_SAMPLE_PERCENT, input.projectId, input.samplePercent, now);
    await putProjectSetting(tx, QA_CHECKLIST, input.projectId, input.checklist, now);
    await recordEvent(tx, userActor(auth), now, {
      action: 'qa.plan_changed',
      entityType: 'project',
      entityId: input.projectId,
      projectId: input.projectId,
      before: { samplePercent: before.samplePercent, checklist: before.checklist },
      after: { samplePercent: input.samplePercent, checklist: input.checklist },
    });
    return readPlan(tx, auth, input.projectId);
  });
}
