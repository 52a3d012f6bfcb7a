import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const QUIET_HOURS = defineSetting({
  key: 'delivery.quietHours',
  schema: z.object({ start: hhmm, end: hhmm }),
  // Q07: no non-urgent calls or messages to residents after 21:00 or early in the morning.
  defaultValue: { start: '21:00', end: '08:00' },
  qid: 'Q07',
  description: 'Non-urgent messages wait until this local window ends; emergencies bypass it',
});

export const DELIVERY_MAX_ATTEMPTS = defineSetting({
  key: 'delivery.maxAttempts',
  schema: z.number().int().min(1).max(20),
  defaultValue: 5,
  description: 'Provider attempts per message (with exponential backoff) before it is marked failed',
});

const providerKind = z.enum(['log', 'http', 'smtp', 'webhook']);
export type ProviderKind = z.infer<typeof providerKind>;

/**
 * Which transport each channel uses. `log` only records the message (the offline demo default, so a
 * portal login code can be read in the delivery log); `webhook` hands it to the project's outgoing
 * webhook (the company's own messaging platform sends it). Secrets never live here: see
 * providers/http.ts and the delivery_webhooks table.
 */
export const DELIVERY_PROVIDERS = defineSetting({
  key: 'delivery.providers',
  schema: z.object({
    sms: providerKind.default('log'),
    wechat: providerKind.default('log'),
    email: providerKind.default('log'),
    /** SMS/WeChat HTTP gateway endpoint and template ids. */
    httpUrl: z.url().optional(),
    smsTemplateId: z.string().max(100).optional(),
    wechatTemplateId: z.string().max(100).optional(),
    /** smtp://user:pass@host:port for the `smtp` e-mail provider. */
    smtpUrl: z.string().max(500).optional(),
    mailFrom: z.string().max(200).optional(),
  }),
  defaultValue: { sms: 'log', wechat: 'log', email: 'log' },
  description: 'Transport per channel (log | http | smtp | webhook) and their endpoints',
});
export type ProviderSettings = z.infer<typeof DELIVERY_PROVIDERS.schema>;

/**
 * Deliveries per send job. A 2,000-resident emergency used to be 2,000 jobs, each claimed, run and
 * closed on its own; a batch shares the claim, the settings reads and one UPDATE for the sent rows.
 * Bounded so a batch of slow providers (10 s timeout, SEND_CONCURRENCY at a time) finishes well
 * inside the queue's 5-minute stuck-job window: 50 / 8 × 10 s ≈ 70 s at worst.
 */
export const DELIVERY_BATCH_SIZE = 50;
/** Provider calls in flight per batch: SMTP pools 5 connections, gateways rate-limit beyond that. */
export const SEND_CONCURRENCY = 8;
