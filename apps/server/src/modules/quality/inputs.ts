import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { QA_STATUSES } from './schema';

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
