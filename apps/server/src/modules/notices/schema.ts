import { NOTICE_STATUSES, NOTICE_TYPES, type NoticeStatus, type NoticeType } from '@guanjia/shared';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import type { Audience } from '../delivery/recipients';
import { projects } from '../org/schema';

export { NOTICE_STATUSES, NOTICE_TYPES, type NoticeStatus, type NoticeType };

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The audience as stored: the project comes from the notice row. */
export type NoticeAudience = Omit<Audience, 'projectId'>;

export const notices = pgTable(
  'notices',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    type: text('type').$type<NoticeType>().notNull(),
    title: text('title').notNull(),
    /** A template: {{resident.name}}, {{unit.label}}, {{incident.until}}, {{notice.expiresAt}} … */
    body: text('body').notNull(),
    audience: jsonb('audience').$type<NoticeAudience>().notNull(),
    /** Emergencies skip approval (W-30), quiet hours (Q07) and subscriptions. */
    urgent: boolean('urgent').notNull().default(false),
    incidentId: ref('incident_id'),
    /** Works and drills: where and when (Q70 location and duration, Q65 three days ahead). */
    location: text('location'),
    eventStartsAt: at('event_starts_at'),
    eventEndsAt: at('event_ends_at'),
    /** Scheduled sending; null = when published. */
    publishAt: at('publish_at'),
    /** Q71: every notice has an expiry and disappears from the portal and boards after it. */
    expiresAt: at('expires_at').notNull(),
    status: text('status').$type<NoticeStatus>().notNull().default('草稿'),
    reviewedById: ref('reviewed_by_id'),
    reviewedAt: at('reviewed_at'),
    approvedById: ref('approved_by_id'),
    approvedAt: at('approved_at'),
    rejectReason: text('reject_reason'),
    publishedById: ref('published_by_id'),
    publishedAt: at('published_at'),
    recipientCount: integer('recipient_count').notNull().default(0),
    createdById: ref('created_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('notices_project_status_idx').on(t.projectId, t.status, t.id),
    index('notices_project_expiry_idx').on(t.projectId, t.expiresAt),
  ],
);
export type NoticeRow = typeof notices.$inferSelect;

/** Portal read receipts: one row the first time a resident opens a notice. */
export const noticeReads = pgTable(
  'notice_reads',
  {
    noticeId: ref('notice_id')
      .notNull()
      .references(() => notices.id),
    residentId: ref('resident_id').notNull(),
    readAt: at('read_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.residentId] }),
    index('notice_reads_resident_idx').on(t.residentId),
  ],
);

/** Subscriptions: the notice types a resident chose not to receive (emergencies reach them anyway). */
export const noticeOptOuts = pgTable(
  'notice_opt_outs',
  {
    residentId: ref('resident_id').notNull(),
    type: text('type').$type<NoticeType>().notNull(),
    at: at('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.residentId, t.type] })],
);
