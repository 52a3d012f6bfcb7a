import type { SlaClockKind, SlaClockState, TicketPriority, TicketType } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, ref, timeZone, updatedAt, version } from '../../platform/db/columns';
import type { CallbackPolicy } from '../tickets/rules/ticket-kinds';
import { tickets } from '../tickets/schema';
import type { BusinessCalendar, WorkPeriod } from './rules/business-calendar';
import type { SlaTarget } from './rules/policy-match';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Working periods per weekday, holidays and 调休 days; a policy names one (or 24×7). */
export const slaCalendars = pgTable(
  'sla_calendars',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    /** null = company-wide. */
    projectId: ref('project_id'),
    name: text('name').notNull(),
    timezone: timeZone('timezone', 'sla_calendars.timezone').notNull().default('Asia/Shanghai'),
    always: boolean('always').notNull().default(false),
    weekdays: jsonb('weekdays').$type<WorkPeriod[][]>().notNull(),
    holidays: text('holidays').array().notNull().default(sql`'{}'::text[]`),
    extraWorkdays: text('extra_workdays').array().notNull().default(sql`'{}'::text[]`),
    /** The calendar 'business' targets use for this project (or the company when projectId is null). */
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('sla_calendars_company_idx').on(t.companyId, t.projectId)],
);

/** A policy row; null match fields match anything. Product defaults come from Q-id settings instead. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id'),
    name: text('name').notNull(),
    ticketType: text('ticket_type').$type<TicketType>(),
    categoryId: ref('category_id'),
    priority: text('priority').$type<TicketPriority>(),
    /** Calendar for 'business' targets; null = the project's default calendar. */
    calendarId: ref('calendar_id'),
    targets: jsonb('targets').$type<Partial<Record<SlaClockKind, SlaTarget>>>().notNull(),
    callbackPolicy: text('callback_policy').$type<CallbackPolicy>(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('sla_policies_company_idx').on(t.companyId, t.projectId)],
);

/**
 * One clock of a ticket ('ticket'), of a work order ('wo:<id>') or of a callback round ('cb:<id>').
 * The calendar and target are snapshotted so a read can show live countdowns without more queries,
 * and a stopped clock keeps the rules it was measured by.
 */
export const slaClocks = pgTable(
  'sla_clocks',
  {
    id: id(),
    ticketId: ref('ticket_id')
      .notNull()
      .references(() => tickets.id),
    projectId: ref('project_id').notNull(),
    subject: text('subject').notNull(),
    workOrderId: ref('work_order_id'),
    kind: text('kind').$type<SlaClockKind>().notNull(),
    policyId: integer('policy_id').notNull(),
    calendar: jsonb('calendar').$type<BusinessCalendar>().notNull(),
    targetMinutes: doublePrecision('target_minutes').notNull(),
    /** The agreed appointment replaced the target (Q32 预约除外). */
    byAppointment: boolean('by_appointment').notNull().default(false),
    /** The ticket's created_at, copied (it never changes): dashboards count a window's clocks without the join. */
    ticketCreatedAt: at('ticket_created_at').notNull(),
    startedAt: at('started_at').notNull(),
    dueAt: at('due_at').notNull(),
    stoppedAt: at('stopped_at'),
    pauses: jsonb('pauses').$type<{ from: string; to: string | null }[]>().notNull().default([]),
    pausedMinutes: doublePrecision('paused_minutes').notNull().default(0),
    /** Business minutes the clock ran (pauses excluded) when it stopped: the report's durations. */
    elapsedMinutes: doublePrecision('elapsed_minutes'),
    state: text('state').$type<SlaClockState>().notNull(),
    warnAt: jsonb('warn_at').$type<string[]>().notNull().default([]),
    /** How many of warnAt have been announced; breachedAt once the breach was. */
    warningsFired: integer('warnings_fired').notNull().default(0),
    breachNotifiedAt: at('breach_notified_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sla_clocks_subject_uq').on(t.ticketId, t.subject, t.kind),
    index('sla_clocks_project_kind_idx').on(t.projectId, t.kind, t.state),
    // The analytics window's clocks, counted from the index alone. A ticket's clocks share its created_at,
    // so in this order they lie together and group per ticket without a hash (service.ts CLOCKED_TICKETS).
    index('sla_clocks_project_ticket_created_idx').on(
      t.projectId,
      t.ticketCreatedAt,
      t.ticketId,
      t.kind,
      t.state,
    ),
  ],
);
