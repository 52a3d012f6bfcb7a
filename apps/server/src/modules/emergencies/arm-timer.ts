import { and, eq, sql } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { type EmergencyRow, emergencyTimers } from './schema';

export const EMERGENCY_TIMER_JOB = 'emergencies.timer';

export const stepTimerId = (emergencyId: number, stepId: number, level: number) =>
  `em:${emergencyId}:s${stepId}:e${level}`;

/**
 * Arm (or move) a timer row with its fixed id and queue the job for its moment. Moving an unfired
 * timer queues a job under a new key; the stale job finds the row not yet due and does nothing.
 */
export async function armTimer(
  tx: DbOrTx,
  services: Pick<Services, 'queue'>,
  timer: { id: string; emergencyId: number; stepId: number | null; level: number; dueAt: Date },
): Promise<void> {
  await tx
    .insert(emergencyTimers)
    .values(timer)
    .onConflictDoUpdate({
      target: emergencyTimers.id,
      set: { dueAt: timer.dueAt },
      setWhere: sql`${emergencyTimers.firedAt} is null`,
    });
  await services.queue.enqueue(
    EMERGENCY_TIMER_JOB,
    { timerId: timer.id },
    { tx, runAt: timer.dueAt, dedupeKey: `${timer.id}@${timer.dueAt.getTime()}`, maxAttempts: 3 },
  );
}

export const armStepTimer = (
  tx: DbOrTx,
  services: Pick<Services, 'queue'>,
  emergencyId: number,
  stepId: number,
  level: number,
  dueAt: Date,
) =>
  armTimer(tx, services, { id: stepTimerId(emergencyId, stepId, level), emergencyId, stepId, level, dueAt });

/** A done step's unfired timers are spent: no escalation may follow an acknowledgement. */
export async function disarmStep(tx: DbOrTx, stepId: number, now: Date): Promise<void> {
  await tx
    .delete(emergencyTimers)
    .where(
      and(
        eq(emergencyTimers.stepId, stepId),
        sql`${emergencyTimers.firedAt} is null`,
        sql`${emergencyTimers.dueAt} > ${now}`,
      ),
    );
}

export async function publishEmergency(
  services: Pick<Services, 'bus'>,
  e: Pick<EmergencyRow, 'id' | 'companyId' | 'projectId' | 'status'>,
  outbox: BusMessage[],
): Promise<void> {
  for (const m of outbox) await services.bus.publish(m);
  await services.bus.publish({
    type: 'emergency.changed',
    companyId: e.companyId,
    projectId: e.projectId,
    entityType: 'emergency',
    entityId: e.id,
    data: { status: e.status },
  });
}
