import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { tickets } from '../tickets/schema';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const CALLBACK_STATUSES = ['待回访', '已完成', '已取消'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** One callback task per time the ticket reaches 待回访 (a reopened ticket gets a new round). */
export const callbacks = pgTable(
  'callbacks',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    ticketId: ref('ticket_id')
      .notNull()
      .references(() => tickets.id),
    /** The ticket's created_at, copied (it never changes): dashboards count a window's callbacks without the join. */
    ticketCreatedAt: at('ticket_created_at').notNull(),
    round: integer('round').notNull(),
    status: text('status').$type<CallbackStatus>().notNull().default('待回访'),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: at('last_attempt_at'),
    reached: boolean('reached'),
    satisfied: boolean('satisfied'),
    /** 1–5: overall, arrival speed, attitude (HC 小区's three-part rating). */
    scoreOverall: integer('score_overall'),
    scoreSpeed: integer('score_speed'),
    scoreAttitude: integer('score_attitude'),
    comment: text('comment'),
    agentId: ref('agent_id'),
    completedAt: at('completed_at'),
    /** The 投诉 raised when the resident was not satisfied ("如不满意按投诉处理"). */
    complaintTicketId: ref('complaint_ticket_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('callbacks_ticket_round_uq').on(t.ticketId, t.round),
    index('callbacks_project_status_idx').on(t.projectId, t.status, t.dueAt),
    // The analytics window's callbacks, counted from the index alone.
    index('callbacks_project_ticket_created_idx').on(t.projectId, t.ticketCreatedAt, t.status, t.satisfied),
  ],
);
