import type {
  InspectionMode,
  InspectionState,
  NonconformanceType,
  PlanRecurrence,
  SheetKind,
  SheetScope,
} from '@guanjia/shared';
import type { SheetSection } from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { departments } from '../complaints/schema';
import { projects } from '../org/schema';
import { zones } from '../zones/schema';
import type { SheetScore } from './rules/scoring';

/**
 * 评分表: one row per version. The group's seeded sheet (scope default) is copied to a company or a
 * project and adapted; every edit is a new version, and an inspection keeps the row it was scored on.
 * `code` ties a sheet's versions and copies together.
 */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    scope: text('scope').$type<SheetScope>().notNull(),
    /** The project of a project copy; null for the default and company copies. */
    projectId: ref('project_id').references(() => projects.id),
    code: text('code').notNull(),
    kind: text('kind').$type<SheetKind>().notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sheetVersion: integer('sheet_version').notNull(),
    /** The version new inspections use; older versions stay for the inspections scored on them. */
    current: boolean('current').notNull().default(true),
    /** The sheet this one was copied from (a company copy's default, a project copy's company sheet). */
    parentId: ref('parent_id'),
    sections: jsonb('sections').$type<SheetSection[]>().notNull(),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('score_sheets_lookup_idx').on(t.companyId, t.code, t.scope, t.projectId),
    uniqueIndex('score_sheets_current_uq')
      .on(t.companyId, t.code, t.scope, sql`coalesce(${t.projectId}, 0)`)
      .where(sql`${t.current}`),
  ],
);
export type ScoreSheetRow = typeof scoreSheets.$inferSelect;

/** 检查计划: who inspects which sheet where and when; a recurring plan yields one inspection per day due. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    /** The sheet's code: each inspection takes the version current for the project on its day. */
    sheetCode: text('sheet_code').notNull(),
    inspectorId: ref('inspector_id')
      .notNull()
      .references(() => users.id),
    departmentId: ref('department_id').references(() => departments.id),
    zoneId: ref('zone_id').references(() => zones.id),
    area: text('area').notNull().default(''),
    recurrence: text('recurrence').$type<PlanRecurrence>().notNull(),
    /** 1 = Monday … 7 = Sunday, for weekly plans. */
    weekday: integer('weekday'),
    /** Wall-clock time in the project's zone, HH:MM (the 9S check 5 minutes before work). */
    time: text('time').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('inspection_plans_project_idx').on(t.projectId, t.active)],
);
export type InspectionPlanRow = typeof inspectionPlans.$inferSelect;

export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    sheetId: ref('sheet_id')
      .notNull()
      .references(() => scoreSheets.id),
    planId: ref('plan_id').references(() => inspectionPlans.id),
    /** The plan's day (project zone), so a recurring plan yields one inspection per day. */
    plannedDate: date('planned_date', { mode: 'string' }),
    mode: text('mode').$type<InspectionMode>().notNull(),
    state: text('state').$type<InspectionState>().notNull(),
    title: text('title').notNull().default(''),
    inspectorId: ref('inspector_id')
      .notNull()
      .references(() => users.id),
    /** The inspected department: its leader hears of the deductions. */
    departmentId: ref('department_id').references(() => departments.id),
    zoneId: ref('zone_id').references(() => zones.id),
    area: text('area').notNull().default(''),
    scheduledAt: at('scheduled_at'),
    startedAt: at('started_at'),
    submittedAt: at('submitted_at'),
    /** Q112: the months a record audit samples (YYYY-MM). */
    sampledMonths: jsonb('sampled_months').$type<string[]>().notNull().default([]),
    /** Item keys marked not applicable (不适用): out of the total, which is rescaled. */
    notApplicable: jsonb('not_applicable').$type<string[]>().notNull().default([]),
    /** The scores frozen at submit (the rules and settings of that moment). */
    scores: jsonb('scores').$type<SheetScore>(),
    total: doublePrecision('total'),
    percent: doublePrecision('percent'),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('inspections_project_idx').on(t.projectId, t.state, t.submittedAt),
    index('inspections_inspector_idx').on(t.inspectorId, t.state),
    uniqueIndex('inspections_plan_day_uq').on(t.planId, t.plannedDate),
  ],
);
export type InspectionRow = typeof inspections.$inferSelect;

/** One defect (or several of one kind) against an item: the note, photos and place; one 整改单 each. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: id(),
    inspectionId: ref('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    count: integer('count').notNull().default(1),
    /** The sampled month of a record audit (YYYY-MM). */
    month: text('month'),
    note: text('note').notNull(),
    location: text('location'),
    photoIds: jsonb('photo_ids').$type<number[]>().notNull().default([]),
    ncType: text('nc_type').$type<NonconformanceType>(),
    /** The person at fault (9S: counted per person per month, Q21). */
    subjectUserId: ref('subject_user_id').references(() => users.id),
    departmentId: ref('department_id').references(() => departments.id),
    ownerId: ref('owner_id').references(() => users.id),
    deadline: at('deadline'),
    rectificationId: ref('rectification_id'),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('inspection_findings_inspection_idx').on(t.inspectionId),
    index('inspection_findings_subject_idx').on(t.subjectUserId, t.createdAt),
  ],
);
export type InspectionFindingRow = typeof inspectionFindings.$inferSelect;

/** 品质提升专项 (W-21): phases with dated milestones, and the departments accepted at its end. */
export const qualityCampaigns = pgTable(
  'quality_campaigns',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    phases: jsonb('phases')
      .$type<{ key: string; title: string; milestones: { title: string; due: string; done: boolean }[] }[]>()
      .notNull(),
    ownerId: ref('owner_id').references(() => users.id),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('quality_campaigns_project_idx').on(t.projectId)],
);
export type QualityCampaignRow = typeof qualityCampaigns.$inferSelect;

/** A department in a campaign: its responsible persons and its acceptance score (100-point scale). */
export const qualityCampaignUnits = pgTable(
  'quality_campaign_units',
  {
    id: id(),
    campaignId: ref('campaign_id')
      .notNull()
      .references(() => qualityCampaigns.id, { onDelete: 'cascade' }),
    departmentId: ref('department_id')
      .notNull()
      .references(() => departments.id),
    managerId: ref('manager_id').references(() => users.id),
    supervisorId: ref('supervisor_id').references(() => users.id),
    leadId: ref('lead_id').references(() => users.id),
    inspectionId: ref('inspection_id').references(() => inspections.id),
    score: doublePrecision('score'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('quality_campaign_units_uq').on(t.campaignId, t.departmentId)],
);
export type QualityCampaignUnitRow = typeof qualityCampaignUnits.$inferSelect;
