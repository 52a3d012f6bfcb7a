import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, notFound } from '../../platform/http/errors';
import { projects } from '../org/schema';
import { defaultFlow } from './rules/default-flow';
import { validateFlow } from './rules/validate-flow';
import { ivrFlows } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;
type FlowRow = typeof ivrFlows.$inferSelect;

export const presentFlow = (row: FlowRow) => ({
  projectId: row.projectId,
  flow: row.flow,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

/** The project's flow; the default flow is stored the first time anyone (or any call) asks. */
export async function flowOf(db: DbOrTx, projectId: number, now: Date): Promise<FlowRow> {
  const [row] = await db.select().from(ivrFlows).where(eq(ivrFlows.projectId, projectId));
  if (row) return row;
  const [project] = await db
    .select({ companyId: projects.companyId, name: projects.name })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project');
  await db
    .insert(ivrFlows)
    .values({
      projectId,
      companyId: project.companyId,
      flow: defaultFlow(project.name),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  const [seeded] = await db.select().from(ivrFlows).where(eq(ivrFlows.projectId, projectId));
  if (!seeded) throw new Error('flow seed failed');
  return seeded;
}

export const invalidFlow = (errors: unknown) =>
  new AppError(400, 'invalid_flow', 'The IVR flow has errors', errors);

/** Replace the project's flow: validated first (400 invalid_flow with every error), version-checked. */
export async function saveFlow(
  ctx: Ctx,
  auth: AuthContext,
  projectId: number,
  flow: unknown,
  version: number,
) {
  assertInScope(auth, projectId, 'Project');
  const check = validateFlow(flow);
  if (!check.ok) throw invalidFlow(check.errors);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    await flowOf(tx, projectId, now);
    const [locked] = await tx.select().from(ivrFlows).where(eq(ivrFlows.projectId, projectId)).for('update');
    const current = checkVersion(locked, version, 'IVR flow');
    const [row] = await tx
      .update(ivrFlows)
      .set({ flow: check.flow, updatedById: auth.userId, updatedAt: now, version: current.version + 1 })
      .where(eq(ivrFlows.projectId, projectId))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'ivr.flow_saved',
      entityType: 'ivr_flow',
      entityId: projectId,
      projectId,
      before: { version: current.version, nodes: Object.keys(current.flow.nodes).length },
      after: { version: row.version, nodes: Object.keys(check.flow.nodes).length },
    });
    return presentFlow(row);
  });
}
