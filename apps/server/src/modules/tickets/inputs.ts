import { SLA_BADGES, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '@guanjia/shared';
import { z } from 'zod';
import { idList, pageQuery, versioned } from '../../platform/http/pagination';

export const attachmentInput = z.object({
  url: z.string().trim().min(1).max(2000),
  name: z.string().trim().max(200).nullish(),
});

export const workOrderInput = z.object({
  description: z.string().trim().max(2000).nullish(),
  skill: z.string().trim().max(20).nullish(),
  team: z.string().trim().max(30).nullish(),
  technicianId: z.number().int().positive().nullish(),
  vendorName: z.string().trim().max(100).nullish(),
  autoDispatch: z.boolean().optional(),
});

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(z.enum(values)).min(1));

export const ticketListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: csv(TICKET_STATUSES).optional(),
  /** open = not 已关闭/已取消. */
  open: z.enum(['true', 'false']).optional(),
  type: csv(TICKET_TYPES).optional(),
  priority: csv(TICKET_PRIORITIES).optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  /** The owner agent or a technician holding one of its work orders. */
  assigneeId: z.coerce.number().int().positive().optional(),
  residentId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  sla: z.enum(SLA_BADGES).optional(),
  q: z.string().trim().min(1).max(60).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  ids: idList.optional(),
  sort: z.enum(['newest', 'oldest', 'due']).default('newest'),
});
export type TicketListQuery = z.infer<typeof ticketListQuery>;

export const answerBody = versioned.extend({ answer: z.string().trim().min(1).max(4000) });
/** Resolving by hand; a complaint needs the reply given to the resident (Q50 is about replying). */
export const resolveBody = versioned.extend({ reply: z.string().trim().min(1).max(4000).optional() });
/** A note on the ticket's timeline: appended, so it needs no version (it never overwrites anything). */
export const noteBody = z.object({ note: z.string().trim().min(1).max(4000) });
export const reasonBody = versioned.extend({ reason: z.string().trim().min(1).max(500) });
export const optionalReasonBody = versioned.extend({ reason: z.string().trim().max(500).nullish() });
