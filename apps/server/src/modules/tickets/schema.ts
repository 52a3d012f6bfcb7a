import type {
  CallbackRule,
  ComplaintCause,
  ComplaintGrade,
  ReviewState,
  SlaBadge,
  TicketChannel,
  TicketPriority,
  TicketStatus,
  TicketType,
} from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { companies } from '../../platform/auth/schema';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects, units } from '../org/schema';
import { residents } from '../residents/schema';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** An uploaded file's id or a URL, as the console sends it. */
export interface Attachment {
  url: string;
  name?: string | null;
}

/** A resident's own rating from the portal: stored as given, never editable by staff. */
export interface ResidentRating {
  overall: number;
  /** Arrival speed and attitude (HC 小区's three-part rating), 1–5. */
  speed?: number;
  attitude?: number;
  comment?: string | null;
  at: string;
}

/**
 * Three levels: place (户内/公共区域) › category (水/电/…) › problem. Company rows (projectId null) are
 * the shared tree; a project may add its own rows. `pathIds` keeps the ids root-first so SLA policy
 * matching needs no recursive query.
 */
export const ticketCategories = pgTable(
  'ticket_categories',
  {
    id: id(),
    companyId: ref('company_id')
      .notNull()
      .references(() => companies.id),
    projectId: ref('project_id').references(() => projects.id),
    parentId: ref('parent_id'),
    level: integer('level').notNull(),
    name: text('name').notNull(),
    pathIds: bigint('path_ids', { mode: 'number' }).array().notNull(),
    pathNames: text('path_names').notNull(),
    /** The skill a technician needs (水电工, 电梯, 木工…); inherited downwards when null. */
    skill: text('skill'),
    callbackRule: text('callback_rule').$type<CallbackRule>(),
    defaultPriority: text('default_priority').$type<TicketPriority>(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('ticket_categories_name_uq').on(
      t.companyId,
      sql`coalesce(${t.projectId}, 0)`,
      sql`coalesce(${t.parentId}, 0)`,
      t.name,
    ),
    index('ticket_categories_company_idx').on(t.companyId, t.level),
  ],
);

export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    number: text('number').notNull(),
    type: text('type').$type<TicketType>().notNull(),
    channel: text('channel').$type<TicketChannel>().notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    priority: text('priority').$type<TicketPriority>().notNull(),
    appointmentAt: at('appointment_at'),
    /** End of the resident's preferred window (上午 9–12) when one was picked; null for an agreed moment. */
    appointmentUntil: at('appointment_until'),
    unitId: ref('unit_id').references(() => units.id),
    residentId: ref('resident_id').references(() => residents.id),
    /** Unknown callers: who to call back. */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    categoryId: ref('category_id').references(() => ticketCategories.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default([]),
    /** 首问负责: the agent who owns the ticket until it closes. */
    ownerId: ref('owner_id'),
    createdById: ref('created_by_id'),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** 催单: how often the resident chased this open ticket (Q44 — they should never have to). */
    urgeCount: integer('urge_count').notNull().default(0),
    lastUrgedAt: at('last_urged_at'),
    callbackRule: text('callback_rule').$type<CallbackRule>().notNull().default('always'),
    answer: text('answer'),
    cancelReason: text('cancel_reason'),
    /** A complaint raised from a dissatisfied callback points at the ticket it came from. */
    sourceTicketId: ref('source_ticket_id'),
    idempotencyKey: text('idempotency_key'),
    residentRating: jsonb('resident_rating').$type<ResidentRating>(),
    /** 投诉闭环 (W-09): the department and person who answer for the ticket besides its owner. */
    departmentId: ref('department_id'),
    assigneeId: ref('assignee_id'),
    /** Complaints: 一般/重要/重大 and the cause category. */
    grade: text('grade').$type<ComplaintGrade>(),
    cause: text('cause').$type<ComplaintCause>(),
    /** The department's handling result, until the 班长/主管 approves it (then it is the answer). */
    handlingResult: text('handling_result'),
    reviewState: text('review_state').$type<ReviewState>(),
    reviewNote: text('review_note'),
    /** Q53: the reply time promised to the resident; Q54: the first progress reply actually given. */
    promisedReplyAt: at('promised_reply_at'),
    firstReplyAt: at('first_reply_at'),
    /** Why the complaint ran late, in the owner's words (周超期分析, Q52). */
    overdueCause: text('overdue_cause'),
    /** The deadline of the active 督办, for list banners; null when none is active. */
    supervisionDueAt: at('supervision_due_at'),
    acceptedAt: at('accepted_at'),
    resolvedAt: at('resolved_at'),
    closedAt: at('closed_at'),
    cancelledAt: at('cancelled_at'),
    /** Deadlines, rewritten on every relevant write (the SLA engine owns these columns). */
    respondDueAt: at('respond_due_at'),
    replyDueAt: at('reply_due_at'),
    callbackDueAt: at('callback_due_at'),
    /** Nearest deadline of any running clock of the ticket or its work orders: the list's countdown. */
    slaDueAt: at('sla_due_at'),
    /** Next warning or breach moment: the minute sweep picks up tickets whose timer was missed. */
    slaNextAt: at('sla_next_at'),
    slaState: text('sla_state').$type<SlaBadge>().notNull().default('ok'),
    /** Number, contact, unit label, title and description: one column for the trigram index. */
    searchText: text('search_text').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('tickets_project_number_uq').on(t.projectId, t.number),
    uniqueIndex('tickets_idempotency_uq')
      .on(t.companyId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('tickets_project_id_idx').on(t.projectId, t.id),
    index('tickets_project_status_idx').on(t.projectId, t.status, t.id),
    index('tickets_project_type_idx').on(t.projectId, t.type, t.id),
    // Date-range lists sort by created_at (then id) along this index; counts read it alone.
    index('tickets_project_created_id_idx').on(t.projectId, t.createdAt, t.id),
    // The backlog (open tickets created before a date), counted from a small index: most tickets are closed.
    index('tickets_project_open_created_idx')
      .on(t.projectId, t.createdAt)
      .where(sql`${t.status} in ('待受理', '处理中', '待回访')`),
    index('tickets_project_sla_idx').on(t.projectId, t.slaState, t.slaDueAt),
    index('tickets_owner_idx').on(t.ownerId, t.status),
    index('tickets_assignee_idx').on(t.assigneeId, t.status).where(sql`${t.assigneeId} is not null`),
    // 0007 adds INCLUDE (project_id, status, type, sla_state, created_at, number, title) for the screen pop.
    index('tickets_resident_idx').on(t.residentId, t.id),
    index('tickets_unit_idx').on(t.unitId, t.id),
    // Category lists count inside the project without visiting the table.
    index('tickets_project_category_idx').on(t.projectId, t.categoryId, t.id),
    index('tickets_sla_next_idx').on(t.slaNextAt).where(sql`${t.slaNextAt} is not null`),
    // Complaints raised from a ticket, found by the ticket's number (queries.ts numberMatch).
    index('tickets_source_idx').on(t.sourceTicketId).where(sql`${t.sourceTicketId} is not null`),
    index('tickets_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    // One- and two-character searches, which trigrams cannot serve (guanjia_bigrams: migration 0002).
    index('tickets_search_bigram_idx').using('gin', sql`guanjia_bigrams(${t.searchText})`),
  ],
);

/**
 * Daily counters for human numbers. The upsert takes a row lock held until the ticket's transaction
 * ends, so two intakes in the same project and day never get the same number (and a rolled-back
 * intake gives its number back).
 */
export const ticketCounters = pgTable(
  'ticket_counters',
  {
    projectId: ref('project_id').notNull(),
    prefix: text('prefix').notNull(),
    day: text('day').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.prefix, t.day] })],
);
