import { eq } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { projects } from '../org/schema';
import { announceSent } from './listeners';
import { providerFor } from './providers/select';
import { DELIVERY_JOB } from './queue-deliveries';
import { quietHoursRelease } from './rules/quiet-hours';
import { deliveries } from './schema';
import { DELIVERY_PROVIDERS, QUIET_HOURS } from './settings';

export type SendOutcome = 'sent' | 'deferred' | 'failed' | 'skipped';

/**
 * One attempt at one delivery (the `delivery.send` job). Non-urgent messages inside quiet hours are
 * parked until the window opens (Q07). A provider error is stored and rethrown so the queue retries
 * with backoff; the last allowed attempt marks the row failed instead.
 */
export async function sendDelivery(
  services: Pick<Services, 'database' | 'clock' | 'queue'>,
  deliveryId: number,
): Promise<SendOutcome> {
  const { db } = services.database;
  const [d] = await db.select().from(deliveries).where(eq(deliveries.id, deliveryId));
  if (!d || (d.status !== 'pending' && d.status !== 'deferred')) return 'skipped';
  const now = services.clock.now();
  const scope = { companyId: d.companyId, projectId: d.projectId };
  if (!d.urgent) {
    const [window, [project]] = await Promise.all([
      getSetting(db, QUIET_HOURS, scope),
      db.select({ timezone: projects.timezone }).from(projects).where(eq(projects.id, d.projectId)),
    ]);
    const release = quietHoursRelease(now, project?.timezone ?? 'Asia/Shanghai', window, false);
    if (release) {
      await db.transaction(async (tx) => {
        await tx
          .update(deliveries)
          .set({ status: 'deferred', notBefore: release, updatedAt: now, version: d.version + 1 })
          .where(eq(deliveries.id, d.id));
        await services.queue.enqueue(
          DELIVERY_JOB,
          { deliveryId: d.id },
          {
            tx,
            runAt: release,
            maxAttempts: d.maxAttempts,
            dedupeKey: `delivery:${d.id}:${release.toISOString()}`,
          },
        );
      });
      return 'deferred';
    }
  }
  const attempts = d.attempts + 1;
  let providerName: string | null = null;
  try {
    const settings = await getSetting(db, DELIVERY_PROVIDERS, scope);
    const { provider, templateId } = providerFor(d.channel, settings, () => services.clock.now());
    providerName = provider.name;
    const { messageId } = await provider.send({
      deliveryId: d.id,
      channel: d.channel,
      recipient: d.recipient,
      subject: d.subject,
      body: d.body,
      templateId,
    });
    await db.transaction(async (tx) => {
      const [row] = await tx
        .update(deliveries)
        .set({
          status: 'sent',
          attempts,
          provider: provider.name,
          providerMessageId: messageId,
          lastError: null,
          sentAt: now,
          updatedAt: now,
          version: d.version + 1,
        })
        .where(eq(deliveries.id, d.id))
        .returning();
      if (row) await announceSent(tx, row, now);
    });
    return 'sent';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = attempts >= d.maxAttempts;
    await db
      .update(deliveries)
      .set({
        status: final ? 'failed' : 'pending',
        attempts,
        provider: providerName,
        lastError: message.slice(0, 1000),
        updatedAt: now,
        version: d.version + 1,
      })
      .where(eq(deliveries.id, d.id));
    if (!final) throw error;
    return 'failed';
  }
}

export function registerDeliveryJobs(services: Pick<Services, 'database' | 'clock' | 'queue'>): void {
  services.queue.register<{ deliveryId: number }>(DELIVERY_JOB, async ({ payload }) => ({
    outcome: await sendDelivery(services, payload.deliveryId),
  }));
}
