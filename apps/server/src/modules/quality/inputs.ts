import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { QA_STATUSES, QA_SUBJECTS } from './schema';
import { QA_CHECKLIST, QA_SAMPLE_PERCENT } from './settings';

export const sampleInput = z
  .object({
    projectId: z.number().int().positive(),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    /** Overrides the qa.samplePercent setting for this run. */
    percent: z.number().int().min(1).max(100).optional(),
  })
  .refine((v) => new Date(v.from) < new Date(v.to), { message: 'from must be before to', path: ['to'] });

export const reviewListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(QA_STATUSES).optional(),
  agentId: z.coerce.number().int().positive().optional(),
  /** The reviewed call's or ticket's time, e.g. one week. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ReviewListQuery = z.infer<typeof reviewListQuery>;

export const flagListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  agentId: z.coerce.number().int().positive().optional(),
  subjectType: z.enum(QA_SUBJECTS).optional(),
  subjectId: z.coerce.number().int().positive().optional(),
});
export type FlagListQuery = z.infer<typeof flagListQuery>;

export const planQuery = z.object({ projectId: z.coerce.number().int().positive() });

/** The project's QA plan: the sampling rate and the checklist template (both per-project settings). */
export const planInput = z.object({
  projectId: z.number().int().positive(),
  samplePercent: QA_SAMPLE_PERCENT.schema,
  checklist: QA_CHECKLIST.schema.refine((items) => new Set(items.map((i) => i.key)).size === items.length, {
    message: 'checklist item keys must be unique',
  }),
});

export const scoreInput = z.object({
  deductions: z.record(z.string().min(1).max(40), z.number().min(0).max(100)),
  comment: z.string().trim().max(2000).nullish(),
  version: z.number().int().positive(),
});

export const appealInput = z.object({
  reason: z.string().trim().min(1).max(2000),
  version: z.number().int().positive(),
});

export const monthlyQuery = z.object({
  projectId: z.coerce.number().int().positive(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
});
