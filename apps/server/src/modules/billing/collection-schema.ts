import {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  ATTEMPT_STATUSES,
  type AttemptChannel,
  type AttemptOutcome,
  type AttemptStatus,
  type CampaignLevel,
  COLLECTION_TASK_KINDS,
  COLLECTION_TASK_STATUSES,
  type CollectionTaskKind,
  type CollectionTaskStatus,
  type PromiseState,
} from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects, units } from '../org/schema';
import { residents } from '../residents/schema';
import { bills } from './schema';

/**
 * 催缴 (W-23): campaigns with levels by days overdue, residents' contact windows, every attempt
 * (automatic or logged by an agent), and the follow-up tasks (客服主管 follow-up, manager escalation,
 * 上门收费). The value lists live in @guanjia/shared so the console and the contracts use the same ones.
 */
export {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  ATTEMPT_STATUSES,
  type AttemptChannel,
  type AttemptOutcome,
  type AttemptStatus,
  type CampaignLevel,
  COLLECTION_TASK_KINDS,
  COLLECTION_TASK_STATUSES,
  type CollectionTaskKind,
  type CollectionTaskStatus,
};

/** One campaign per project is active (partial unique index); the job reads that one. */
export const collectionCampaigns = pgTable(
  'collection_campaigns',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    levels: jsonb('levels').$type<CampaignLevel[]>().notNull(),
    /** Nobody owing less than this (分) is chased. */
    minAmount: integer('min_amount').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('collection_campaigns_active_uq').on(t.projectId).where(sql`active`)],
);
export type CollectionCampaignRow = typeof collectionCampaigns.$inferSelect;

/** When a resident wants to be called (分时间段催缴, §1.12): weekdays 0 = Monday, local HH:MM. */
export const contactWindows = pgTable(
  'collection_contact_windows',
  {
    id: id(),
    projectId: ref('project_id').notNull(),
    residentId: ref('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    weekdays: integer('weekdays').array().notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('collection_contact_windows_resident_idx').on(t.residentId)],
);
export type ContactWindowRow = typeof contactWindows.$inferSelect;

/**
 * One 催缴 attempt. The job plans an attempt as 'scheduled' at the next allowed moment and sends it
 * when due; dedupeKey (unit × arrears episode × level) makes a re-run plan and send nothing twice.
 * An agent's logged call is 'done' at once. A promise (承诺付款) is open until its date: kept when the
 * unit paid what it promised, else broken — which escalates to the next level.
 */
export const collectionAttempts = pgTable(
  'collection_attempts',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    buildingId: ref('building_id').notNull(),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    residentId: ref('resident_id'),
    campaignId: ref('campaign_id'),
    level: integer('level'),
    channel: text('channel').$type<AttemptChannel>().notNull(),
    status: text('status').$type<AttemptStatus>().notNull(),
    outcome: text('outcome').$type<AttemptOutcome>(),
    scheduledAt: at('scheduled_at').notNull(),
    attemptedAt: at('attempted_at'),
    /** The arrears episode: the oldest overdue bill's due date when the attempt was planned. */
    episode: date('episode'),
    owedAmount: integer('owed_amount').notNull().default(0),
    daysOverdue: integer('days_overdue').notNull().default(0),
    promisedDate: date('promised_date'),
    promisedAmount: integer('promised_amount'),
    promiseState: text('promise_state').$type<PromiseState>(),
    /** What the unit had paid in total when the promise was made (kept = paid since ≥ promised). */
    paidAtPromise: integer('paid_at_promise'),
    byId: ref('by_id'),
    note: text('note').notNull().default(''),
    message: text('message').notNull().default(''),
    deliveryId: ref('delivery_id'),
    callId: ref('call_id'),
    taskId: ref('task_id'),
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('collection_attempts_dedupe_uq').on(t.dedupeKey),
    index('collection_attempts_unit_idx').on(t.unitId, t.scheduledAt),
    index('collection_attempts_project_idx').on(t.projectId, t.scheduledAt),
    index('collection_attempts_due_idx').on(t.scheduledAt).where(sql`status = 'scheduled'`),
    index('collection_attempts_promise_idx').on(t.promisedDate).where(sql`promise_state = 'open'`),
  ],
);
export type CollectionAttemptRow = typeof collectionAttempts.$inferSelect;

/** A 客服主管 follow-up (level 3), a manager escalation (level 4) or a 上门收费 request (W-24, Q08). */
export const collectionTasks = pgTable(
  'collection_tasks',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<CollectionTaskKind>().notNull(),
    status: text('status').$type<CollectionTaskStatus>().notNull().default('open'),
    attemptId: ref('attempt_id'),
    assigneeId: ref('assignee_id'),
    /** 上门收费: the time agreed with the resident, at least a day ahead (Q08). */
    agreedAt: at('agreed_at'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    note: text('note').notNull().default(''),
    result: text('result').notNull().default(''),
    createdById: ref('created_by_id'),
    doneAt: at('done_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('collection_tasks_project_idx').on(t.projectId, t.kind, t.status, t.createdAt)],
);
export type CollectionTaskRow = typeof collectionTasks.$inferSelect;

/** Marking a bill disputed (or not) with the reason: the log behind bills.disputed. */
export const billDisputes = pgTable(
  'bill_disputes',
  {
    id: id(),
    billId: ref('bill_id')
      .notNull()
      .references(() => bills.id),
    projectId: ref('project_id').notNull(),
    disputed: boolean('disputed').notNull(),
    reason: text('reason').notNull(),
    byId: ref('by_id'),
    createdAt: createdAt(),
  },
  (t) => [index('bill_disputes_bill_idx').on(t.billId)],
);
