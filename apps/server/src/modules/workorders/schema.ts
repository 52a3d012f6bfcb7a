import type { DispatchMode, HandoffReason, TicketPriority, WorkOrderStatus } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';
import { ticketCategories, tickets } from '../tickets/schema';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A material used on the job; the requisition cites the work-order number (W-25). */
export { HANDOFF_REASONS, type HandoffReason } from '@guanjia/shared';

export interface MaterialLine {
  item: string;
  qty: number;
  unit?: string | null;
  unitPrice?: number | null;
}

/** One stretch in 挂起 (ISO instants); `to` null while still paused. */
export interface PauseSpan {
  from: string;
  to: string | null;
  reason: string;
}

export const workOrders = pgTable(
  'work_orders',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    ticketId: ref('ticket_id')
      .notNull()
      .references(() => tickets.id),
    number: text('number').notNull(),
    status: text('status').$type<WorkOrderStatus>().notNull(),
    categoryId: ref('category_id').references(() => ticketCategories.id),
    /** Needed skill (from the category unless the dispatcher says otherwise); null = anyone. */
    skill: text('skill'),
    dispatchMode: text('dispatch_mode').$type<DispatchMode>().notNull(),
    priority: text('priority').$type<TicketPriority>().notNull(),
    appointmentAt: at('appointment_at'),
    /** End of the preferred visit window the resident picked (上午 9–12): appointmentAt is its start. */
    appointmentUntil: at('appointment_until'),
    description: text('description').notNull(),
    /** Department or team for complaint follow-ups (工程部, 安管部…). */
    team: text('team'),
    technicianId: ref('technician_id').references(() => users.id),
    vendorName: text('vendor_name'),
    dispatchedAt: at('dispatched_at'),
    acceptedAt: at('accepted_at'),
    arrivedAt: at('arrived_at'),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
    cancelledAt: at('cancelled_at'),
    pauses: jsonb('pauses').$type<PauseSpan[]>().notNull().default([]),
    returnCount: integer('return_count').notNull().default(0),
    transferCount: integer('transfer_count').notNull().default(0),
    materials: jsonb('materials').$type<MaterialLine[]>().notNull().default([]),
    photosBefore: jsonb('photos_before').$type<string[]>().notNull().default([]),
    photosAfter: jsonb('photos_after').$type<string[]>().notNull().default([]),
    /** Resident signature (attachment id, URL or data URL); waives the butler's on-site check (Q40). */
    signature: text('signature'),
    result: text('result'),
    lastReason: text('last_reason'),
    dispatchDueAt: at('dispatch_due_at'),
    arriveDueAt: at('arrive_due_at'),
    resolveDueAt: at('resolve_due_at'),
    /** Set once the 班长 was told nobody could take it, so the sweep does not repeat it. */
    escalatedAt: at('escalated_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('work_orders_project_number_uq').on(t.projectId, t.number),
    index('work_orders_ticket_idx').on(t.ticketId),
    index('work_orders_technician_idx').on(t.technicianId, t.status),
    // "Tickets of this technician", newest first: read backwards, merged with the tickets key.
    index('work_orders_technician_ticket_idx').on(t.technicianId, t.ticketId),
    index('work_orders_project_status_idx').on(t.projectId, t.status, t.id),
    // The minute sweep retries automatic dispatch of waiting orders across all projects.
    index('work_orders_pending_idx').on(t.id).where(sql`${t.status} = '待派单'`),
    // 人员绩效 counts the orders completed in a window.
    index('work_orders_project_completed_idx').on(t.projectId, t.completedAt),
  ],
);

/**
 * Who held a work order from when to when and why it left: the pool (technicianId null) until
 * dispatched or grabbed, then each technician. Feeds time-in-hand per technician and disputes.
 */
export const workOrderHandoffs = pgTable(
  'work_order_handoffs',
  {
    id: id(),
    workOrderId: ref('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    projectId: ref('project_id').notNull(),
    technicianId: ref('technician_id'),
    fromAt: at('from_at').notNull(),
    toAt: at('to_at'),
    leftReason: text('left_reason').$type<HandoffReason>(),
    note: text('note'),
    byUserId: ref('by_user_id'),
  },
  (t) => [
    index('work_order_handoffs_wo_idx').on(t.workOrderId, t.id),
    index('work_order_handoffs_tech_idx').on(t.technicianId, t.fromAt),
  ],
);
