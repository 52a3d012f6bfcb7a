import { jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt, version } from '../db/columns';

/** Overrides only: the product default lives in code beside its Q-id. */
export const settings = pgTable(
  'settings',
  {
    id: id(),
    scope: text('scope').$type<'company' | 'project'>().notNull(),
    scopeId: ref('scope_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('settings_scope_key_uq').on(t.scope, t.scopeId, t.key)],
);
