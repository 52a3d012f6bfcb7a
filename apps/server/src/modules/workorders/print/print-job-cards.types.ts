import { z } from 'zod';
import { idList } from '../../../platform/http/pagination';

const paper = z.enum(['A5', 'A4']).default('A5');
const lang = z.enum(['zh-CN', 'en']).optional();

/** GET /api/work-orders/:id/print.pdf */
export const printOneQuery = z.object({ size: paper, lang });

/** GET /api/work-orders/print.pdf: chosen orders (ids), or a shift of a project (projectId + from + to). */
export const printBatchQuery = z
  .object({
    size: paper,
    lang,
    ids: idList.optional(),
    projectId: z.coerce.number().int().positive().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => q.ids?.length || (q.projectId && q.from && q.to), {
    message: 'Give ids, or projectId with from and to (a shift)',
    path: ['ids'],
  });
