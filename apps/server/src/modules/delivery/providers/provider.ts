import type { DeliveryChannel, DeliverySource } from '../schema';

export interface OutgoingMessage {
  deliveryId: number;
  channel: DeliveryChannel;
  /** What caused it and who it is for: a webhook receiver links back with these. */
  sourceType: DeliverySource;
  sourceId: number;
  residentId: number | null;
  userId: number | null;
  recipient: string;
  subject: string;
  body: string;
  templateId?: string;
}

/** A transport: answers the provider's message id, or throws (the job retries with backoff). */
export interface Provider {
  name: string;
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

/** Records only: the demo default, so everything works offline and is visible in the delivery log. */
export const logProvider: Provider = {
  name: 'log',
  async send(message) {
    return { messageId: `log-${message.deliveryId}` };
  },
};

/** The portal inbox is the delivery row itself: nothing leaves the system. */
export const inAppProvider: Provider = {
  name: 'inapp',
  async send(message) {
    return { messageId: `inapp-${message.deliveryId}` };
  },
};
