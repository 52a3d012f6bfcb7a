import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id, ref } from '../db/columns';

export const EVENT_SOURCES = ['user', 'rule', 'job', 'api', 'channel', 'system'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** Append-only: the audit log, timelines, metrics and live updates all read this one table. */
export const events = pgTable(
  'events',
  {
    id: id(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    companyId: ref('company_id'),
    projectId: ref('project_id'),
    actorId: ref('actor_id'),
    source: text('source').$type<EventSource>().notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('events_entity_idx').on(t.entityType, t.entityId, t.id),
    index('events_project_idx').on(t.projectId, t.id),
    index('events_actor_idx').on(t.actorId, t.id),
  ],
);
