import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import { retryDelayMs } from '../../platform/jobs/rules/cron';
import { getSetting } from '../../platform/settings/get-setting';
import { projects } from '../org/schema';
import { announceSent } from './listeners';
import { providerFor } from './providers/select';
import { DELIVERY_JOB } from './queue-deliveries';
import { quietHoursRelease } from './rules/quiet-hours';
import { type DeliveryRow, deliveries, deliveryWebhooks } from './schema';
import { DELIVERY_PROVIDERS, type ProviderSettings, QUIET_HOURS, SEND_CONCURRENCY } from './settings';

export type SendOutcome = 'sent' | 'deferred' | 'failed' | 'retrying' | 'skipped';
type SendServices = Pick<Services, 'database' | 'clock' | 'queue'>;

/** The `delivery.send` job: a batch of deliveries (older jobs carry a single id). */
export interface SendPayload {
  deliveryIds?: number[];
  deliveryId?: number;
}

interface ProjectSendContext {
  timezone: string;
  window: { start: string; end: string };
  providers: ProviderSettings;
  webhook: { url: string | null; secret: string | null } | null;
}

interface Sent {
  row: DeliveryRow;
  provider: string;
  messageId: string;
}
interface Failed {
  row: DeliveryRow;
  provider: string | null;
  error: string;
}

/** The settings a batch needs, read once per project instead of once per message. */
async function projectContext(services: SendServices, row: DeliveryRow): Promise<ProjectSendContext> {
  const { db } = services.database;
  const scope = { companyId: row.companyId, projectId: row.projectId };
  const [window, providers, [project], [webhook]] = await Promise.all([
    getSetting(db, QUIET_HOURS, scope),
    getSetting(db, DELIVERY_PROVIDERS, scope),
    db.select({ timezone: projects.timezone }).from(projects).where(eq(projects.id, row.projectId)),
    db.select().from(deliveryWebhooks).where(eq(deliveryWebhooks.projectId, row.projectId)),
  ]);
  return { timezone: project?.timezone ?? 'Asia/Shanghai', window, providers, webhook: webhook ?? null };
}

/** Run `work` over `items`, at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * One attempt at each delivery of a batch. Non-urgent messages inside quiet hours are parked until
 * the window opens (Q07). Each row keeps its own attempts and error: a provider error is stored and
 * that row alone is retried with the queue's backoff by a one-row job; its last allowed attempt marks
 * it failed instead. Sent rows are stored with one UPDATE.
 */
export async function sendDeliveries(
  services: SendServices,
  deliveryIds: number[],
): Promise<Record<SendOutcome, number>> {
  const outcome: Record<SendOutcome, number> = { sent: 0, deferred: 0, failed: 0, retrying: 0, skipped: 0 };
  if (!deliveryIds.length) return outcome;
  const { db } = services.database;
  const rows = await db
    .select()
    .from(deliveries)
    .where(and(inArray(deliveries.id, deliveryIds), inArray(deliveries.status, ['pending', 'deferred'])))
    .orderBy(deliveries.id);
  outcome.skipped = deliveryIds.length - rows.length;
  const now = services.clock.now();
  const contexts = new Map<number, Promise<ProjectSendContext>>();
  const contextOf = (row: DeliveryRow) => {
    let c = contexts.get(row.projectId);
    if (!c) {
      c = projectContext(services, row);
      contexts.set(row.projectId, c);
    }
    return c;
  };

  const parked = new Map<number, number[]>();
  const toSend: DeliveryRow[] = [];
  for (const row of rows) {
    const ctx = await contextOf(row);
    const release = quietHoursRelease(now, ctx.timezone, ctx.window, row.urgent);
    if (release) parked.set(release.getTime(), [...(parked.get(release.getTime()) ?? []), row.id]);
    else toSend.push(row);
  }
  for (const [at, ids] of parked) outcome.deferred += await park(services, ids, new Date(at));

  const sent: Sent[] = [];
  const failed: Failed[] = [];
  await pool(toSend, SEND_CONCURRENCY, async (row) => {
    let providerName: string | null = null;
    try {
      const ctx = await contextOf(row);
      const { provider, templateId } = providerFor(
        row.channel,
        ctx.providers,
        () => services.clock.now(),
        ctx.webhook,
      );
      providerName = provider.name;
      const { messageId } = await provider.send({
        deliveryId: row.id,
        channel: row.channel,
        sourceType: row.sourceType,
        sourceId: row.sourceId,
        residentId: row.residentId,
        userId: row.userId,
        recipient: row.recipient,
        subject: row.subject,
        body: row.body,
        templateId,
      });
      sent.push({ row, provider: provider.name, messageId });
    } catch (error) {
      failed.push({
        row,
        provider: providerName,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
  outcome.sent = await storeSent(services, sent, now);
  for (const f of failed) outcome[await storeFailure(services, f, now)] += 1;
  return outcome;
}

async function park(services: SendServices, ids: number[], release: Date): Promise<number> {
  const now = services.clock.now();
  return services.database.db.transaction(async (tx) => {
    const rows = await tx
      .update(deliveries)
      .set({
        status: 'deferred',
        notBefore: release,
        updatedAt: now,
        version: sql`${deliveries.version} + 1`,
      })
      .where(inArray(deliveries.id, ids))
      .returning({ id: deliveries.id });
    await services.queue.enqueue(
      DELIVERY_JOB,
      { deliveryIds: ids },
      { tx, runAt: release, dedupeKey: `delivery:${ids[0]}:${ids.length}:${release.toISOString()}` },
    );
    return rows.length;
  });
}

/**
 * All sent rows in one UPDATE (provider and message id per row travel as a json map), then the
 * sources hear once per batch that their messages went out (an incident stamps its first delivery).
 */
async function storeSent(services: SendServices, sent: Sent[], now: Date): Promise<number> {
  if (!sent.length) return 0;
  const byId = Object.fromEntries(sent.map((s) => [s.row.id, { p: s.provider, m: s.messageId }]));
  const map = JSON.stringify(byId);
  return services.database.db.transaction(async (tx) => {
    const rows = await tx
      .update(deliveries)
      .set({
        status: 'sent',
        attempts: sql`${deliveries.attempts} + 1`,
        provider: sql`(${map}::jsonb -> ${deliveries.id}::text ->> 'p')`,
        providerMessageId: sql`(${map}::jsonb -> ${deliveries.id}::text ->> 'm')`,
        lastError: null,
        sentAt: now,
        updatedAt: now,
        version: sql`${deliveries.version} + 1`,
      })
      .where(
        and(
          inArray(
            deliveries.id,
            sent.map((s) => s.row.id),
          ),
          inArray(deliveries.status, ['pending', 'deferred']),
        ),
      )
      .returning();
    const first = new Map<string, DeliveryRow>();
    for (const r of rows.sort((a, b) => a.id - b.id)) {
      const key = `${r.sourceType}:${r.sourceId}`;
      if (!first.has(key)) first.set(key, r);
    }
    for (const r of first.values()) await announceSent(tx, r, now);
    return rows.length;
  });
}

async function storeFailure(services: SendServices, f: Failed, now: Date): Promise<'failed' | 'retrying'> {
  const attempts = f.row.attempts + 1;
  const final = attempts >= f.row.maxAttempts;
  await services.database.db.transaction(async (tx) => {
    await tx
      .update(deliveries)
      .set({
        status: final ? 'failed' : 'pending',
        attempts,
        provider: f.provider,
        lastError: f.error.slice(0, 1000),
        updatedAt: now,
        version: sql`${deliveries.version} + 1`,
      })
      .where(eq(deliveries.id, f.row.id));
    // The row's own retry, with the queue's backoff: the rest of its batch is done and not resent.
    if (!final)
      await services.queue.enqueue(
        DELIVERY_JOB,
        { deliveryIds: [f.row.id] },
        {
          tx,
          runAt: new Date(now.getTime() + retryDelayMs(attempts)),
          dedupeKey: `delivery:${f.row.id}:attempt:${attempts}`,
        },
      );
  });
  return final ? 'failed' : 'retrying';
}

export function registerDeliveryJobs(services: SendServices): void {
  services.queue.register<SendPayload>(DELIVERY_JOB, async ({ payload }) =>
    sendDeliveries(services, payload.deliveryIds ?? (payload.deliveryId ? [payload.deliveryId] : [])),
  );
}
