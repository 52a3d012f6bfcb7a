import type { EquipmentSystem } from '@guanjia/shared';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { projectInfo } from './equipment-queries';
import { generateTasks } from './generate-tasks';
import { dayIn } from './rules/dates';
import { insertPlan } from './save-plan';
import { PLAN_TEMPLATES } from './templates';

/**
 * 按系统生成计划: every §3.8 template of the chosen systems becomes a plan of the project (a template
 * already used there is skipped), then the tasks of the horizon are generated.
 */
export async function plansFromTemplates(
  tx: DbOrTx,
  companyId: number,
  projectId: number,
  systems: readonly EquipmentSystem[],
  startDate: string,
  now: Date,
) {
  let created = 0;
  let skipped = 0;
  const ids: number[] = [];
  for (const t of PLAN_TEMPLATES.filter((p) => systems.includes(p.system))) {
    const plan = await insertPlan(
      tx,
      companyId,
      {
        projectId,
        name: t.name,
        system: t.system,
        target: t.equipmentType ? 'type' : 'system',
        equipmentType: t.equipmentType ?? null,
        frequency: t.freq,
        basis: t.basis ?? 'due',
        // Daily safety rounds (电梯运行, 配电抄表, 消防值守) run on holidays like any other day.
        skipHolidays: false,
        startDate,
        items: t.items,
        templateKey: t.key,
      },
      now,
    );
    if (plan) {
      created++;
      ids.push(plan.id);
    } else skipped++;
  }
  return { created, skipped, ids };
}

export async function generatePlansForSystems(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  body: { projectId: number; systems: EquipmentSystem[]; startDate?: string },
) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const project = await projectInfo(tx, body.projectId);
    const start = body.startDate ?? dayIn(now, project.timezone);
    const result = await plansFromTemplates(tx, auth.companyId, body.projectId, body.systems, start, now);
    const tasks = result.ids.length ? await generateTasks(tx, body.projectId, now, result.ids) : 0;
    await recordEvent(tx, userActor(auth), now, {
      action: 'plan.generated',
      entityType: 'project',
      entityId: body.projectId,
      projectId: body.projectId,
      after: { systems: body.systems, created: result.created, skipped: result.skipped, tasks },
    });
    return { created: result.created, skipped: result.skipped, tasks };
  });
}
