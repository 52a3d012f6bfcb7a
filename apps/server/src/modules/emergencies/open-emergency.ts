import { type EmergencyInput, uploadUrl } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { BusMessage } from '../../platform/bus/bus';
import { zonedParts } from '../../platform/clock/zoned';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { notices } from '../notices/schema';
import { DRILL_NOTICE_DAYS } from '../notices/settings';
import { assertSendable } from '../notices/validate';
import { buildings } from '../org/schema';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { drillMark, sendAlert } from './alerts';
import { armStepTimer, publishEmergency } from './arm-timer';
import { planFor } from './plans';
import { projectZone, shiftsAround } from './roster';
import { stepDeadlines } from './rules/deadlines';
import { onDutyAt } from './rules/duty';
import { emergencies, emergencySteps } from './schema';
import { scheduleStorm } from './storm';

export type Ctx = Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>;
const DAY = 86_400_000;

/**
 * Open an emergency: copy the project's plan for its type × level onto it (later plan edits never reach
 * it), fix every step's deadline, arm one timer per step, and alert the people on duty for each role the
 * plan names — all in one transaction. A drill starts at its announced time, after its 【演习】 notice,
 * which must go out Q65 days ahead (the notices rule).
 */
export async function openEmergency(ctx: Ctx, auth: AuthContext, input: EmergencyInput) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  if (input.drill && !input.drillStartsAt)
    throw badRequest('A drill needs its start time', { drillStartsAt: 'required for a drill' });
  const startedAt = input.drill && input.drillStartsAt ? new Date(input.drillStartsAt) : now;
  const outbox: BusMessage[] = [];
  const row = await ctx.database.db.transaction(async (tx) => {
    if (input.buildingId) {
      const [b] = await tx
        .select({ id: buildings.id })
        .from(buildings)
        .where(and(eq(buildings.id, input.buildingId), eq(buildings.projectId, input.projectId)));
      if (!b) throw badRequest('The building is not of this project', { buildingId: 'not of this project' });
    }
    await attachUploads(
      tx,
      staffReader(auth),
      input.projectId,
      [...input.photoUploadIds, ...(input.voiceUploadId ? [input.voiceUploadId] : [])].map(uploadUrl),
    );
    const plan = await planFor(tx, auth.companyId, input.projectId, input.type, input.level);
    const [e] = await tx
      .insert(emergencies)
      .values({
        companyId: auth.companyId,
        projectId: input.projectId,
        number: `tmp-${now.getTime()}-${Math.random()}`,
        type: input.type,
        level: input.level,
        drill: input.drill,
        drillStartsAt: input.drill ? startedAt : null,
        place: input.place,
        buildingId: input.buildingId ?? null,
        description: input.description,
        photoUploadIds: input.photoUploadIds,
        voiceUploadId: input.voiceUploadId ?? null,
        planName: plan.name,
        planVersion: plan.version,
        reportedById: auth.userId,
        startedAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!e) throw new Error('emergency insert returned nothing');
    const tz = await projectZone(tx, e.projectId);
    const p = zonedParts(startedAt, tz);
    const number = `${input.drill ? 'YL' : 'YJ'}${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}-${e.id}`;
    await tx.update(emergencies).set({ number }).where(eq(emergencies.id, e.id));
    e.number = number;
    const dues = stepDeadlines(
      startedAt,
      plan.steps.map((s) => ({ ...s, doneAt: null })),
    );
    const steps = await tx
      .insert(emergencySteps)
      .values(
        plan.steps.map((s, i) => ({
          emergencyId: e.id,
          projectId: e.projectId,
          seq: i + 1,
          key: s.key,
          title: s.title,
          role: s.role,
          proof: s.proof,
          escalateTo: s.escalateTo,
          afterStartMinutes: s.afterStartMinutes,
          afterPreviousMinutes: s.afterPreviousMinutes,
          dueAt: dues[i]!,
        })),
      )
      .returning();
    for (const s of steps) await armStepTimer(tx, ctx, e.id, s.id, 1, s.dueAt);
    if (input.drill) e.drillNoticeId = await drillNotice(tx, auth, e, now);
    // Each role the plan names hears it once, at its first step (the team leader within Q62's minute).
    if (!input.drill) {
      const shifts = await shiftsAround(tx, e.projectId, now);
      const firsts = steps.filter((s, i) => steps.findIndex((x) => x.role === s.role) === i);
      for (const s of firsts)
        await sendAlert({ tx, now, outbox }, ctx, {
          emergency: e,
          stepId: s.id,
          stepTitle: s.title,
          level: 0,
          userIds: onDutyAt(shifts, s.role, now, tz),
        });
    }
    await scheduleStorm(tx, ctx, e, startedAt);
    await recordEvent(tx, userActor(auth), now, {
      action: 'emergency.reported',
      entityType: 'emergency',
      entityId: e.id,
      projectId: e.projectId,
      after: {
        number,
        type: e.type,
        level: e.level,
        place: e.place,
        drill: e.drill,
        plan: plan.name,
        planVersion: plan.version,
        steps: steps.length,
      },
    });
    return e;
  });
  await publishEmergency(ctx, row, outbox);
  return row;
}

/** The drill's residents' notice (消防演练, checked by the notices rule: Q65 days ahead), as a draft to review. */
async function drillNotice(
  tx: Parameters<typeof assertSendable>[0],
  auth: AuthContext,
  e: typeof emergencies.$inferSelect,
  now: Date,
): Promise<number> {
  const days = await getSetting(tx, DRILL_NOTICE_DAYS, { companyId: e.companyId, projectId: e.projectId });
  const [n] = await tx
    .insert(notices)
    .values({
      companyId: e.companyId,
      projectId: e.projectId,
      type: '消防演练',
      title: drillMark(true, `${e.type}应急演习通知`),
      body: drillMark(
        true,
        `尊敬的{{resident.name}}：本小区将于演习时间在${e.place}进行${e.type}应急演习，届时请勿惊慌，配合工作人员指引。`,
      ),
      audience: e.buildingId ? { buildingIds: [e.buildingId] } : {},
      location: e.place,
      eventStartsAt: e.startedAt,
      eventEndsAt: new Date(e.startedAt.getTime() + 2 * 3_600_000),
      expiresAt: new Date(e.startedAt.getTime() + DAY),
      createdById: auth.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!n) throw new Error('notice insert returned nothing');
  if (e.startedAt.getTime() - now.getTime() < days * DAY)
    throw badRequest('A drill must be announced further ahead (Q65)', {
      drillStartsAt: `at least ${days} days ahead (Q65)`,
    });
  await assertSendable(tx, n, now);
  await tx.update(emergencies).set({ drillNoticeId: n.id }).where(eq(emergencies.id, e.id));
  await recordEvent(tx, userActor(auth), now, {
    action: 'notice.created',
    entityType: 'notice',
    entityId: n.id,
    projectId: n.projectId,
    after: { type: n.type, title: n.title, urgent: n.urgent, emergencyId: e.id },
  });
  return n.id;
}
