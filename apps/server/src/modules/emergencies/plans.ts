import type {
  EmergencyLevel,
  EmergencyType,
  emergencyPlanInput,
  emergencyPlanPatch,
  PlanStep,
} from '@guanjia/shared/api';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { checkVersion } from '../../platform/db/versioning';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { planTimings } from './plan-timings';
import { ALL_PLAN_KEYS, defaultPlan } from './rules/default-plans';
import { type EmergencyPlanRow, emergencyPlans } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

export const presentPlan = (p: EmergencyPlanRow) => ({
  id: p.id,
  projectId: p.projectId,
  type: p.type,
  level: p.level,
  name: p.name,
  steps: p.steps,
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});

export async function listPlans(db: DbOrTx, auth: AuthContext, projectId: number) {
  assertInScope(auth, projectId, 'Project');
  return db
    .select()
    .from(emergencyPlans)
    .where(eq(emergencyPlans.projectId, projectId))
    .orderBy(asc(emergencyPlans.type), asc(emergencyPlans.level));
}

async function planInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db.select().from(emergencyPlans).where(eq(emergencyPlans.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Emergency plan');
  assertInScope(auth, row.projectId, 'Emergency plan');
  return row;
}

export async function createPlan(ctx: Ctx, auth: AuthContext, input: z.infer<typeof emergencyPlanInput>) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(emergencyPlans)
        .values({ ...input, companyId: auth.companyId, createdAt: now, updatedAt: now })
        .returning();
      if (!row) throw new Error('plan insert returned nothing');
      await recordEvent(tx, userActor(auth), now, {
        action: 'emergency_plan.created',
        entityType: 'emergency_plan',
        entityId: row.id,
        projectId: row.projectId,
        after: { type: row.type, level: row.level, steps: row.steps.length },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('This project already has a plan for this type and level');
    throw error;
  }
}

/** A new version of the plan; incidents already running keep the steps they opened with. */
export async function updatePlan(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  patch: z.infer<typeof emergencyPlanPatch>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = checkVersion(await planInScope(tx, auth, id, true), patch.version, 'Emergency plan');
    const [saved] = await tx
      .update(emergencyPlans)
      .set({ name: patch.name, steps: patch.steps, version: row.version + 1, updatedAt: now })
      .where(eq(emergencyPlans.id, id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'emergency_plan.updated',
      entityType: 'emergency_plan',
      entityId: id,
      projectId: row.projectId,
      before: { name: row.name, steps: row.steps.length, version: row.version },
      after: { name: patch.name, steps: patch.steps.length, version: row.version + 1 },
    });
    return saved ?? row;
  });
}

export async function deletePlan(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const row = checkVersion(await planInScope(tx, auth, id, true), version, 'Emergency plan');
    await tx.delete(emergencyPlans).where(eq(emergencyPlans.id, id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'emergency_plan.deleted',
      entityType: 'emergency_plan',
      entityId: id,
      projectId: row.projectId,
      before: { type: row.type, level: row.level, name: row.name },
    });
  });
}

/** Create the seed's standard plans the project lacks (from its Q61–Q64 settings); returns how many. */
export async function ensureDefaultPlans(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  companyId: number,
  projectId: number,
): Promise<number> {
  const timings = await planTimings(tx, companyId, projectId);
  const rows = await tx
    .insert(emergencyPlans)
    .values(
      ALL_PLAN_KEYS.map(({ type, level }) => ({
        companyId,
        projectId,
        type,
        level,
        ...defaultPlan(type, level, timings),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: emergencyPlans.id });
  if (rows.length)
    await recordEvent(tx, actor, now, {
      action: 'emergency_plan.defaults_created',
      entityType: 'project',
      entityId: projectId,
      projectId,
      after: { created: rows.length },
    });
  return rows.length;
}

/** The plan an incident opens with: the project's own, else the standard one from its settings. */
export async function planFor(
  tx: DbOrTx,
  companyId: number,
  projectId: number,
  type: EmergencyType,
  level: EmergencyLevel,
): Promise<{ name: string; version: number; steps: PlanStep[] }> {
  const [row] = await tx
    .select()
    .from(emergencyPlans)
    .where(
      and(
        eq(emergencyPlans.projectId, projectId),
        eq(emergencyPlans.type, type),
        eq(emergencyPlans.level, level),
      ),
    );
  if (row) return { name: row.name, version: row.version, steps: row.steps };
  return { ...defaultPlan(type, level, await planTimings(tx, companyId, projectId)), version: 0 };
}
