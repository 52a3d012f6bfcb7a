import type { NonconformanceType, RectificationSource, RectificationState } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { departments } from '../complaints/schema';
import { buildings, projects, units } from '../org/schema';

/** 整改单 (see RECTIFICATION_SOURCES): the source module keeps what found it, this row keeps the fix. */
export const rectifications = pgTable(
  'rectifications',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    sourceType: text('source_type').$type<RectificationSource>().notNull(),
    /** The source's own record (inspection, survey campaign, decoration case, move-in case); no FK. */
    sourceId: ref('source_id'),
    /** The source's line (a finding, a dimension, a defect), when it has one. */
    sourceItemId: ref('source_item_id'),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    location: text('location'),
    buildingId: ref('building_id').references(() => buildings.id),
    unitId: ref('unit_id').references(() => units.id),
    ncType: text('nc_type').$type<NonconformanceType>(),
    /** Who must fix it: a department, a person, or both. */
    departmentId: ref('department_id').references(() => departments.id),
    ownerId: ref('owner_id').references(() => users.id),
    /** Who re-checks the fix (the inspector, by default the one who opened it). */
    checkerId: ref('checker_id').references(() => users.id),
    findingPhotoIds: jsonb('finding_photo_ids').$type<number[]>().notNull().default([]),
    state: text('state').$type<RectificationState>().notNull().default('open'),
    deadline: at('deadline').notNull(),
    /** 1 for the first fix; each failed re-check starts the next round with a new deadline. */
    round: integer('round').notNull().default(1),
    submittedAt: at('submitted_at'),
    closedAt: at('closed_at'),
    /** Set when the overdue escalation fired for the current round, so it fires once per round. */
    escalatedAt: at('escalated_at'),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('rectifications_project_state_idx').on(t.projectId, t.state, t.deadline),
    index('rectifications_source_idx').on(t.sourceType, t.sourceId),
    index('rectifications_department_idx').on(t.departmentId, t.state),
    index('rectifications_owner_idx').on(t.ownerId, t.state),
    index('rectifications_overdue_idx').on(t.deadline).where(sql`state = 'open' and escalated_at is null`),
  ],
);
export type RectificationRow = typeof rectifications.$inferSelect;

/** Each fix submitted and each re-check, in order: the rectification's history. */
export const rectificationRounds = pgTable(
  'rectification_rounds',
  {
    id: id(),
    rectificationId: ref('rectification_id')
      .notNull()
      .references(() => rectifications.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    kind: text('kind').$type<'submit' | 'pass' | 'fail'>().notNull(),
    note: text('note').notNull().default(''),
    photoIds: jsonb('photo_ids').$type<number[]>().notNull().default([]),
    byId: ref('by_id').references(() => users.id),
    /** A failed re-check's new deadline. */
    newDeadline: at('new_deadline'),
    createdAt: createdAt(),
  },
  (t) => [index('rectification_rounds_idx').on(t.rectificationId, t.id)],
);
