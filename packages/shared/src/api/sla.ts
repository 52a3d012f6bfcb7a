import { z } from 'zod';
import {
  CALLBACK_POLICIES,
  NOTIFICATION_KINDS,
  SLA_CLOCK_KINDS,
  TICKET_PRIORITIES,
  TICKET_TYPES,
} from '../tickets';
import { isoTime, itemsOf, nullableTime, page } from './common';
import { periodSchema } from './estate';

/** One clock's target: minutes or business days, on the project's calendar or wall time. */
export const slaTargetSchema = z.object({
  calendar: z.enum(['business', '24x7']),
  minutes: z.number().optional(),
  businessDays: z.number().optional(),
  /** An agreed appointment is the deadline instead. */
  appointmentOverrides: z.boolean().optional(),
});
export type SlaTarget = z.infer<typeof slaTargetSchema>;
export const slaTargetsSchema = z.partialRecord(z.enum(SLA_CLOCK_KINDS), slaTargetSchema);
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

/** A policy row; null match fields match anything. */
export const slaPolicySchema = z.object({
  id: z.number(),
  companyId: z.number(),
  projectId: z.number().nullable(),
  name: z.string(),
  ticketType: z.enum(TICKET_TYPES).nullable(),
  categoryId: z.number().nullable(),
  priority: z.enum(TICKET_PRIORITIES).nullable(),
  calendarId: z.number().nullable(),
  targets: slaTargetsSchema,
  callbackPolicy: z.enum(CALLBACK_POLICIES).nullable(),
  active: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version: z.number(),
});

/** A product default (negative id), with the settings and Q-ids its values come from; read-only. */
export const defaultSlaPolicySchema = z.object({
  id: z.number(),
  projectId: z.number().nullable(),
  name: z.string().optional(),
  ticketType: z.enum(TICKET_TYPES).nullable(),
  categoryId: z.number().nullable(),
  priority: z.enum(TICKET_PRIORITIES).nullable(),
  targets: slaTargetsSchema,
  callbackPolicy: z.enum(CALLBACK_POLICIES).optional(),
  builtin: z.boolean(),
  settings: z.array(z.string()).optional(),
  qids: z.array(z.string()).optional(),
});

/** The console edits both kinds in one table; the defaults lack the row's bookkeeping fields. */
export type SlaPolicy = Partial<z.infer<typeof slaPolicySchema>> &
  Omit<z.infer<typeof defaultSlaPolicySchema>, 'builtin' | 'callbackPolicy'> & {
    builtin?: boolean;
    callbackPolicy?: z.infer<typeof slaPolicySchema>['callbackPolicy'];
  };
export const slaPolicyListSchema = z.object({
  items: z.array(slaPolicySchema),
  defaults: z.array(defaultSlaPolicySchema),
});

export const slaCalendarSchema = z.object({
  id: z.number(),
  companyId: z.number(),
  projectId: z.number().nullable(),
  name: z.string(),
  timezone: z.string(),
  always: z.boolean(),
  weekdays: z.array(z.array(periodSchema)),
  holidays: z.array(z.string()),
  extraWorkdays: z.array(z.string()),
  isDefault: z.boolean(),
  standardDayMinutes: z.number(),
  version: z.number(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type SlaCalendar = z.infer<typeof slaCalendarSchema>;
export const slaCalendarListSchema = itemsOf(slaCalendarSchema);

export const notificationSchema = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  level: z.number(),
  title: z.string(),
  body: z.string(),
  projectId: z.number().nullable(),
  ticketId: z.number().nullable(),
  workOrderId: z.number().nullable(),
  createdAt: isoTime,
  readAt: nullableTime,
});
export type NotificationItem = z.infer<typeof notificationSchema>;
/** A page of the user's notifications and how many are unread in all. */
export const notificationPageSchema = page(notificationSchema).extend({ unread: z.number() });
export const notificationsMarkedSchema = z.object({ ok: z.boolean(), marked: z.number() });

const minutesSpread = z.object({ median: z.number().nullable(), p90: z.number().nullable() });
export const slaReportGroupSchema = z.object({
  type: z.string(),
  category: z.string(),
  total: z.number(),
  met: z.number(),
  breached: z.number(),
  open: z.number(),
  arriveMinutes: minutesSpread,
  fixMinutes: minutesSpread,
  callbacks: z.object({ due: z.number(), onTime: z.number(), onTimeRate: z.number().nullable() }),
  satisfaction: z.object({ average: z.number().nullable(), satisfiedRate: z.number().nullable() }),
});
export type SlaReportGroup = z.infer<typeof slaReportGroupSchema>;
export const slaReportSchema = z.object({
  projectId: z.number(),
  from: isoTime,
  to: isoTime,
  totals: z.object({
    total: z.number(),
    met: z.number(),
    breached: z.number(),
    open: z.number(),
    callbacksDue: z.number(),
    callbacksOnTime: z.number(),
  }),
  groups: z.array(slaReportGroupSchema),
});
export type SlaReport = z.infer<typeof slaReportSchema>;
