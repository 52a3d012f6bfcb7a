import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';

const score = z.number().int().min(1).max(5);

export const callbackBody = z
  .object({
    version: z.number().int().positive(),
    /** false = nobody answered: the round stays open for a retry. */
    reached: z.boolean(),
    satisfied: z.boolean().optional(),
    scores: z
      .object({ overall: score.optional(), speed: score.optional(), attitude: score.optional() })
      .optional(),
    comment: z.string().trim().max(2000).nullish(),
    /** The category of the 投诉 raised when the resident is not satisfied (ignored otherwise). */
    categoryId: z.number().int().positive().nullish(),
  })
  .refine((v) => !v.reached || v.satisfied !== undefined, {
    message: 'satisfied is required when the resident was reached',
    path: ['satisfied'],
  });
export type CallbackBody = z.infer<typeof callbackBody>;

export const callbackListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(['待回访', '已完成', '已取消']).default('待回访'),
  /** Only rounds past their due time. */
  overdue: z.enum(['true', 'false']).optional(),
});
