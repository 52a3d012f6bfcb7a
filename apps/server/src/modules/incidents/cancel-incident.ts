import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { cancelPendingDeliveries, queueDeliveries } from '../delivery/queue-deliveries';
import { incidentAudience } from './notify';
import { cancelPlannedJobs } from './planned-outage';
import { incidentInScope } from './queries';
import { incidents } from './schema';

/**
 * Call off a planned outage before it starts: announcement and reminders not sent yet are taken
 * back; residents already told hear that it is off.
 */
export async function cancelIncident(
  ctx: Pick<Services, 'database' | 'clock' | 'queue'>,
  auth: AuthContext,
  id: number,
  version: number,
  reason?: string | null,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const i = checkVersion(await incidentInScope(tx, auth, id, true), version, 'Incident');
    if (!i.planned)
      throw conflict('Only a planned outage can be cancelled; an outage is restored', { planned: false });
    if (i.status !== '进行中') throw conflict('The outage is no longer ongoing', { status: i.status });
    if (i.startsAt.getTime() <= now.getTime())
      throw conflict('The outage has started: restore it instead', { startsAt: i.startsAt.toISOString() });
    const [row] = await tx
      .update(incidents)
      .set({
        status: '已取消',
        cancelledAt: now,
        resolutionNote: reason ?? null,
        version: i.version + 1,
        updatedAt: now,
      })
      .where(eq(incidents.id, i.id))
      .returning();
    if (!row) throw new Error('incident vanished inside its transaction');
    const jobsCancelled = await cancelPlannedJobs(tx, i.id, now);
    const deliveriesCancelled = await cancelPendingDeliveries(tx, 'incident', i.id, now);
    const told = i.announcedAt !== null && i.announcedAt.getTime() <= now.getTime();
    const notified = told
      ? await queueDeliveries(
          tx,
          ctx,
          {
            companyId: i.companyId,
            projectId: i.projectId,
            sourceType: 'incident_resolved',
            sourceId: i.id,
            urgent: false,
            subject: `【计划${i.kind}取消】${i.title}`,
          },
          await incidentAudience(tx, i),
          (r) => `尊敬的${r.name || '住户'}:原定的${i.title}已取消,供应照常。${reason ?? ''}`.trim(),
        )
      : 0;
    await recordEvent(tx, userActor(auth), now, {
      action: 'incident.cancelled',
      entityType: 'incident',
      entityId: i.id,
      projectId: i.projectId,
      before: { status: i.status },
      after: { status: row.status, reason: reason ?? null, jobsCancelled, deliveriesCancelled, notified },
    });
    return { incident: row, notified };
  });
}
