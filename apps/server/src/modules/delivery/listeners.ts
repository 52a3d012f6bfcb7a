import type { DbOrTx } from '../../platform/db/client';
import type { DeliveryRow, DeliverySource } from './schema';

export type SentListener = (tx: DbOrTx, delivery: DeliveryRow, now: Date) => Promise<void>;

const listeners = new Map<DeliverySource, SentListener[]>();

/**
 * Modules that cause deliveries learn when one went out (an incident records its first delivery for
 * Q60) without the outbox importing them: that would make delivery depend on every sender.
 */
export function onDeliverySent(source: DeliverySource, listener: SentListener): void {
  listeners.set(source, [...(listeners.get(source) ?? []), listener]);
}

export async function announceSent(tx: DbOrTx, delivery: DeliveryRow, now: Date): Promise<void> {
  for (const l of listeners.get(delivery.sourceType) ?? []) await l(tx, delivery, now);
}
