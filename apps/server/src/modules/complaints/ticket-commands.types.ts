import { z } from 'zod';
import { versioned } from '../../platform/http/pagination';

/** POST /api/tickets/:id/assign: a department and/or a person; null clears, absent keeps. */
export const assignBody = versioned
  .extend({
    departmentId: z.number().int().positive().nullish(),
    assigneeId: z.number().int().positive().nullish(),
  })
  .refine((v) => v.departmentId !== undefined || v.assigneeId !== undefined, {
    message: 'departmentId or assigneeId is required',
    path: ['departmentId'],
  });
export type AssignBody = z.infer<typeof assignBody>;

/** POST /api/tickets/:id/supervise (督办): a deadline in the future and what is expected. */
export const superviseBody = versioned.extend({
  deadline: z.iso.datetime({ offset: true }),
  note: z.string().trim().min(1).max(500),
});
export type SuperviseBody = z.infer<typeof superviseBody>;

/** POST /api/tickets/:id/replies (Q54): a progress reply sent to the resident; no version (adds only). */
export const replyBody = z.object({ body: z.string().trim().min(1).max(1000) });

/** POST /api/tickets/:id/review: the 班长/主管 approves the handling result or sends it back. */
export const reviewBody = versioned
  .extend({
    approve: z.boolean(),
    note: z.string().trim().max(500).nullish(),
  })
  .refine((v) => v.approve || (v.note && v.note.length > 0), {
    message: 'a rejection says what to redo',
    path: ['note'],
  });
export type ReviewBody = z.infer<typeof reviewBody>;

/** POST /api/tickets/:id/overdue-cause: why the complaint ran late, in the owner's words (Q52). */
export const overdueCauseBody = versioned.extend({ cause: z.string().trim().min(1).max(500) });
