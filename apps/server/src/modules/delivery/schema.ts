import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Outbound channels; `inapp` is the resident portal's own inbox (no provider call). */
export const DELIVERY_CHANNELS = ['inapp', 'sms', 'wechat', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** pending → sent | failed; `deferred` waits for quiet hours (Q07) to end; `cancelled`: withdrawn before it went out. */
export const DELIVERY_STATUSES = ['pending', 'deferred', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What caused the message: an incident, a notice, a portal login code … */
export const DELIVERY_SOURCES = [
  'incident',
  'incident_resolved',
  'notice',
  'portal_code',
  'birthday',
  'warranty',
] as const;
export type DeliverySource = (typeof DELIVERY_SOURCES)[number];

/**
 * The transactional outbox: one row per recipient × channel, written in the same transaction as the
 * thing that caused it, then sent by the `delivery.send` job (retries with backoff live on the job).
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    sourceType: text('source_type').$type<DeliverySource>().notNull(),
    sourceId: ref('source_id').notNull(),
    residentId: ref('resident_id'),
    channel: text('channel').$type<DeliveryChannel>().notNull(),
    /** Phone in +86 form, e-mail address, or the resident id for in-app. */
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Emergencies bypass quiet hours (Q07) and channel subscriptions. */
    urgent: boolean('urgent').notNull().default(false),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    /** Not sent before this instant (scheduling, quiet hours). */
    notBefore: at('not_before'),
    sentAt: at('sent_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('deliveries_source_idx').on(t.sourceType, t.sourceId, t.id),
    index('deliveries_project_idx').on(t.projectId, t.id),
    index('deliveries_resident_idx').on(t.residentId, t.id),
  ],
);
export type DeliveryRow = typeof deliveries.$inferSelect;
