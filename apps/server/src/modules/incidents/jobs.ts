import { and, eq, isNull } from 'drizzle-orm';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { onDeliverySent, type SentListener } from '../delivery/listeners';
import { registerPlannedJobs } from './planned-outage';
import { incidents } from './schema';

export const INCIDENT_NOTIFY_CHECK_JOB = 'incident.notify-check';

/**
 * Q60 bookkeeping: the first delivery of an incident stamps created → first-delivery time and the
 * breach flag; the check job at created + target flags an incident whose residents heard nothing.
 */
let listening = false;

export function registerIncidentJobs(services: Pick<Services, 'database' | 'queue' | 'clock'>): void {
  // The listener only uses the transaction it is given: once per process, however many servers start.
  if (!listening) {
    listening = true;
    onDeliverySent('incident', recordFirstDelivery);
  }
  registerNotifyCheck(services);
  registerPlannedJobs(services);
}

const recordFirstDelivery: SentListener = async (tx, d, now) => {
  const [i] = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, d.sourceId), isNull(incidents.firstDeliveryAt)))
    .for('update');
  if (!i) return;
  const late =
    i.notifyTargetMinutes !== null && now.getTime() - i.createdAt.getTime() > i.notifyTargetMinutes * 60_000;
  await tx
    .update(incidents)
    .set({ firstDeliveryAt: now, notifyBreached: i.notifyBreached || late })
    .where(eq(incidents.id, i.id));
  await recordEvent(tx, { userId: null, companyId: i.companyId, source: 'job' }, now, {
    action: 'incident.first_delivery',
    entityType: 'incident',
    entityId: i.id,
    projectId: i.projectId,
    after: { minutes: (now.getTime() - i.createdAt.getTime()) / 60_000, breached: late },
  });
};

function registerNotifyCheck(services: Pick<Services, 'database' | 'queue'>): void {
  services.queue.register<{ incidentId: number }>(INCIDENT_NOTIFY_CHECK_JOB, async ({ payload, now }) => {
    return services.database.db.transaction(async (tx) => {
      const [i] = await tx
        .update(incidents)
        .set({ notifyBreached: true })
        .where(
          and(
            eq(incidents.id, payload.incidentId),
            isNull(incidents.firstDeliveryAt),
            eq(incidents.notifyBreached, false),
          ),
        )
        .returning();
      if (!i) return { breached: false };
      await recordEvent(tx, { userId: null, companyId: i.companyId, source: 'job' }, now, {
        action: 'incident.notify_breached',
        entityType: 'incident',
        entityId: i.id,
        projectId: i.projectId,
        after: { targetMinutes: i.notifyTargetMinutes },
      });
      return { breached: true };
    });
  });
}
