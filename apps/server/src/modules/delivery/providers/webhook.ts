import type { DeliverySource } from '../schema';
import { signPayload } from './http';
import type { OutgoingMessage, Provider } from './provider';

/** The id field a receiver links back with, by source: a notice, an incident, a ticket … */
const SOURCE_FIELD: Record<DeliverySource, string> = {
  incident: 'incidentId',
  incident_resolved: 'incidentId',
  notice: 'noticeId',
  portal_code: 'loginCodeId',
  // Scheduled campaigns are keyed by their day (yyyymmdd).
  birthday: 'campaignDay',
  warranty: 'campaignDay',
  sla_warning: 'ticketId',
  sla_breach: 'ticketId',
  complaint_reply: 'ticketReplyId',
  emergency: 'emergencyId',
  collection: 'collectionAttemptId',
  desk: 'deskEntryId',
  survey: 'surveyCampaignId',
  booking: 'bookingId',
  move_in: 'moveInDefectId',
  analytics_digest: 'projectId',
};

/** The JSON a webhook receiver gets: ids to link back with and the rendered text. */
export function webhookPayload(message: OutgoingMessage): string {
  return JSON.stringify({
    deliveryId: message.deliveryId,
    source: message.sourceType,
    [SOURCE_FIELD[message.sourceType]]: message.sourceId,
    recipient: message.userId
      ? { type: 'staff', userId: message.userId }
      : { type: 'resident', residentId: message.residentId },
    subject: message.subject,
    text: message.body,
  });
}

/**
 * The project's outgoing webhook: POST JSON signed like the SMS/WeChat gateway (HMAC-SHA256 over
 * "<timestamp>.<body>" in x-guanjia-signature), so a receiver verifies both the same way. Any 2xx is
 * accepted; its { messageId } is kept when the receiver gives one.
 */
export function webhookProvider(url: string, secret: string, now: () => Date): Provider {
  return {
    name: 'webhook',
    async send(message) {
      const body = webhookPayload(message);
      const timestamp = String(Math.floor(now().getTime() / 1000));
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-guanjia-event': message.sourceType,
          'x-guanjia-delivery': String(message.deliveryId),
          'x-guanjia-timestamp': timestamp,
          'x-guanjia-signature': signPayload(secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`webhook HTTP ${res.status}: ${text.slice(0, 300)}`);
      let messageId: unknown;
      try {
        messageId = (JSON.parse(text) as { messageId?: unknown }).messageId;
      } catch {
        messageId = undefined;
      }
      return {
        messageId: typeof messageId === 'string' && messageId ? messageId : `webhook-${message.deliveryId}`,
      };
    },
  };
}
