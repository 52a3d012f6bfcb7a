import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';
import { tickets } from '../tickets/schema';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const ids = (name: string) => bigint(name, { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`);

export const INCIDENT_KINDS = ['停水', '停电', '停气', '电梯停运', '网络电视', '施工', '其他'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_STATUSES = ['进行中', '已恢复', '已取消'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * An outage or mass event (停水停电…). Empty building and unit lists = the whole project. Residents
 * in scope are told at creation; Q60 asks emergencies to reach them within 10 minutes.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<IncidentKind>().notNull(),
    emergency: boolean('emergency').notNull(),
    /** 计划停水/停电: announced ahead and reminded before it starts (jobs in planned-outage.ts). */
    planned: boolean('planned').notNull().default(false),
    /** {原因} in the residents' text. */
    reason: text('reason'),
    title: text('title').notNull(),
    buildingIds: ids('building_ids'),
    unitIds: ids('unit_ids'),
    /** Ticket categories the incident explains (a water outage: 水); empty = any category. */
    categoryIds: ids('category_ids'),
    startsAt: at('starts_at').notNull(),
    expectedEndAt: at('expected_end_at'),
    /** What residents are told (a template: {{resident.name}}, {{unit.label}}, {{incident.until}}). */
    residentText: text('resident_text').notNull(),
    /** What agents say on the phone (condo's "text for residents" shown to agents). */
    agentScript: text('agent_script').notNull().default(''),
    status: text('status').$type<IncidentStatus>().notNull().default('进行中'),
    resolvedAt: at('resolved_at'),
    /** A planned outage called off: pending announcements and reminders are cancelled with it. */
    cancelledAt: at('cancelled_at'),
    /** When residents were (or are scheduled to be) first told; null while nothing was queued. */
    announcedAt: at('announced_at'),
    resolutionNote: text('resolution_note'),
    /** Q60 target copied at creation (emergencies only), so a later settings change does not rewrite history. */
    notifyTargetMinutes: integer('notify_target_minutes'),
    recipientCount: integer('recipient_count').notNull().default(0),
    firstDeliveryAt: at('first_delivery_at'),
    /** Created → first delivery took longer than the target, or nothing went out in time. */
    notifyBreached: boolean('notify_breached').notNull().default(false),
    createdById: ref('created_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('incidents_project_status_idx').on(t.projectId, t.status, t.id),
    index('incidents_project_id_idx').on(t.projectId, t.id),
  ],
);
export type IncidentRow = typeof incidents.$inferSelect;

/** Tickets explained by an incident: attached in bulk, moved toward callback when it is resolved. */
export const incidentTickets = pgTable(
  'incident_tickets',
  {
    incidentId: ref('incident_id')
      .notNull()
      .references(() => incidents.id),
    ticketId: ref('ticket_id')
      .notNull()
      .references(() => tickets.id),
    projectId: ref('project_id').notNull(),
    linkedById: ref('linked_by_id'),
    linkedAt: at('linked_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.ticketId] }),
    index('incident_tickets_ticket_idx').on(t.ticketId),
  ],
);
