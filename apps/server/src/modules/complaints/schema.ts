import type { ComplaintWarningRule, DeliveryChannel, SupervisionState } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';
import { tickets } from '../tickets/schema';

/** A project's departments (工程部, 秩序部, 环境部, 客服部 …): who complaints and tickets go to. */
export const departments = pgTable(
  'departments',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    /** 部门负责人: hears of what is assigned to the department without a named person. */
    leaderId: ref('leader_id').references(() => users.id),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('departments_project_name_uq').on(t.projectId, t.name)],
);
export type DepartmentRow = typeof departments.$inferSelect;

export const departmentMembers = pgTable(
  'department_members',
  {
    departmentId: ref('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.userId] }),
    index('department_members_user_idx').on(t.userId),
  ],
);

/** Q54: each progress reply to the resident, with the delivery that carried it. */
export const ticketReplies = pgTable(
  'ticket_replies',
  {
    id: id(),
    projectId: ref('project_id').notNull(),
    ticketId: ref('ticket_id')
      .notNull()
      .references(() => tickets.id),
    body: text('body').notNull(),
    authorId: ref('author_id'),
    channel: text('channel').$type<DeliveryChannel>(),
    deliveryId: ref('delivery_id'),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_replies_ticket_idx').on(t.ticketId, t.id)],
);

/**
 * 督办: a supervisor's deadline on a ticket. One active row per ticket (a new one replaces it); the
 * deadline job escalates it level by level while the ticket is still not handled.
 */
export const supervisions = pgTable(
  'supervisions',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    ticketId: ref('ticket_id')
      .notNull()
      .references(() => tickets.id),
    /** The person it is on (the ticket's assignee, else its owner) when it was set. */
    assigneeId: ref('assignee_id'),
    departmentId: ref('department_id'),
    deadline: at('deadline').notNull(),
    note: text('note').notNull(),
    state: text('state').$type<SupervisionState>().notNull().default('active'),
    level: integer('level').notNull().default(0),
    createdById: ref('created_by_id'),
    createdAt: createdAt(),
    closedAt: at('closed_at'),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('supervisions_active_uq').on(t.ticketId).where(sql`${t.state} = 'active'`),
    index('supervisions_assignee_idx').on(t.assigneeId, t.state, t.deadline),
    index('supervisions_project_idx').on(t.projectId, t.state, t.deadline),
  ],
);
export type SupervisionRow = typeof supervisions.$inferSelect;

/** 投诉预警 raised by the rules; one per rule, cause, building and window start. */
export const complaintWarnings = pgTable(
  'complaint_warnings',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    rule: text('rule').$type<ComplaintWarningRule>().notNull(),
    cause: text('cause'),
    buildingId: ref('building_id'),
    count: integer('count').notNull(),
    previousCount: integer('previous_count'),
    windowStart: at('window_start').notNull(),
    windowEnd: at('window_end').notNull(),
    /** The same finding is raised once: rule, cause, building and the window's start day. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('complaint_warnings_key_uq').on(t.projectId, t.dedupeKey),
    index('complaint_warnings_project_idx').on(t.projectId, t.windowEnd),
  ],
);
export type ComplaintWarningRow = typeof complaintWarnings.$inferSelect;
