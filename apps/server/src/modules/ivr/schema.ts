import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';
import type { IvrFlow } from './rules/flow';
import type { IvrState } from './rules/interpret';

/** One flow per project, seeded with the default flow on first use. */
export const ivrFlows = pgTable('ivr_flows', {
  projectId: ref('project_id')
    .primaryKey()
    .references(() => projects.id),
  companyId: ref('company_id').notNull(),
  flow: jsonb('flow').$type<IvrFlow>().notNull(),
  updatedById: ref('updated_by_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

/** A call's position in the flow between two step requests of the PBX bridge. */
export const ivrSessions = pgTable(
  'ivr_sessions',
  {
    id: id(),
    projectId: ref('project_id').notNull(),
    callId: text('call_id').notNull(),
    fromNumber: text('from_number').notNull(),
    state: jsonb('state').$type<IvrState>().notNull(),
    done: boolean('done').notNull().default(false),
    /** Steps taken; 0 = the call has not heard anything yet. */
    steps: integer('steps').notNull().default(0),
    /**
     * The step in progress holds the call (call-lock.ts): who, and until when if its node died.
     * A lease rather than a held row lock because a step's effects write in transactions of their own.
     */
    lockOwner: uuid('lock_owner'),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('ivr_sessions_project_call_uq').on(t.projectId, t.callId)],
);
