import { createHmac } from 'node:crypto';
import type { OutgoingMessage, Provider } from './provider';

/** The shared secret is deployment configuration, never a setting (settings are readable in the console). */
export const HTTP_SECRET_ENV = 'GUANJIA_NOTIFY_HTTP_SECRET';

/** Hex HMAC-SHA256 over "<timestamp>.<body>": what a gateway checks before accepting a message. */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * SMS and WeChat template messages through an HTTP gateway: POST JSON, signed with
 * x-guanjia-timestamp / x-guanjia-signature; a 2xx answer carries { messageId }.
 */
export function httpProvider(url: string, secret: string, now: () => Date): Provider {
  return {
    name: 'http',
    async send(message: OutgoingMessage) {
      const body = JSON.stringify({
        deliveryId: message.deliveryId,
        channel: message.channel,
        to: message.recipient,
        templateId: message.templateId ?? null,
        subject: message.subject,
        text: message.body,
      });
      const timestamp = String(Math.floor(now().getTime() / 1000));
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-guanjia-timestamp': timestamp,
          'x-guanjia-signature': signPayload(secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
      let messageId: unknown;
      try {
        messageId = (JSON.parse(text) as { messageId?: unknown }).messageId;
      } catch {
        messageId = undefined;
      }
      if (typeof messageId !== 'string' || !messageId)
        throw new Error('gateway answered without a messageId');
      return { messageId };
    },
  };
}
