import type { DispatchMode } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema';
import { createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';

/** On/off duty and the open-order cap (HC 小区); a technician without a row is off duty. */
export const technicianStatus = pgTable('technician_status', {
  userId: ref('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  companyId: ref('company_id').notNull(),
  onDuty: boolean('on_duty').notNull().default(false),
  /** null = the project's dispatch.openCap setting. */
  openCap: integer('open_cap'),
  lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true, mode: 'date' }),
  updatedAt: updatedAt(),
  version: version(),
});

/** Dispatch mode per project × category (null = any); the most specific rule wins. */
export const dispatchRules = pgTable(
  'dispatch_rules',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id'),
    categoryId: ref('category_id'),
    mode: text('mode').$type<DispatchMode>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('dispatch_rules_uq').on(
      t.companyId,
      sql`coalesce(${t.projectId}, 0)`,
      sql`coalesce(${t.categoryId}, 0)`,
    ),
  ],
);
