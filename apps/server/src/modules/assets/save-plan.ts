import type { CheckItem } from '@guanjia/shared';
import type { planInput, planPatch } from '@guanjia/shared/api';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { generateTasks } from './generate-tasks';
import { checklists, checklistVersions, equipment, inspectionTasks, maintenancePlans } from './schema';

/** Pending tasks nobody has answered yet: free to move to a new checklist or to be laid out again. */
const unanswered = sql`${inspectionTasks.status} = 'pending' and not exists (select 1 from inspection_results r where r.task_id = ${inspectionTasks.id})`;

type Ctx = Pick<Services, 'database' | 'clock'>;
type PlanInput = z.infer<typeof planInput>;

/** Item ids are the answers' keys: they must be unique within a checklist. */
function checkItems(items: CheckItem[]) {
  const ids = items.map((i) => i.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw badRequest('Checklist item ids must be unique', { itemId: dup });
  const bad = items.find((i) => i.kind === 'number' && i.min != null && i.max != null && i.min > i.max);
  if (bad) throw badRequest('A reading’s minimum is above its maximum', { itemId: bad.id });
}

/** A plan with its checklist (version 1) inside the caller's transaction; no tasks yet. */
export async function insertPlan(
  tx: DbOrTx,
  companyId: number,
  input: PlanInput & { templateKey?: string | null },
  now: Date,
) {
  const [list] = await tx
    .insert(checklists)
    .values({ companyId, projectId: input.projectId, name: input.name, createdAt: now, updatedAt: now })
    .returning({ id: checklists.id });
  if (!list) throw new Error('insert returned nothing');
  await tx
    .insert(checklistVersions)
    .values({ checklistId: list.id, number: 1, items: input.items, createdAt: now });
  const [plan] = await tx
    .insert(maintenancePlans)
    .values({
      companyId,
      projectId: input.projectId,
      name: input.name,
      system: input.system,
      target: input.target,
      equipmentId: input.target === 'equipment' ? (input.equipmentId ?? null) : null,
      equipmentType: input.target === 'type' ? (input.equipmentType ?? null) : null,
      templateKey: input.templateKey ?? null,
      frequency: input.frequency,
      basis: input.basis,
      skipHolidays: input.skipHolidays,
      startDate: input.startDate,
      checklistId: list.id,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  return plan ?? null;
}

export async function createPlan(ctx: Ctx, auth: AuthContext, input: PlanInput) {
  assertInScope(auth, input.projectId, 'Project');
  checkItems(input.items);
  if (input.target === 'equipment' && !input.equipmentId)
    throw badRequest('Choose the equipment of the plan', { field: 'equipmentId' });
  if (input.target === 'type' && !input.equipmentType)
    throw badRequest('Choose the equipment type of the plan', { field: 'equipmentType' });
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    if (input.equipmentId) {
      const [eq1] = await tx
        .select({ projectId: equipment.projectId })
        .from(equipment)
        .where(eq(equipment.id, input.equipmentId));
      if (eq1?.projectId !== input.projectId)
        throw badRequest('Equipment not in this project', { equipmentId: input.equipmentId });
    }
    const plan = await insertPlan(tx, auth.companyId, input, now);
    if (!plan) throw new Error('plan insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'plan.created',
      entityType: 'maintenance_plan',
      entityId: plan.id,
      projectId: plan.projectId,
      after: { name: plan.name, frequency: plan.frequency, basis: plan.basis },
    });
    await generateTasks(tx, plan.projectId, now, [plan.id]);
    return plan;
  });
}

/**
 * Edit a plan. New items write a new checklist version: pending tasks move to it, tasks already
 * answered keep the version they were done with.
 */
export async function editPlan(ctx: Ctx, auth: AuthContext, id: number, body: z.infer<typeof planPatch>) {
  if (body.items) checkItems(body.items);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [found] = await tx.select().from(maintenancePlans).where(eq(maintenancePlans.id, id)).for('update');
    if (!found || !auth.projectIds.includes(found.projectId)) throw notFound('Maintenance plan');
    const plan = checkVersion(found, body.version, 'Maintenance plan');
    const { version: _v, items, ...rest } = body;
    const patch = definedOnly(rest);
    let checklistVersion: number | null = null;
    if (items) {
      const [list] = await tx
        .select()
        .from(checklists)
        .where(eq(checklists.id, plan.checklistId))
        .for('update');
      if (!list) throw notFound('Checklist');
      checklistVersion = list.currentVersion + 1;
      const [v] = await tx
        .insert(checklistVersions)
        .values({ checklistId: list.id, number: checklistVersion, items, createdAt: now })
        .returning({ id: checklistVersions.id });
      if (!v) throw new Error('insert returned nothing');
      await tx
        .update(inspectionTasks)
        .set({ checklistVersionId: v.id })
        .where(and(eq(inspectionTasks.planId, id), unanswered));
      await tx
        .update(checklists)
        .set({ currentVersion: checklistVersion, updatedAt: now, version: list.version + 1 })
        .where(eq(checklists.id, list.id));
    }
    const [updated] = await tx
      .update(maintenancePlans)
      .set({ ...patch, updatedAt: now, version: plan.version + 1 })
      .where(and(eq(maintenancePlans.id, id)))
      .returning();
    // A new rhythm: the pending, unanswered tasks ahead are laid out again from today.
    if (
      patch.frequency ||
      patch.startDate ||
      patch.basis ||
      patch.skipHolidays !== undefined ||
      patch.active === false
    ) {
      // Only those still ahead: overdue ones stay on the board as they were.
      await tx
        .delete(inspectionTasks)
        .where(and(eq(inspectionTasks.planId, id), unanswered, gte(inspectionTasks.dueAt, now)));
      if (updated?.active) await generateTasks(tx, plan.projectId, now, [id]);
    }
    await recordEvent(tx, userActor(auth), now, {
      action: 'plan.updated',
      entityType: 'maintenance_plan',
      entityId: id,
      projectId: plan.projectId,
      before: { name: plan.name, frequency: plan.frequency, active: plan.active },
      after: { ...patch, ...(checklistVersion ? { checklistVersion } : {}) },
    });
    return updated ?? plan;
  });
}
