import { bigint, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { ref } from '../../platform/db/columns';

/** [bucket, count, sum of minutes] per histogram bucket (rules/histogram.ts). */
export type HistogramCells = [number, number, number][];

/** A rollup row covers a local day, or a whole month (merged from its days). */
export type RollupSpan = 'day' | 'month';

/**
 * The SLA report's figures per project, local day (or month) of creation, type and category, for
 * days that have settled (two days old): a year's report adds up twelve months of these instead of
 * re-reading a million tickets and their clocks. Durations are histograms, so percentiles merge.
 */
export const slaReportDays = pgTable(
  'sla_report_days',
  {
    projectId: ref('project_id').notNull(),
    span: text('span').$type<RollupSpan>().notNull(),
    /** The day, or the first day of the month. */
    day: date('day', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    category: text('category').notNull(),
    total: integer('total').notNull(),
    met: integer('met').notNull(),
    breached: integer('breached').notNull(),
    open: integer('open').notNull(),
    callbacksDue: integer('callbacks_due').notNull(),
    callbacksOnTime: integer('callbacks_on_time').notNull(),
    scoreSum: bigint('score_sum', { mode: 'number' }).notNull(),
    scoreCount: integer('score_count').notNull(),
    satisfied: integer('satisfied').notNull(),
    rated: integer('rated').notNull(),
    arrive: jsonb('arrive').$type<HistogramCells>().notNull(),
    fix: jsonb('fix').$type<HistogramCells>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.span, t.day, t.type, t.category] })],
);

/**
 * Which days and months are rolled up, and whether a write changed them since: a write to a ticket
 * older than a few days bumps `version` of its day and month; a rollup is fresh while
 * `computedVersion` equals it.
 */
export const slaReportDayMarks = pgTable(
  'sla_report_day_marks',
  {
    projectId: ref('project_id').notNull(),
    span: text('span').$type<RollupSpan>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    computedVersion: integer('computed_version'),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.span, t.day] })],
);
