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
