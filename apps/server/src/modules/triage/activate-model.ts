import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { triageModels } from './schema';

/** Roll back (or forward): the chosen version becomes the company's active model on every node. */
export async function activateModel(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  modelId: number,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [m] = await tx
      .select({ id: triageModels.id, version: triageModels.version, active: triageModels.active })
      .from(triageModels)
      .where(and(eq(triageModels.id, modelId), eq(triageModels.companyId, auth.companyId)))
      .for('update');
    if (!m) throw notFound('Model');
    if (m.active) return;
    const [before] = await tx
      .update(triageModels)
      .set({ active: false })
      .where(and(eq(triageModels.companyId, auth.companyId), eq(triageModels.active, true)))
      .returning({ version: triageModels.version });
    await tx.update(triageModels).set({ active: true }).where(eq(triageModels.id, m.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'triage.model_activated',
      entityType: 'triage_model',
      entityId: m.id,
      projectId: null,
      before: { version: before?.version ?? null },
      after: { version: m.version },
    });
  });
}
