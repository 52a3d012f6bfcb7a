import type { MoveInState, MoveInStep } from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects, units } from '../org/schema';
import { rectifications } from '../rectifications/schema';

export interface MoveInStepRecord {
  doneAt: string;
  items: string[];
  readings: { meter: string; reading: number }[];
  note: string;
  byId: number | null;
}

/** 入住办理 (W-13): one checklist case per unit (a cancelled one may be followed by a new one). */
export const moveIns = pgTable(
  'move_ins',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    ownerName: text('owner_name').notNull(),
    ownerPhone: text('owner_phone').notNull(),
    delegateName: text('delegate_name').notNull().default(''),
    note: text('note').notNull().default(''),
    state: text('state').$type<MoveInState>().notNull().default('open'),
    steps: jsonb('steps').$type<Partial<Record<MoveInStep, MoveInStepRecord>>>().notNull().default({}),
    completedAt: at('completed_at'),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('move_ins_unit_uq').on(t.unitId).where(sql`state <> 'cancelled'`),
    index('move_ins_project_idx').on(t.projectId, t.state),
  ],
);
export type MoveInRow = typeof moveIns.$inferSelect;

/** A joint-inspection defect labelled "此处需维修": its 整改单 and the Q41 replies to the owner. */
export const moveInDefects = pgTable(
  'move_in_defects',
  {
    id: id(),
    moveInId: ref('move_in_id')
      .notNull()
      .references(() => moveIns.id, { onDelete: 'cascade' }),
    projectId: ref('project_id').notNull(),
    location: text('location').notNull(),
    description: text('description').notNull(),
    rectificationId: ref('rectification_id')
      .notNull()
      .references(() => rectifications.id),
    /** A long fix (beyond the Q41 threshold): weekly progress reports until done. */
    long: boolean('long').notNull().default(false),
    fixedAt: at('fixed_at'),
    replyDueAt: at('reply_due_at'),
    repliedAt: at('replied_at'),
    lastProgressAt: at('last_progress_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('move_in_defects_case_idx').on(t.moveInId),
    index('move_in_defects_pending_idx').on(t.projectId).where(sql`replied_at is null`),
  ],
);
export type MoveInDefectRow = typeof moveInDefects.$inferSelect;
