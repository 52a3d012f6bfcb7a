/** Answers of the resident portal (/api/portal/*) and of the desk's binding queue. */
import { z } from 'zod';
import { RESIDENT_RELATIONS } from '../estate';
import { NOTICE_TYPES } from '../notices';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../tickets';
import { isoDate, isoTime, nullableTime, page } from './common';
import { INCIDENT_KINDS } from './incidents';
import { attachmentSchema, residentRatingSchema } from './tickets';

export const portalCodeSentSchema = z.object({ sent: z.boolean() });
export const portalSessionSchema = z.object({ token: z.string(), expiresAt: isoTime });

export const portalMeSchema = z.object({
  phone: z.string(),
  company: z.object({ code: z.string().nullable(), name: z.string() }),
  /** The estate's zone: portal times read as on the estate's clocks. */
  timezone: z.string(),
  residents: z.array(z.object({ id: z.number(), projectId: z.number(), name: z.string() })),
  units: z.array(
    z.object({
      id: z.number(),
      projectId: z.number(),
      label: z.string(),
      relation: z.enum(RESIDENT_RELATIONS),
    }),
  ),
});
export type PortalMe = z.infer<typeof portalMeSchema>;

/** A resident's own ticket: no staff names, no internal notes. */
export const portalTicketSchema = z.object({
  id: z.number(),
  number: z.string(),
  type: z.enum(TICKET_TYPES),
  status: z.enum(TICKET_STATUSES),
  title: z.string(),
  description: z.string(),
  unitId: z.number().nullable(),
  unitLabel: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  /** 急 when the resident (or the desk) marked it urgent; 预约 with a preferred window. */
  priority: z.enum(TICKET_PRIORITIES),
  appointmentAt: nullableTime,
  /** End of the preferred window (appointmentAt is its start). */
  appointmentUntil: nullableTime,
  rating: residentRatingSchema.nullable(),
  createdAt: isoTime,
  resolvedAt: nullableTime,
  closedAt: nullableTime,
});
export const portalTicketPageSchema = page(portalTicketSchema);
/** With the steps the resident may see (status changes, urges, ratings: action and time only). */
export const portalTicketDetailSchema = portalTicketSchema.extend({
  categoryPath: z.string().nullable(),
  /** Who is coming: the technician of the current work order, once dispatched. */
  technicianName: z.string().nullable(),
  /** While he is on the way: the arrive target of the work order's SLA clock (or the window's end). */
  expectedArrivalAt: nullableTime,
  /** The service centre's number for the call button. */
  servicePhone: z.string().nullable(),
  urgeCount: z.number(),
  timeline: z.array(
    z.object({ at: isoTime, action: z.string(), status: z.string().nullable(), byResident: z.boolean() }),
  ),
});
export type PortalTicket = z.infer<typeof portalTicketSchema> &
  Partial<z.infer<typeof portalTicketDetailSchema>>;
export const portalUrgedSchema = z.object({ urgeCount: z.number() });

export const portalNoticeSchema = z.object({
  id: z.number(),
  type: z.enum(NOTICE_TYPES),
  title: z.string(),
  body: z.string(),
  urgent: z.boolean(),
  publishedAt: nullableTime,
  expiresAt: isoTime,
  read: z.boolean(),
});
export type PortalNotice = z.infer<typeof portalNoticeSchema>;
export const portalNoticePageSchema = page(portalNoticeSchema).extend({ unread: z.number() });
export const portalNoticeReadSchema = z.object({ read: z.boolean() });
export const portalSubscriptionsSchema = z.object({ optOut: z.array(z.enum(NOTICE_TYPES)) });

/** An ongoing incident at one of my units, its text for residents filled in. */
export const portalIncidentSchema = z.object({
  id: z.number(),
  kind: z.enum(INCIDENT_KINDS),
  title: z.string(),
  emergency: z.boolean(),
  unitLabel: z.string(),
  text: z.string(),
  startsAt: isoTime,
  expectedEndAt: nullableTime,
  /** The portal shows times where the estate is, whatever the phone's own zone. */
  timezone: z.string(),
});
export type PortalIncident = z.infer<typeof portalIncidentSchema>;
export const portalIncidentPageSchema = page(portalIncidentSchema);

/** One level of the unit picker: projects, a project's buildings or a building's units. */
export const portalEstateLevelSchema = page(z.object({ id: z.number(), name: z.string() }));

export const BINDING_KINDS = ['bind', 'member', 'removal'] as const;
export const BINDING_STATUSES = ['待审核', '已通过', '已驳回'] as const;

/** A binding, household or removal request; phones masked for desk staff without pii.view. */
export const portalBindingSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  unitId: z.number(),
  unitLabel: z.string().nullable(),
  kind: z.enum(BINDING_KINDS),
  status: z.enum(BINDING_STATUSES),
  name: z.string(),
  phone: z.string(),
  requesterPhone: z.string(),
  relation: z.enum(RESIDENT_RELATIONS),
  leaseEndsOn: isoDate.nullable(),
  targetResidentId: z.number().nullable(),
  note: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  rejectReason: z.string().nullable(),
  residentId: z.number().nullable(),
  decidedAt: nullableTime,
  createdAt: isoTime,
  version: z.number(),
});
export type PortalBinding = z.infer<typeof portalBindingSchema>;
export const portalBindingPageSchema = page(portalBindingSchema);

/** Everyone linked to the units I own, phones half-hidden. */
export const householdMemberSchema = z.object({
  unitId: z.number(),
  unitLabel: z.string(),
  residentId: z.number(),
  name: z.string(),
  relation: z.enum(RESIDENT_RELATIONS),
  leaseEndsOn: isoDate.nullable(),
  phone: z.string().nullable(),
  me: z.boolean(),
});
export type HouseholdMember = z.infer<typeof householdMemberSchema>;
export const householdSchema = page(householdMemberSchema);

/** Who the portal belongs to: the company with its logo (a drawn text logo without one) and my 小区. */
export const portalBrandingSchema = z.object({
  company: z.object({
    code: z.string().nullable(),
    name: z.string(),
    logoUrl: z.string(),
    generatedLogo: z.boolean(),
  }),
  projects: z.array(z.object({ id: z.number(), name: z.string(), servicePhone: z.string().nullable() })),
});
export type PortalBranding = z.infer<typeof portalBrandingSchema>;

/** What the report form offers for one of my units: categories (most used first), windows, urgent words. */
export const portalReportFormSchema = z.object({
  projectId: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      parentId: z.number().nullable(),
      level: z.number(),
      name: z.string(),
      pathNames: z.string(),
      /** Default priority 急: choosing it suggests marking the report urgent. */
      urgent: z.boolean(),
      /** Tickets of this project in the category: the order of the "common" row. */
      uses: z.number(),
    }),
  ),
  /** Ids of the most reported problems here, most used first. */
  common: z.array(z.number()),
  urgentKeywords: z.array(z.string()),
  appointment: z.object({
    timezone: z.string(),
    windows: z.array(z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string() })),
    /** Days that may be picked (YYYY-MM-DD on the estate's clock), today first. */
    days: z.array(isoDate),
  }),
  servicePhone: z.string().nullable(),
});
export type PortalReportForm = z.infer<typeof portalReportFormSchema>;
