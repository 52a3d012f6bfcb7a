import {
  DELIVERY_CHANNELS,
  DELIVERY_SOURCES,
  DELIVERY_STATUSES,
  type DeliveryChannel,
  type DeliverySource,
  type DeliveryStatus,
  STAFF_CHANNELS,
  type StaffChannel,
} from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';

// The value lists live in @guanjia/shared: the console and the API schemas use the same ones.
export {
  DELIVERY_CHANNELS,
  DELIVERY_SOURCES,
  DELIVERY_STATUSES,
  type DeliveryChannel,
  type DeliverySource,
  type DeliveryStatus,
  STAFF_CHANNELS,
  type StaffChannel,
};

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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
    /** Staff alerts (SLA warnings/breaches) go to a user instead of a resident. */
    userId: ref('user_id'),
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
    index('deliveries_user_idx').on(t.userId, t.id),
  ],
);
export type DeliveryRow = typeof deliveries.$inferSelect;

/**
 * A staff member's outbound channels for their alerts, with the addresses to use (they may differ
 * from the profile's: a duty phone, a team mailbox). No row: in-app only.
 */
export const staffChannels = pgTable('staff_channels', {
  userId: ref('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  companyId: ref('company_id').notNull(),
  channels: text('channels').array().$type<StaffChannel[]>().notNull().default(sql`'{}'::text[]`),
  email: text('email'),
  /** +86 form, as resident phones. */
  mobile: text('mobile'),
  updatedAt: updatedAt(),
  version: version(),
});
export type StaffChannelsRow = typeof staffChannels.$inferSelect;

/**
 * The outgoing webhook of one project: every `webhook` delivery is POSTed there, signed with the
 * secret. The secret is kept as is (signing needs it) but only shown once, when it is generated.
 */
export const deliveryWebhooks = pgTable('delivery_webhooks', {
  projectId: ref('project_id').primaryKey(),
  companyId: ref('company_id').notNull(),
  url: text('url'),
  secret: text('secret'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});
export type DeliveryWebhookRow = typeof deliveryWebhooks.$inferSelect;
