import { COMPLAINT_CAUSE_ALIASES, COMPLAINT_CAUSES, COMPLAINT_GRADES } from '@guanjia/shared';
import { z } from 'zod';
import { pageQuery, queryBool } from '../../platform/http/pagination';

/** A cause category: the Chinese label, or one of its English spellings (COMPLAINT_CAUSE_ALIASES). */
export const causeInput = z
  .string()
  .trim()
  .transform((v) => COMPLAINT_CAUSE_ALIASES[v.toLowerCase()] ?? v)
  .pipe(z.enum(COMPLAINT_CAUSES));
export const gradeInput = z.enum(COMPLAINT_GRADES);

/** What the intake form may add for the 投诉闭环 (create-ticket.types.ts spreads these). */
export const handlingIntakeFields = {
  grade: gradeInput.nullish(),
  cause: causeInput.nullish(),
  departmentId: z.number().int().positive().nullish(),
  assigneeId: z.number().int().positive().nullish(),
};

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));

/** GET /api/complaints: the 投诉台账's filters. */
export const complaintListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  grade: csv(COMPLAINT_GRADES).optional(),
  cause: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(causeInput).min(1))
    .optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  status: z.enum(['open', 'closed', 'review', 'all']).default('all'),
  overdue: queryBool.optional(),
  supervised: queryBool.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuery>;

export const projectQuery = z.object({ projectId: z.coerce.number().int().positive().optional() });

export const overdueWeekQuery = projectQuery.extend({
  /** Any instant inside the week (Monday–Sunday in the project's zone); default: the week before this one. */
  week: z.iso.datetime({ offset: true }).optional(),
});

export const supervisionListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  mine: queryBool.optional(),
  state: z.enum(['active', 'all']).default('active'),
});
