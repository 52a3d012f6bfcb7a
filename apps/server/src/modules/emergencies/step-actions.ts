import type { StepProof } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import { badRequest, conflict, notFound } from '../../platform/http/errors';
import { buildings } from '../org/schema';
import { armStepTimer, disarmStep, publishEmergency } from './arm-timer';
import { emergencyInScope, stepsOf } from './load';
import type { Ctx } from './open-emergency';
import { checkinProblem } from './rules/checkin';
import { stepDeadlines } from './rules/deadlines';
import { isActive, statusAfterStep } from './rules/status';
import { type EmergencyRow, type EmergencyStepRow, emergencies, emergencySteps } from './schema';

/**
 * Mark a step done (inside the caller's transaction): stamp who and when, spend its timers, move the
 * deadlines of the steps chained to it, and let the status follow (an acknowledged first step confirms,
 * a check-in is arrival). Returns the updated emergency.
 */
export async function completeStep(
  tx: DbOrTx,
  ctx: Pick<Ctx, 'queue'>,
  auth: AuthContext,
  e: EmergencyRow,
  step: EmergencyStepRow,
  now: Date,
  detail: Record<string, unknown> = {},
): Promise<EmergencyRow> {
  if (step.doneAt) throw conflict('This step is already done', { doneAt: step.doneAt.toISOString() });
  await tx
    .update(emergencySteps)
    .set({ doneAt: now, doneById: auth.userId })
    .where(eq(emergencySteps.id, step.id));
  await disarmStep(tx, step.id, now);
  const steps = (await stepsOf(tx, e.id)).map((s) => (s.id === step.id ? { ...s, doneAt: now } : s));
  const dues = stepDeadlines(e.startedAt, steps);
  for (const [i, s] of steps.entries()) {
    const due = dues[i]!;
    if (s.doneAt || s.escalationLevel > 0 || due.getTime() === s.dueAt.getTime()) continue;
    await tx.update(emergencySteps).set({ dueAt: due }).where(eq(emergencySteps.id, s.id));
    await armStepTimer(tx, ctx, e.id, s.id, 1, due);
  }
  const status = statusAfterStep(e.status, step.proof);
  const patch = {
    status,
    ...(status === '已确认' && !e.confirmedAt ? { confirmedAt: now } : {}),
    ...(status === '已到场' && !e.onSiteAt ? { onSiteAt: now, confirmedAt: e.confirmedAt ?? now } : {}),
    updatedAt: now,
    version: e.version + 1,
  };
  const [saved] = await tx.update(emergencies).set(patch).where(eq(emergencies.id, e.id)).returning();
  await recordEvent(tx, userActor(auth), now, {
    action: 'emergency.step_done',
    entityType: 'emergency',
    entityId: e.id,
    projectId: e.projectId,
    before: status !== e.status ? { status: e.status } : undefined,
    after: {
      step: step.title,
      proof: step.proof,
      dueAt: step.dueAt.toISOString(),
      late: now > step.dueAt,
      ...(status !== e.status ? { status } : {}),
      ...detail,
    },
  });
  return saved ?? e;
}

async function openStep(tx: DbOrTx, auth: AuthContext, id: number, stepId: number, proof: StepProof) {
  const e = await emergencyInScope(tx, auth, id, true);
  if (!isActive(e.status)) throw conflict('The emergency is over', { status: e.status });
  const [step] = await tx.select().from(emergencySteps).where(eq(emergencySteps.id, stepId));
  if (!step || step.emergencyId !== e.id) throw notFound('Step');
  if (step.proof !== proof) throw conflict('This step is proved another way', { proof: step.proof });
  return { e, step };
}

/** 确认: the person on duty acknowledges a step whose proof is an acknowledgement. */
export async function ackStep(ctx: Ctx, auth: AuthContext, id: number, stepId: number) {
  const now = ctx.clock.now();
  const e = await ctx.database.db.transaction(async (tx) => {
    const { e, step } = await openStep(tx, auth, id, stepId, 'ack');
    return completeStep(tx, ctx, auth, e, step, now);
  });
  await publishEmergency(ctx, e, []);
  return e;
}

/** 到场签到: the building's QR label typed or scanned, or a GPS fix where the phone has one. */
export async function checkinStep(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  stepId: number,
  body: { code?: string | undefined; lat?: number | undefined; lng?: number | undefined },
) {
  const now = ctx.clock.now();
  const e = await ctx.database.db.transaction(async (tx) => {
    const { e, step } = await openStep(tx, auth, id, stepId, 'checkin');
    if (body.code) {
      const [b] = e.buildingId
        ? await tx.select({ code: buildings.code }).from(buildings).where(eq(buildings.id, e.buildingId))
        : [];
      const problem = checkinProblem(body.code, { projectId: e.projectId, buildingCode: b?.code ?? null });
      if (problem) throw badRequest('The scanned label is not of this place', { code: problem });
      return completeStep(tx, ctx, auth, e, step, now, { by: 'qr' });
    }
    if (body.lat === undefined || body.lng === undefined)
      throw badRequest('Scan the building label or send a GPS position', { code: 'required' });
    return completeStep(tx, ctx, auth, e, step, now, { by: 'gps', lat: body.lat, lng: body.lng });
  });
  await publishEmergency(ctx, e, []);
  return e;
}
