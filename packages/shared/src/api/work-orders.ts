import { z } from 'zod';
import {
  DISPATCH_MODES,
  HANDOFF_REASONS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  WORK_ORDER_STATUSES,
} from '../tickets';
import { isoTime, nullableTime, page } from './common';
import { slaClockSchema } from './sla-clocks';

export const WORK_ORDER_ACTIONS = [
  'dispatch',
  'grab',
  'accept',
  'arrive',
  'start',
  'pause',
  'resume',
  'complete',
  'return',
  'transfer',
  'cancel',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

/** One stretch in 挂起; `to` null while still paused. */
export const pauseSpanSchema = z.object({ from: z.string(), to: z.string().nullable(), reason: z.string() });
export type PauseSpan = z.infer<typeof pauseSpanSchema>;

export const materialLineSchema = z.object({
  item: z.string(),
  qty: z.number(),
  unit: z.string().nullish(),
  unitPrice: z.number().nullish(),
});
export type MaterialLine = z.infer<typeof materialLineSchema>;

/** A work order as tickets/detail.ts presents it (inside a ticket, and as the base of the views below). */
export const workOrderSchema = z.object({
  id: z.number(),
  number: z.string(),
  ticketId: z.number(),
  projectId: z.number(),
  status: z.enum(WORK_ORDER_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  skill: z.string().nullable(),
  dispatchMode: z.enum(DISPATCH_MODES),
  team: z.string().nullable(),
  description: z.string(),
  appointmentAt: nullableTime,
  /** End of the resident's preferred window (appointmentAt is its start); null for an agreed moment. */
  appointmentUntil: nullableTime,
  technicianId: z.number().nullable(),
  technicianName: z.string().nullable(),
  vendorName: z.string().nullable(),
  dispatchedAt: nullableTime,
  acceptedAt: nullableTime,
  arrivedAt: nullableTime,
  startedAt: nullableTime,
  completedAt: nullableTime,
  cancelledAt: nullableTime,
  pauses: z.array(pauseSpanSchema),
  returnCount: z.number(),
  transferCount: z.number(),
  materials: z.array(materialLineSchema),
  photosBefore: z.array(z.string()),
  photosAfter: z.array(z.string()),
  signature: z.string().nullable(),
  /** Q40: waived when the resident signed the 派工单, required for a completed order without; else null. */
  onSiteCheck: z.enum(['waived', 'required']).nullable(),
  result: z.string().nullable(),
  lastReason: z.string().nullable(),
  allowedActions: z.array(z.enum(WORK_ORDER_ACTIONS)),
  sla: z.object({
    dispatchDueAt: nullableTime,
    arriveDueAt: nullableTime,
    resolveDueAt: nullableTime,
    clocks: z.array(slaClockSchema),
  }),
  version: z.number(),
  createdAt: isoTime,
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

/** GET /api/work-orders rows: the order plus its ticket's number, title and unit. */
export const workOrderListItemSchema = workOrderSchema.extend({
  ticketNumber: z.string(),
  title: z.string(),
  unitLabel: z.string().nullable(),
});
export type WorkOrderListItem = z.infer<typeof workOrderListItemSchema>;
export const workOrderPageSchema = page(workOrderListItemSchema);

export const handoffSchema = z.object({
  technicianId: z.number().nullable(),
  from: isoTime,
  to: nullableTime,
  leftReason: z.enum(HANDOFF_REASONS).nullable(),
  note: z.string().nullable(),
});
export type Handoff = z.infer<typeof handoffSchema>;

/** GET /api/work-orders/:id: with its ticket's headline and the hand-off history. */
export const workOrderViewSchema = workOrderSchema.extend({
  ticket: z
    .object({
      number: z.string(),
      title: z.string(),
      type: z.enum(TICKET_TYPES),
      status: z.enum(TICKET_STATUSES),
      contactName: z.string().nullable(),
      /** In full while the order is the viewer's (or with pii.view), masked otherwise. */
      contactPhone: z.string().nullable(),
      unitLabel: z.string().nullable(),
      /** 小区 / 楼栋 / 房号: where the technician goes. */
      projectName: z.string(),
      buildingName: z.string().nullable(),
      room: z.string().nullable(),
      version: z.number(),
    })
    .nullable(),
  handoffs: z.array(handoffSchema),
});
export type WorkOrderView = z.infer<typeof workOrderViewSchema>;

/** POST /api/work-orders/:id/<action>: the order after it; a technician who returned it may no longer see it. */
export const workOrderActionResultSchema = z.union([
  workOrderViewSchema,
  z.object({ id: z.number(), returned: z.literal(true) }),
]);

export const INELIGIBILITIES = ['missing-skill', 'off-duty', 'at-cap'] as const;
export type Ineligibility = (typeof INELIGIBILITIES)[number];

export const candidateSchema = z.object({
  id: z.number(),
  displayName: z.string(),
  skills: z.array(z.string()).readonly(),
  onDuty: z.boolean(),
  openCount: z.number(),
  cap: z.number().nullable(),
  eligible: z.boolean(),
  reasons: z.array(z.enum(INELIGIBILITIES)),
});
export type Candidate = z.infer<typeof candidateSchema>;
export const candidatesSchema = z.object({ skill: z.string().nullable(), items: z.array(candidateSchema) });
