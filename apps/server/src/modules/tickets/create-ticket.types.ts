import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_TYPES } from '@guanjia/shared';
import { z } from 'zod';
import { handlingIntakeFields } from '../complaints/inputs';
import { phoneInput } from '../residents/inputs';
import { attachmentInput, workOrderInput } from './inputs';
import { ANSWERABLE_TYPES } from './rules/ticket-kinds';

/** POST /api/tickets: one intake, everything the 受理 form knows, written in one transaction. */
export const ticketInput = z
  .object({
    projectId: z.number().int().positive(),
    type: z.enum(TICKET_TYPES),
    channel: z.enum(TICKET_CHANNELS).default('phone'),
    priority: z.enum(TICKET_PRIORITIES).default('一般'),
    appointmentAt: z.iso.datetime({ offset: true }).nullish(),
    /** End of a preferred window (the resident portal's 上午 9–12); appointmentAt is its start. */
    appointmentUntil: z.iso.datetime({ offset: true }).nullish(),
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
    /** 咨询/表扬/建议 answered during the call: the ticket is closed with this answer (首问负责制). */
    answer: z.string().trim().min(1).max(4000).nullish(),
    /** An ongoing outage the caller is reporting about (停水停电): the ticket joins it. */
    incidentId: z.number().int().positive().nullish(),
    /** The call this intake came from: linked for the call history and QA. */
    callId: z.number().int().positive().nullish(),
    /** 投诉闭环: department and person; for a complaint its grade (一般 by default) and cause. */
    ...handlingIntakeFields,
  })
  .refine((v) => v.residentId || v.contactPhone || v.unitId, {
    message: 'a resident, a unit or a contact phone is required so the resident can be called back',
    path: ['residentId'],
  })
  .refine(
    (v) =>
      !v.appointmentUntil ||
      (v.appointmentAt && Date.parse(v.appointmentUntil) > Date.parse(v.appointmentAt)),
    {
      message: 'a window ends after it starts',
      path: ['appointmentUntil'],
    },
  )
  .refine((v) => v.priority !== '预约' || v.appointmentAt, {
    message: 'an appointment time is required for 预约',
    path: ['appointmentAt'],
  })
  .refine((v) => !v.answer || ANSWERABLE_TYPES.includes(v.type), {
    message: 'only 咨询, 表扬 and 建议 are answered at intake',
    path: ['answer'],
  });
export type TicketInput = z.infer<typeof ticketInput>;
