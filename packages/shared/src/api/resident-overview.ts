/** The resident 360 (GET /api/residents/:id/overview): everything the desk knows about one person. */
import { z } from 'zod';
import { DELIVERY_CHANNELS, DELIVERY_SOURCES, DELIVERY_STATUSES } from '../delivery';
import { RESIDENT_RELATIONS } from '../estate';
import { isoTime, nullableTime } from './common';
import { BINDING_KINDS, BINDING_STATUSES } from './portal';
import { residentSchema } from './residents';
import { callSchema } from './telephony';
import { callbackRoundSchema, ticketSummarySchema } from './tickets';

/** One section of the 360: the latest items (at most the section's limit) and how many there are. */
const section = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

export const overviewHouseholdSchema = z.object({
  residentId: z.number(),
  name: z.string(),
  unitId: z.number(),
  unitLabel: z.string(),
  relation: z.enum(RESIDENT_RELATIONS),
  vip: z.boolean(),
});

export const overviewCallbackSchema = callbackRoundSchema.extend({
  ticketId: z.number(),
  ticketNumber: z.string(),
  ticketTitle: z.string(),
});

export const overviewNoticeSchema = z.object({
  id: z.number(),
  sourceType: z.enum(DELIVERY_SOURCES),
  sourceId: z.number().nullable(),
  channel: z.enum(DELIVERY_CHANNELS),
  subject: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  sentAt: nullableTime,
  createdAt: isoTime,
});

export const overviewBindingSchema = z.object({
  id: z.number(),
  kind: z.enum(BINDING_KINDS),
  status: z.enum(BINDING_STATUSES),
  unitId: z.number(),
  unitLabel: z.string().nullable(),
  relation: z.enum(RESIDENT_RELATIONS),
  createdAt: isoTime,
  decidedAt: nullableTime,
});

export const residentNoteSchema = z.object({
  id: z.number(),
  at: isoTime,
  actorName: z.string().nullable(),
  note: z.string(),
});
export type ResidentNote = z.infer<typeof residentNoteSchema>;

export const TIMELINE_KINDS = ['ticket', 'call', 'callback', 'notice', 'binding', 'note'] as const;

/** One line of the 360's timeline; `label` is data (a ticket number and title, a subject), never UI text. */
export const overviewTimelineItemSchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  at: isoTime,
  id: z.number(),
  ticketId: z.number().nullable(),
  label: z.string(),
  detail: z.string().nullable(),
});

export const residentOverviewSchema = z.object({
  resident: residentSchema,
  household: z.array(overviewHouseholdSchema),
  /** The resident's tickets AND their units' (a tenant's burst pipe shows on the owner's call), open first. */
  tickets: section(ticketSummarySchema).extend({ open: z.number() }),
  calls: section(callSchema),
  callbacks: section(overviewCallbackSchema),
  complaints: section(ticketSummarySchema),
  /** Open tickets under 督办 (a supervisor's deadline), soonest deadline first. */
  supervised: section(ticketSummarySchema),
  notices: section(overviewNoticeSchema),
  bindings: section(overviewBindingSchema),
  notes: section(residentNoteSchema),
  timeline: z.array(overviewTimelineItemSchema),
});
export type ResidentOverview = z.infer<typeof residentOverviewSchema>;

export const residentNoteBody = z.object({ note: z.string().trim().min(1).max(2000) });
