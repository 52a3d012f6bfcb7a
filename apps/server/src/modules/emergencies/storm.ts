import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { armTimer } from './arm-timer';
import { emergencyInScope } from './load';
import { projectZone, shiftsAround } from './roster';
import { onDutyAt } from './rules/duty';
import { type EmergencyRow, stormTasks } from './schema';
import { STORM_CHECK_MINUTES } from './settings';

/** Q68: what is checked every hour while the storm lasts. */
export const STORM_CHECKS = ['地下室出入口排水检查', '天面雨排排水检查', '配电房防水检查'] as const;
const isStorm = (type: string) => type === '暴雨' || type === '台风';

/** An active 暴雨/台风 incident gets its first round of checks at the start, then one per interval. */
export async function scheduleStorm(
  tx: DbOrTx,
  services: Pick<Services, 'queue'>,
  e: EmergencyRow,
  startedAt: Date,
): Promise<void> {
  if (!isStorm(e.type)) return;
  await armTimer(tx, services, {
    id: `em:${e.id}:storm:1`,
    emergencyId: e.id,
    stepId: null,
    level: 1,
    dueAt: startedAt,
  });
}

/** One round: a task per check for the on-duty team leader (else the emergency team), and the next round. */
export async function runStormCheck(
  tx: DbOrTx,
  services: Pick<Services, 'queue'>,
  e: EmergencyRow,
  round: number,
  now: Date,
): Promise<void> {
  const shifts = await shiftsAround(tx, e.projectId, now);
  const tz = await projectZone(tx, e.projectId);
  const every = await getSetting(tx, STORM_CHECK_MINUTES, { companyId: e.companyId, projectId: e.projectId });
  const people = [
    ...onDutyAt(shifts, 'team_leader', now, tz),
    ...onDutyAt(shifts, 'emergency_team', now, tz),
  ];
  const dueAt = new Date(now.getTime() + every * 60_000);
  await tx.insert(stormTasks).values(
    STORM_CHECKS.map((title, i) => ({
      emergencyId: e.id,
      projectId: e.projectId,
      title: e.drill ? `【演习】${title}` : title,
      dueAt,
      assigneeId: people.length ? people[i % people.length]! : null,
    })),
  );
  await recordEvent(tx, { userId: null, companyId: e.companyId, source: 'job' }, now, {
    action: 'emergency.storm_checks',
    entityType: 'emergency',
    entityId: e.id,
    projectId: e.projectId,
    after: { round, tasks: STORM_CHECKS.length, dueAt: dueAt.toISOString() },
  });
  await armTimer(tx, services, {
    id: `em:${e.id}:storm:${round + 1}`,
    emergencyId: e.id,
    stepId: null,
    level: round + 1,
    dueAt,
  });
}

/** A storm check ticked off by whoever did it. */
export async function finishStormCheck(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  id: number,
  taskId: number,
): Promise<void> {
  const at = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const e = await emergencyInScope(tx, auth, id, true);
    const [task] = await tx
      .update(stormTasks)
      .set({ doneAt: at, doneById: auth.userId })
      .where(and(eq(stormTasks.id, taskId), eq(stormTasks.emergencyId, e.id)))
      .returning();
    if (!task) throw notFound('Storm check');
    await recordEvent(tx, userActor(auth), at, {
      action: 'emergency.storm_check_done',
      entityType: 'emergency',
      entityId: e.id,
      projectId: e.projectId,
      after: { title: task.title },
    });
  });
}
