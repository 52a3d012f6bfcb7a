import {
  SLA_BADGES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@guanjia/shared';
import { z } from 'zod';
import { idList, pageQuery, versioned } from '../../platform/http/pagination';
import { phoneInput } from '../residents/inputs';

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

export const ticketInput = z
  .object({
    projectId: z.number().int().positive(),
    type: z.enum(TICKET_TYPES),
    channel: z.enum(TICKET_CHANNELS).default('phone'),
    priority: z.enum(TICKET_PRIORITIES).default('一般'),
    appointmentAt: z.iso.datetime({ offset: true }).nullish(),
    unitId: z.number().int().positive().nullish(),
    residentId: z.number().int().positive().nullish(),
    contactName: z.string().trim().max(50).nullish(),
    contactPhone: phoneInput.nullish(),
    categoryId: z.number().int().positive().nullish(),
    title: z.string().trim().max(100).nullish(),
    description: z.string().trim().min(1).max(4000),
    attachments: z.array(attachmentInput).max(20).default([]),
    /** Phone and walk-in intake is accepted by the agent on the spot (首问负责制); default by channel. */
    accept: z.boolean().optional(),
    /** A 报修 always gets one; other types only when given. */
    workOrder: workOrderInput.nullish(),
  })
  .refine((v) => v.residentId || v.contactPhone || v.unitId, {
    message: 'a resident, a unit or a contact phone is required so the resident can be called back',
    path: ['residentId'],
  })
  .refine((v) => v.priority !== '预约' || v.appointmentAt, {
    message: 'an appointment time is required for 预约',
    path: ['appointmentAt'],
  });
export type TicketInput = z.infer<typeof ticketInput>;

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
