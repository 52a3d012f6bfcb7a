import type { EmergencyType, emergencyNotifyBody } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuthContext, assertCan } from '../../platform/auth/context';
import { conflict } from '../../platform/http/errors';
import { createIncidentInTx } from '../incidents/create-incident';
import type { IncidentKind } from '../incidents/schema';
import { drillMark } from './alerts';
import { publishEmergency } from './arm-timer';
import { emergencyInScope, stepsOf } from './load';
import type { Ctx } from './open-emergency';
import { isActive } from './rules/status';
import { emergencies } from './schema';
import { completeStep } from './step-actions';

const KIND: Partial<Record<EmergencyType, IncidentKind>> = {
  爆管: '停水',
  停电: '停电',
  电梯困人: '电梯停运',
};

/**
 * 通知受影响住户 through the outage notice flow that exists (modules/incidents): an emergency outage
 * incident for the building (or the whole project), linked back here, which proves the "notice" step.
 */
export async function notifyResidents(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof emergencyNotifyBody>,
) {
  assertCan(auth, 'incidents.write');
  const now = ctx.clock.now();
  const e = await ctx.database.db.transaction(async (tx) => {
    const e = await emergencyInScope(tx, auth, id, true);
    if (!isActive(e.status)) throw conflict('The emergency is over', { status: e.status });
    if (e.outageIncidentId)
      throw conflict('Residents were already notified', { incidentId: e.outageIncidentId });
    const incident = await createIncidentInTx(tx, ctx, auth, {
      projectId: e.projectId,
      kind: KIND[e.type] ?? '其他',
      emergency: true,
      planned: false,
      title: drillMark(e.drill, `${e.type}：${e.place}`),
      reason: e.type,
      buildingIds: e.buildingId ? [e.buildingId] : [],
      unitIds: [],
      categoryIds: [],
      startsAt: e.startedAt,
      expectedEndAt: body.expectedEndAt ? new Date(body.expectedEndAt) : null,
      residentText: drillMark(e.drill, body.residentText),
      agentScript: `应急事件 ${e.number}：${e.description}`,
    });
    await tx.update(emergencies).set({ outageIncidentId: incident.id }).where(eq(emergencies.id, e.id));
    const step = (await stepsOf(tx, e.id)).find((s) => s.proof === 'notice' && !s.doneAt);
    const linked = { ...e, outageIncidentId: incident.id };
    return step ? completeStep(tx, ctx, auth, linked, step, now, { incidentId: incident.id }) : linked;
  });
  await publishEmergency(ctx, e, []);
  return e;
}
