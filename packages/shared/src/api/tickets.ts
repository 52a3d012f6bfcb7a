import { z } from 'zod';
import { COMPLAINT_CAUSES, COMPLAINT_GRADES, REVIEW_STATES } from '../complaints';
import {
  CALLBACK_POLICIES,
  CALLBACK_RULES,
  SLA_BADGES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '../tickets';
import { isoTime, jsonValue, nullableTime, page } from './common';
import { ticketHandlingSchema } from './complaints';
import { slaClockSchema } from './sla-clocks';
import { workOrderSchema } from './work-orders';

export const TICKET_ACTIONS = [
  'accept',
  'answer',
  'resolve',
  'callback',
  'close',
  'reopen',
  'cancel',
  // 投诉闭环: approve or send back a complaint's handling result (班长/主管).
  'review',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export const CALLBACK_STATUSES = ['待回访', '已完成', '已取消'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const attachmentSchema = z.object({ url: z.string(), name: z.string().nullish() });
export type Attachment = z.infer<typeof attachmentSchema>;

/** A resident's own rating from the portal: overall, and speed and attitude where given (1–5). */
export const residentRatingSchema = z.object({
  overall: z.number(),
  speed: z.number().optional(),
  attitude: z.number().optional(),
  comment: z.string().nullish(),
  at: z.string(),
});
export type ResidentRating = z.infer<typeof residentRatingSchema>;

/** The list's SLA facts: the badge state and the nearest running deadline. */
export const ticketSlaSummarySchema = z.object({
  state: z.enum(SLA_BADGES),
  dueAt: nullableTime,
  respondDueAt: nullableTime,
  replyDueAt: nullableTime,
  callbackDueAt: nullableTime,
});
export type TicketSlaSummary = z.infer<typeof ticketSlaSummarySchema>;

/** A ticket in lists (tickets/queries.ts presentTicketSummary); the phone is masked without pii.view. */
export const ticketSummarySchema = z.object({
  id: z.number(),
  number: z.string(),
  projectId: z.number(),
  type: z.enum(TICKET_TYPES),
  channel: z.enum(TICKET_CHANNELS),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  appointmentAt: nullableTime,
  appointmentUntil: nullableTime,
  title: z.string(),
  unitId: z.number().nullable(),
  unitLabel: z.string().nullable(),
  residentId: z.number().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  categoryId: z.number().nullable(),
  categoryPath: z.string().nullable(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  reopenCount: z.number(),
  /** 催单 count: times the resident chased the open ticket. */
  urgeCount: z.number(),
  lastUrgedAt: nullableTime,
  sourceTicketId: z.number().nullable(),
  /** Who answers for it besides the owner (投诉闭环): a department and/or a person. */
  departmentId: z.number().nullable(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  /** Complaints only: 一般/重要/重大 and the cause category. */
  grade: z.enum(COMPLAINT_GRADES).nullable(),
  cause: z.enum(COMPLAINT_CAUSES).nullable(),
  /** A handling result waiting for, or sent back by, the 班长/主管. */
  reviewState: z.enum(REVIEW_STATES).nullable(),
  /** The deadline of an active 督办 (the banner), else null. */
  supervisionDueAt: nullableTime,
  sla: ticketSlaSummarySchema,
  createdAt: isoTime,
  updatedAt: isoTime,
  version: z.number(),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;
export const ticketPageSchema = page(ticketSummarySchema);

export const callbackRoundSchema = z.object({
  id: z.number(),
  round: z.number(),
  status: z.enum(CALLBACK_STATUSES),
  dueAt: isoTime,
  attempts: z.number(),
  lastAttemptAt: nullableTime,
  reached: z.boolean().nullable(),
  satisfied: z.boolean().nullable(),
  scores: z.object({
    overall: z.number().nullable(),
    speed: z.number().nullable(),
    attitude: z.number().nullable(),
  }),
  comment: z.string().nullable(),
  agentId: z.number().nullable(),
  completedAt: nullableTime,
  complaintTicketId: z.number().nullable(),
  version: z.number(),
});
export type CallbackRound = z.infer<typeof callbackRoundSchema>;

/** GET /api/tickets/:id (and every ticket command): the ticket, its SLA, work orders, callbacks, actions. */
export const ticketDetailSchema = ticketSummarySchema.extend({
  description: z.string(),
  attachments: z.array(attachmentSchema),
  answer: z.string().nullable(),
  cancelReason: z.string().nullable(),
  residentRating: residentRatingSchema.nullable(),
  acceptedAt: nullableTime,
  resolvedAt: nullableTime,
  closedAt: nullableTime,
  cancelledAt: nullableTime,
  callbackRule: z.enum(CALLBACK_RULES),
  callbackPolicy: z.enum(CALLBACK_POLICIES),
  allowedActions: z.array(z.enum(TICKET_ACTIONS)),
  sla: ticketSlaSummarySchema.extend({ clocks: z.array(slaClockSchema) }),
  workOrders: z.array(workOrderSchema),
  callbacks: z.array(callbackRoundSchema),
  callback: callbackRoundSchema.nullable(),
  handling: ticketHandlingSchema,
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const ticketEventSchema = z.object({
  id: z.number(),
  at: isoTime,
  actorId: z.number().nullable(),
  source: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.number(),
  before: jsonValue,
  after: jsonValue,
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;
/** The timeline of a ticket, its work orders and callbacks; `people` names the actors and technicians by id. */
export const ticketTimelineSchema = z.object({
  people: z.record(z.string(), z.string()),
  items: z.array(ticketEventSchema),
});

export const ticketCategorySchema = z.object({
  id: z.number(),
  projectId: z.number().nullable(),
  parentId: z.number().nullable(),
  level: z.number(),
  name: z.string(),
  path: z.string(),
  pathIds: z.array(z.number()),
  skill: z.string().nullable(),
  callbackRule: z.enum(CALLBACK_RULES).nullable(),
  defaultPriority: z.enum(TICKET_PRIORITIES).nullable(),
  sortOrder: z.number(),
  active: z.boolean(),
  version: z.number(),
});
export type TicketCategory = z.infer<typeof ticketCategorySchema>;

/** The callback queue (GET /api/callbacks): open rounds with their ticket's headline. */
export const callbackQueueItemSchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  projectId: z.number(),
  round: z.number(),
  status: z.enum(CALLBACK_STATUSES),
  dueAt: isoTime,
  attempts: z.number(),
  ticketNumber: z.string(),
  title: z.string(),
  type: z.enum(TICKET_TYPES),
  contactName: z.string().nullable(),
  /** Masked without pii.view: the 回访 dialog's dial button calls through the server instead. */
  contactPhone: z.string().nullable(),
  unitLabel: z.string().nullable(),
  ticketVersion: z.number(),
});
export type CallbackQueueItem = z.infer<typeof callbackQueueItemSchema>;
export const callbackQueueSchema = page(callbackQueueItemSchema);
