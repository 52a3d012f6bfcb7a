import { date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { ref } from '../../platform/db/columns';

/**
 * Per project, settled local day, metric and dimension: how many records (tickets by channel, by type;
 * inbound calls answered/abandoned). The daily charts read these for days older than two days instead
 * of grouping a year of tickets on every request; the nightly job (jobs.ts) writes them.
 */
export const analyticsDayCounts = pgTable(
  'analytics_day_counts',
  {
    projectId: ref('project_id').notNull(),
    metric: text('metric').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    dim: text('dim').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.metric, t.day, t.dim] })],
);

/** The last local day rolled up per project: days up to it are read from analytics_day_counts. */
export const analyticsRollupMarks = pgTable('analytics_rollup_marks', {
  projectId: ref('project_id').primaryKey(),
  through: date('through', { mode: 'string' }).notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull(),
});
