import { z } from 'zod';
import {
  COMPLAINT_CAUSES,
  COMPLAINT_GRADES,
  COMPLAINT_WARNING_RULES,
  REVIEW_STATES,
  SUPERVISION_STATES,
} from '../complaints';
import { DELIVERY_CHANNELS } from '../delivery';
import { TICKET_STATUSES, TICKET_TYPES } from '../tickets';
import { isoTime, nullableTime, page } from './common';

/** A department complaints and tickets are assigned to (工程部, 秩序部 …), with its members (staff ids). */
export const departmentSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  name: z.string(),
  active: z.boolean(),
  sortOrder: z.number(),
  /** The person who answers for the department when a ticket names no one (部门负责人). */
  leaderId: z.number().nullable(),
  memberIds: z.array(z.number()),
  members: z.array(z.object({ id: z.number(), name: z.string() })),
  createdAt: isoTime,
  updatedAt: isoTime,
  version: z.number(),
});
export type Department = z.infer<typeof departmentSchema>;
export const departmentListSchema = z.object({ items: z.array(departmentSchema) });

/** Q54: a progress reply to the resident, logged with the channel it went by. */
export const complaintReplySchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  body: z.string(),
  authorId: z.number().nullable(),
  authorName: z.string().nullable(),
  /** The resident's channel it was sent by; null when there was nobody to send it to (told by phone). */
  channel: z.enum(DELIVERY_CHANNELS).nullable(),
  deliveryId: z.number().nullable(),
  createdAt: isoTime,
});
export type ComplaintReply = z.infer<typeof complaintReplySchema>;
export const complaintReplyListSchema = z.object({ items: z.array(complaintReplySchema) });

/** 督办: a supervisor's deadline on a ticket, on the responsible person's list with a banner. */
export const supervisionSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  ticketId: z.number(),
  ticketNumber: z.string(),
  ticketTitle: z.string(),
  ticketType: z.enum(TICKET_TYPES),
  ticketStatus: z.enum(TICKET_STATUSES),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  departmentId: z.number().nullable(),
  deadline: isoTime,
  note: z.string(),
  state: z.enum(SUPERVISION_STATES),
  /** Escalation level reached after the deadline: 0 none, 1 班长, 2 主管, 3 项目经理. */
  level: z.number(),
  overdue: z.boolean(),
  createdById: z.number().nullable(),
  createdByName: z.string().nullable(),
  createdAt: isoTime,
  closedAt: nullableTime,
});
export type Supervision = z.infer<typeof supervisionSchema>;
export const supervisionPageSchema = page(supervisionSchema);

/** One row of the 投诉台账. */
export const complaintLedgerItemSchema = z.object({
  id: z.number(),
  number: z.string(),
  projectId: z.number(),
  title: z.string(),
  status: z.enum(TICKET_STATUSES),
  grade: z.enum(COMPLAINT_GRADES).nullable(),
  cause: z.enum(COMPLAINT_CAUSES).nullable(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  unitLabel: z.string().nullable(),
  buildingId: z.number().nullable(),
  contactName: z.string().nullable(),
  createdAt: isoTime,
  /** Whole hours since it was logged (to its close, once closed). */
  ageHours: z.number(),
  /** Q53: the reply time promised to the resident; the first reply actually given. */
  promisedReplyAt: nullableTime,
  firstReplyAt: nullableTime,
  /** Q50: the reply deadline of the SLA clock. */
  replyDueAt: nullableTime,
  overdue: z.boolean(),
  reviewState: z.enum(REVIEW_STATES).nullable(),
  result: z.string().nullable(),
  /** The last callback's verdict (null: not called back yet). */
  satisfied: z.boolean().nullable(),
  supervised: z.boolean(),
  overdueCause: z.string().nullable(),
  closedAt: nullableTime,
  version: z.number(),
});
export type ComplaintLedgerItem = z.infer<typeof complaintLedgerItemSchema>;
export const complaintPageSchema = page(complaintLedgerItemSchema);

/** 今日投诉盘点: new today, still open, overdue — each row carries its owner. */
export const complaintTodaySchema = z.object({
  day: z.string(),
  new: z.array(complaintLedgerItemSchema),
  open: z.array(complaintLedgerItemSchema),
  overdue: z.array(complaintLedgerItemSchema),
});
export type ComplaintToday = z.infer<typeof complaintTodaySchema>;

/** 周超期分析: complaints that ran past their reply deadline in the week, with the owner's cause. */
export const complaintOverdueWeekSchema = z.object({
  from: isoTime,
  to: isoTime,
  items: z.array(complaintLedgerItemSchema),
  byCause: z.array(z.object({ cause: z.string(), count: z.number() })),
  byDepartment: z.array(z.object({ departmentName: z.string(), count: z.number() })),
});
export type ComplaintOverdueWeek = z.infer<typeof complaintOverdueWeekSchema>;

/** 投诉预警 raised by the rules (complaints/rules/warnings.ts). */
export const complaintWarningSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  rule: z.enum(COMPLAINT_WARNING_RULES),
  cause: z.string().nullable(),
  buildingId: z.number().nullable(),
  buildingName: z.string().nullable(),
  count: z.number(),
  previousCount: z.number().nullable(),
  windowStart: isoTime,
  windowEnd: isoTime,
  message: z.string(),
  active: z.boolean(),
  createdAt: isoTime,
});
export type ComplaintWarning = z.infer<typeof complaintWarningSchema>;
export const complaintWarningListSchema = z.object({ items: z.array(complaintWarningSchema) });

/** GET /api/complaints/summary: the figures of the supervisor's home cards. */
export const complaintSummarySchema = z.object({
  open: z.number(),
  overdue: z.number(),
  supervised: z.number(),
  supervisedOverdue: z.number(),
  today: z.object({ new: z.number(), open: z.number(), overdue: z.number() }),
  warnings: z.number(),
});
export type ComplaintSummary = z.infer<typeof complaintSummarySchema>;

/** The handling block of a ticket's detail view: who answers for it, replies, review, 督办. */
export const ticketHandlingSchema = z.object({
  departmentName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  handlingResult: z.string().nullable(),
  reviewNote: z.string().nullable(),
  promisedReplyAt: nullableTime,
  firstReplyAt: nullableTime,
  overdueCause: z.string().nullable(),
  supervision: supervisionSchema.nullable(),
  replies: z.array(complaintReplySchema),
});
export type TicketHandling = z.infer<typeof ticketHandlingSchema>;
