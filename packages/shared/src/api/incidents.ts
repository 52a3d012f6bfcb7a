import { z } from 'zod';
import { TICKET_STATUSES, TICKET_TYPES } from '../tickets';
import { isoDate, isoTime, nullableTime, page } from './common';

export const INCIDENT_KINDS = ['停水', '停电', '停气', '电梯停运', '网络电视', '施工', '其他'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_STATUSES = ['进行中', '已恢复', '已取消'] as const;
export const INCIDENT_NOTIFY_STATES = ['met', 'breached', 'pending', 'overdue'] as const;
export type NotifyState = (typeof INCIDENT_NOTIFY_STATES)[number];

/** An outage or mass event; empty building and unit lists = the whole project. */
export const incidentSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  kind: z.enum(INCIDENT_KINDS),
  emergency: z.boolean(),
  planned: z.boolean(),
  title: z.string(),
  reason: z.string().nullable(),
  buildingIds: z.array(z.number()),
  unitIds: z.array(z.number()),
  categoryIds: z.array(z.number()),
  startsAt: isoTime,
  expectedEndAt: nullableTime,
  residentText: z.string(),
  agentScript: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  resolvedAt: nullableTime,
  cancelledAt: nullableTime,
  announcedAt: nullableTime,
  resolutionNote: z.string().nullable(),
  notifyTargetMinutes: z.number().nullable(),
  recipientCount: z.number(),
  firstDeliveryAt: nullableTime,
  firstDeliveryMinutes: z.number().nullable(),
  notifyBreached: z.boolean(),
  notifyState: z.enum(INCIDENT_NOTIFY_STATES).nullable(),
  /** Counted on the single-incident answers; null in lists. */
  linkedTickets: z.number().nullable(),
  createdById: z.number().nullable(),
  createdAt: isoTime,
  version: z.number(),
});
export type Incident = z.infer<typeof incidentSchema>;
export const incidentPageSchema = page(incidentSchema);

/** POST /api/incidents/:id/resolve: the incident, whether residents were told, and each linked ticket's outcome. */
export const incidentResolvedSchema = incidentSchema.extend({
  notified: z.number(),
  tickets: z.array(
    z.object({
      ticketId: z.number(),
      outcome: z.enum(['resolved', 'unchanged', 'error']),
      status: z.string().optional(),
      error: z.string().optional(),
    }),
  ),
});

export const incidentLinkResultSchema = z.object({
  linked: z.array(z.number()),
  alreadyLinked: z.array(z.number()),
});

export const incidentTicketSchema = z.object({
  id: z.number(),
  number: z.string(),
  type: z.enum(TICKET_TYPES),
  status: z.enum(TICKET_STATUSES),
  title: z.string(),
  unitId: z.number().nullable(),
  residentId: z.number().nullable(),
  createdAt: isoTime,
  linkedAt: nullableTime,
  version: z.number(),
});
export const incidentTicketPageSchema = page(incidentTicketSchema);

export const incidentReportSchema = z.object({
  from: isoDate,
  to: isoDate,
  restored: z.number(),
  items: z.array(
    z.object({
      projectId: z.number(),
      emergency: z.boolean(),
      total: z.number(),
      notified: z.number(),
      breached: z.number(),
      metTarget: z.number().nullable(),
      avgFirstDeliveryMinutes: z.number().nullable(),
    }),
  ),
});
