import type { NotificationKind } from '@guanjia/shared';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref } from '../../platform/db/columns';

/** In-app notifications ; e-mail, SMS and WeChat copies go through the delivery outbox. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    userId: ref('user_id').notNull(),
    projectId: ref('project_id'),
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** Escalation level: 1 客服班长, 2 客服主管, 3 项目经理; 0 for direct messages. */
    level: integer('level').notNull().default(0),
    title: text('title').notNull(),
    body: text('body').notNull(),
    ticketId: ref('ticket_id'),
    workOrderId: ref('work_order_id'),
    /** Same key for the same user never notifies twice (a timer that fires again, the sweep). */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: at('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_user_key_uq').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.id),
  ],
);
