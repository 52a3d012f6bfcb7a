import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import type { Recipient } from './recipients';
import { chooseChannel } from './rules/channel';
import { type DeliveryChannel, type DeliverySource, deliveries } from './schema';
import { DELIVERY_BATCH_SIZE, DELIVERY_MAX_ATTEMPTS } from './settings';

export const DELIVERY_JOB = 'delivery.send';

export interface DeliveryMessage {
  companyId: number;
  projectId: number;
  sourceType: DeliverySource;
  sourceId: number;
  urgent: boolean;
  subject: string;
  notBefore?: Date | null;
  /** A fixed channel instead of the resident's preference (a login code goes by SMS). */
  channel?: DeliveryChannel;
}

/** The address a channel needs; in-app is addressed to the resident. */
export function addressOf(r: Recipient, channel: DeliveryChannel): string {
  if (channel === 'sms' || channel === 'wechat') return r.mobile ?? '';
  if (channel === 'email') return r.email ?? '';
  return String(r.residentId);
}

/**
 * Write one delivery row per recipient on their channel, and their send jobs, inside the caller's
 * transaction: the messages exist exactly when the incident/notice that caused them commits.
 */
export async function queueDeliveries(
  tx: DbOrTx,
  services: Pick<Services, 'queue' | 'clock'>,
  message: DeliveryMessage,
  recipients: Recipient[],
  bodyOf: (r: Recipient) => string,
): Promise<number> {
  if (!recipients.length) return 0;
  const maxAttempts = await getSetting(tx, DELIVERY_MAX_ATTEMPTS, message);
  const now = services.clock.now();
  return insertDeliveries(
    tx,
    services,
    recipients.map((r) => {
      const channel =
        message.channel ?? chooseChannel(r.preferredChannel, { mobile: !!r.mobile, email: !!r.email });
      return {
        companyId: message.companyId,
        projectId: message.projectId,
        sourceType: message.sourceType,
        sourceId: message.sourceId,
        residentId: r.residentId,
        channel,
        recipient: addressOf(r, channel),
        subject: message.subject,
        body: bodyOf(r),
        urgent: message.urgent,
        maxAttempts,
        notBefore: message.notBefore ?? null,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
}

/**
 * Insert outbox rows 500 at a time with one send job per DELIVERY_BATCH_SIZE rows that share a
 * start time (settings.ts says why batches).
 */
export async function insertDeliveries(
  tx: DbOrTx,
  services: Pick<Services, 'queue' | 'clock'>,
  values: (typeof deliveries.$inferInsert)[],
): Promise<number> {
  if (!values.length) return 0;
  const now = services.clock.now();
  let total = 0;
  for (let i = 0; i < values.length; i += 500) {
    const rows = await tx
      .insert(deliveries)
      .values(values.slice(i, i + 500))
      .returning({ id: deliveries.id, notBefore: deliveries.notBefore });
    const byStart = new Map<number, number[]>();
    for (const d of rows) {
      const at = (d.notBefore ?? now).getTime();
      byStart.set(at, [...(byStart.get(at) ?? []), d.id]);
    }
    const batches: { runAt: Date; ids: number[] }[] = [];
    for (const [at, ids] of byStart)
      for (let j = 0; j < ids.length; j += DELIVERY_BATCH_SIZE)
        batches.push({ runAt: new Date(at), ids: ids.slice(j, j + DELIVERY_BATCH_SIZE) });
    // A crash mid-batch leaves rows pending for the job's next attempt; already-sent rows are skipped.
    for (const b of batches)
      await services.queue.enqueue(
        DELIVERY_JOB,
        { deliveryIds: b.ids },
        { tx, runAt: b.runAt, maxAttempts: 3 },
      );
    total += rows.length;
  }
  return total;
}

/** Messages of a withdrawn notice that have not gone out yet are not sent any more. */
export async function cancelPendingDeliveries(
  tx: DbOrTx,
  source: DeliverySource,
  sourceId: number,
  now: Date,
) {
  const rows = await tx
    .update(deliveries)
    .set({ status: 'cancelled', updatedAt: now })
    .where(
      and(
        eq(deliveries.sourceType, source),
        eq(deliveries.sourceId, sourceId),
        inArray(deliveries.status, ['pending', 'deferred']),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length;
}
