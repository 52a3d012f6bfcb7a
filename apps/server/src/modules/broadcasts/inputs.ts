import { z } from 'zod';
import { pageQuery, versioned } from '../../platform/http/pagination';
import { APPROVAL_STATUSES, TEMPLATE_KINDS } from './schema';

export const templateInput = z.object({
  /** null/absent = company-wide; a project id = that project's own (overriding the same code). */
  projectId: z.number().int().positive().nullish(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[\w-]+$/, 'letters, digits, - and _'),
  kind: z.enum(TEMPLATE_KINDS),
  name: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(2000),
});
export type TemplateInput = z.infer<typeof templateInput>;

export const templatePatch = templateInput
  .pick({ kind: true, name: true, body: true })
  .partial()
  .extend(versioned.shape);
export type TemplatePatch = z.infer<typeof templatePatch>;

export const templateListQuery = z.object({
  /** The templates in force for this project (overrides in place of the company's). */
  projectId: z.coerce.number().int().positive().optional(),
});

export const approvalListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(APPROVAL_STATUSES).optional(),
});

export const approvalDecisionBody = versioned
  .extend({ approve: z.boolean(), reason: z.string().trim().max(500).nullish() })
  .refine((v) => v.approve || !!v.reason, { message: 'a reason is required to refuse', path: ['reason'] });
