import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';

export const QA_SUBJECTS = ['call', 'ticket'] as const;
export type QaSubject = (typeof QA_SUBJECTS)[number];
/** 待评分 sampled · 已评分 scored (the agent sees the findings) · 申诉中 appealed · 已复核 appeal settled. */
export const QA_STATUSES = ['待评分', '已评分', '申诉中', '已复核'] as const;
export type QaStatus = (typeof QA_STATUSES)[number];

/** One sampled call or ticket and its score sheet; each subject is reviewed once. */
export const qaReviews = pgTable(
  'qa_reviews',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    subjectType: text('subject_type').$type<QaSubject>().notNull(),
    subjectId: ref('subject_id').notNull(),
    agentId: ref('agent_id').notNull(),
    subjectAt: timestamp('subject_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status').$type<QaStatus>().notNull().default('待评分'),
    deductions: jsonb('deductions').$type<Record<string, number>>().notNull().default({}),
    total: integer('total'),
    comment: text('comment'),
    reviewerId: ref('reviewer_id'),
    scoredAt: timestamp('scored_at', { withTimezone: true, mode: 'date' }),
    appealReason: text('appeal_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('qa_reviews_subject_uq').on(t.subjectType, t.subjectId),
    index('qa_reviews_project_agent_idx').on(t.projectId, t.agentId, t.subjectAt),
  ],
);

/** Where a forbidden phrase was written: a ticket note, a ticket's answer/reply, or a call transcript. */
export const QA_FLAG_SOURCES = ['note', 'answer', 'transcript'] as const;
export type QaFlagSource = (typeof QA_FLAG_SOURCES)[number];

/**
 * A text that used forbidden phrases (requirements §6.6), flagged when it was written. Flagged calls
 * and tickets are always part of the next QA sample.
 */
export const qaFlags = pgTable(
  'qa_flags',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    subjectType: text('subject_type').$type<QaSubject>().notNull(),
    subjectId: ref('subject_id').notNull(),
    source: text('source').$type<QaFlagSource>().notNull(),
    /** Who wrote it; for a transcript, the agent on the call. */
    authorId: ref('author_id'),
    phrases: text('phrases').array().notNull(),
    /** The flagged text, cut to a readable length. */
    excerpt: text('excerpt').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('qa_flags_subject_idx').on(t.subjectType, t.subjectId),
    index('qa_flags_project_idx').on(t.projectId, t.createdAt),
  ],
);
