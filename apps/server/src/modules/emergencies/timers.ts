import { and, eq, sql } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { sendAlert } from './alerts';
import { armStepTimer, EMERGENCY_TIMER_JOB, publishEmergency } from './arm-timer';
import { projectZone, shiftsAround } from './roster';
import { escalationTargets } from './rules/duty';
import { isActive } from './rules/status';
import { emergencies, emergencySteps, emergencyTimers } from './schema';
import { ESCALATION_MAX, ESCALATION_REPEAT_MINUTES } from './settings';
import { runStormCheck } from './storm';

export const EMERGENCY_SWEEP_JOB = 'emergencies.sweep';
type TimerServices = Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>;

/**
 * Fire one timer, exactly once: the row is claimed by setting fired_at where it is null and due, so a
 * job run twice, a job racing the sweep or two nodes find nothing the second time. A step still open
 * escalates one rung (in-app, SMS, phone) and arms its next escalation until the cap.
 */
export async function runEmergencyTimer(services: TimerServices, timerId: string): Promise<number> {
  const now = services.clock.now();
  const outbox: BusMessage[] = [];
  const result = await services.database.db.transaction(async (tx) => {
    const [timer] = await tx
      .update(emergencyTimers)
      .set({ firedAt: now })
      .where(
        and(
          eq(emergencyTimers.id, timerId),
          sql`${emergencyTimers.firedAt} is null`,
          sql`${emergencyTimers.dueAt} <= ${now}`,
        ),
      )
      .returning();
    if (!timer) return null;
    const [e] = await tx
      .select()
      .from(emergencies)
      .where(eq(emergencies.id, timer.emergencyId))
      .for('update');
    if (!e || !isActive(e.status)) return null;
    if (timer.stepId === null) {
      await runStormCheck(tx, services, e, timer.level, now);
      return e;
    }
    const [step] = await tx.select().from(emergencySteps).where(eq(emergencySteps.id, timer.stepId));
    if (!step || step.doneAt) return null;
    const shifts = await shiftsAround(tx, e.projectId, now);
    const tz = await projectZone(tx, e.projectId);
    const target = escalationTargets(shifts, step, timer.level, now, tz);
    const sent = await sendAlert({ tx, now, outbox }, services, {
      emergency: e,
      stepId: step.id,
      stepTitle: step.title,
      level: timer.level,
      userIds: target.userIds,
    });
    await tx
      .update(emergencySteps)
      .set({ escalationLevel: timer.level, lastEscalatedAt: now })
      .where(eq(emergencySteps.id, step.id));
    await recordEvent(tx, { userId: null, companyId: e.companyId, source: 'job' }, now, {
      action: 'emergency.step_escalated',
      entityType: 'emergency',
      entityId: e.id,
      projectId: e.projectId,
      after: {
        step: step.title,
        level: timer.level,
        role: target.role,
        ...sent,
        dueAt: step.dueAt.toISOString(),
      },
    });
    const scope = { companyId: e.companyId, projectId: e.projectId };
    const max = await getSetting(tx, ESCALATION_MAX, scope);
    const repeat = await getSetting(tx, ESCALATION_REPEAT_MINUTES, scope);
    if (timer.level < max)
      await armStepTimer(
        tx,
        services,
        e.id,
        step.id,
        timer.level + 1,
        new Date(now.getTime() + repeat * 60_000),
      );
    return e;
  });
  if (result) await publishEmergency(services, result, outbox);
  return result ? 1 : 0;
}

/**
 * Minute sweep: timers past due and unfired with no job waiting to fire them (a node that was down, a
 * lost job) get one queued now. The same shape as the SLA sweep.
 */
export async function sweepEmergencies(services: TimerServices, limit = 2_000): Promise<number> {
  const now = services.clock.now();
  const queued = await services.database.query<{ id: number }>(
    `insert into jobs (name, payload, run_at, max_attempts)
     select $1, jsonb_build_object('timerId', t.id), $2, 3
       from emergency_timers t
      where t.fired_at is null and t.due_at <= $2
        and not exists (select 1 from jobs j
                         where j.name = $1 and j.state in ('pending', 'running') and j.run_at <= $2
                           and j.payload->>'timerId' = t.id)
      order by t.due_at
      limit $3
     returning id`,
    [EMERGENCY_TIMER_JOB, now, limit],
  );
  return queued.length;
}
