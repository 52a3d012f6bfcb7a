import { z } from 'zod';
import { isoTime, nullableTime, page } from './common';

export const QA_SUBJECTS = ['call', 'ticket'] as const;
/** 待评分 sampled · 已评分 scored · 申诉中 appealed · 已复核 appeal settled. */
export const QA_STATUSES = ['待评分', '已评分', '申诉中', '已复核'] as const;
export type QaStatus = (typeof QA_STATUSES)[number];
export const QA_FLAG_SOURCES = ['note', 'answer', 'transcript'] as const;

/** A QA review of one call or ticket; deductions by checklist key. */
export const qaReviewSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  subjectType: z.enum(QA_SUBJECTS),
  subjectId: z.number(),
  agentId: z.number(),
  subjectAt: isoTime,
  status: z.enum(QA_STATUSES),
  deductions: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  comment: z.string().nullable(),
  appealReason: z.string().nullable(),
  scoredAt: nullableTime,
  version: z.number(),
});
export type QaReview = z.infer<typeof qaReviewSchema>;

/** In the review list: what the reviewer opens (ticket number and title, or the call's recording). */
export const qaReviewListItemSchema = qaReviewSchema.extend({
  agentName: z.string().nullable(),
  subject: z
    .object({
      label: z.string(),
      title: z.string().nullable(),
      recordingUrl: z.string().nullable().optional(),
      talkSeconds: z.number().nullable().optional(),
      transcript: z.string().nullable().optional(),
    })
    .nullable(),
  forbidden: z.array(z.string()),
});
export type QaReviewListItem = z.infer<typeof qaReviewListItemSchema>;
export const qaReviewPageSchema = page(qaReviewListItemSchema);

export const qaFlagSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  subjectType: z.enum(QA_SUBJECTS),
  subjectId: z.number(),
  source: z.enum(QA_FLAG_SOURCES),
  authorId: z.number().nullable(),
  authorName: z.string().nullable(),
  phrases: z.array(z.string()),
  excerpt: z.string(),
  createdAt: isoTime,
});
export type QaFlag = z.infer<typeof qaFlagSchema>;
export const qaFlagPageSchema = page(qaFlagSchema);

export const qaSampleResultSchema = z.object({
  created: z.number(),
  percent: z.number(),
  calls: z.number(),
  tickets: z.number(),
  flagged: z.number(),
});

export const checklistItemSchema = z.object({ key: z.string(), label: z.string(), weight: z.number() });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export const qaPlanSchema = z.object({
  projectId: z.number(),
  samplePercent: z.number(),
  checklist: z.array(checklistItemSchema),
});
export type QaPlan = z.infer<typeof qaPlanSchema>;

export const qaMonthlySchema = z.object({
  projectId: z.number(),
  month: z.string(),
  agents: z.array(z.object({ agentId: z.number(), reviews: z.number(), score: z.number() })),
});

/** The agent's script card: standard phrases by situation, and phrases to avoid with what to say instead. */
export const scriptsSchema = z.object({
  standard: z.record(z.string(), z.array(z.string())),
  forbidden: z.array(z.object({ phrase: z.string(), instead: z.string().optional() })),
});
export const scriptCheckSchema = z.object({
  flagged: z.boolean(),
  flags: z.array(z.object({ phrase: z.string(), index: z.number(), instead: z.string().nullable() })),
});
