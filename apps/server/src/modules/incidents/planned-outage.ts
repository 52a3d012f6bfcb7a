import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { jobs } from '../../platform/jobs/schema';
import { getSetting } from '../../platform/settings/get-setting';
import { type IncidentMessageKind, queueIncidentNotice } from './notify';
import { type PlannedSchedule, plannedSchedule } from './rules/planned';
import { type IncidentRow, incidents } from './schema';
import { PLANNED_ANNOUNCE_HOURS, PLANNED_REMINDER_HOURS } from './settings';

export const PLANNED_ANNOUNCE_JOB = 'incident.planned-announce';
export const PLANNED_REMINDER_JOB = 'incident.planned-reminder';

const announceKey = (id: number) => `incident-announce:${id}`;
const reminderKey = (id: number, lead: number) => `incident-remind:${id}:${lead}`;

/**
 * 计划停水: the announcement goes out the project's lead time before the start (at once when that
 * has passed) and a reminder at each reminder lead time, all through the job queue so a cancelled
 * outage can take them back.
 */
export async function schedulePlanned(
  tx: DbOrTx,
  ctx: Pick<Services, 'queue' | 'clock'>,
  i: IncidentRow,
): Promise<PlannedSchedule> {
  const now = ctx.clock.now();
  const scope = { companyId: i.companyId, projectId: i.projectId };
  const announceHours = await getSetting(tx, PLANNED_ANNOUNCE_HOURS, scope);
  const reminderHours = await getSetting(tx, PLANNED_REMINDER_HOURS, scope);
  const schedule = plannedSchedule(now, i.startsAt, announceHours, reminderHours);
  if (schedule.announceAt.getTime() <= now.getTime()) await queueIncidentNotice(tx, ctx, i, 'announce');
  else
    await ctx.queue.enqueue(
      PLANNED_ANNOUNCE_JOB,
      { incidentId: i.id },
      { tx, runAt: schedule.announceAt, dedupeKey: announceKey(i.id) },
    );
  for (const r of schedule.reminders)
    await ctx.queue.enqueue(
      PLANNED_REMINDER_JOB,
      { incidentId: i.id, leadHours: r.leadHours },
      { tx, runAt: r.at, dedupeKey: reminderKey(i.id, r.leadHours) },
    );
  return schedule;
}

/** Announcement and reminders not run yet are closed as cancelled (kept for the record). */
export async function cancelPlannedJobs(tx: DbOrTx, incidentId: number, now: Date): Promise<number> {
  const rows = await tx
    .update(jobs)
    .set({ state: 'done', result: { cancelled: true }, finishedAt: now })
    .where(
      and(
        eq(jobs.state, 'pending'),
        inArray(jobs.name, [PLANNED_ANNOUNCE_JOB, PLANNED_REMINDER_JOB]),
        or(
          eq(jobs.dedupeKey, announceKey(incidentId)),
          like(jobs.dedupeKey, `incident-remind:${incidentId}:%`),
        ),
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

export function registerPlannedJobs(services: Pick<Services, 'database' | 'queue' | 'clock'>): void {
  const run = (kind: IncidentMessageKind) => async (p: { payload: { incidentId: number }; now: Date }) =>
    services.database.db.transaction(async (tx) => {
      const [i] = await tx
        .select()
        .from(incidents)
        .where(eq(incidents.id, p.payload.incidentId))
        .for('update');
      // Cancelled or already restored: nothing to tell (a job claimed just before the cancel lands here).
      if (i?.status !== '进行中') return { skipped: true };
      const sent = await queueIncidentNotice(tx, services, i, kind);
      if (kind === 'announce')
        await tx
          .update(incidents)
          .set({ announcedAt: p.now, recipientCount: sent })
          .where(eq(incidents.id, i.id));
      await recordEvent(tx, { userId: null, companyId: i.companyId, source: 'job' }, p.now, {
        action: kind === 'announce' ? 'incident.announced' : 'incident.reminded',
        entityType: 'incident',
        entityId: i.id,
        projectId: i.projectId,
        after: { recipients: sent },
      });
      return { sent };
    });
  services.queue.register<{ incidentId: number }>(PLANNED_ANNOUNCE_JOB, run('announce'));
  services.queue.register<{ incidentId: number; leadHours: number }>(PLANNED_REMINDER_JOB, run('reminder'));
}
