import type { EvaluationGrade } from '@guanjia/shared/api';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';

/** 合作单位信息一览表 (W-27): who maintains what, with contacts and the site lead's credentials on file. */
export const contractors = pgTable(
  'contractors',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    trade: text('trade').notNull(),
    systems: jsonb('systems').$type<string[]>().notNull().default([]),
    contacts: jsonb('contacts')
      .$type<{ name: string; phone: string; role: string }[]>()
      .notNull()
      .default([]),
    credentials: text('credentials').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('contractors_project_name_uq').on(t.projectId, t.name)],
);
export type ContractorRow = typeof contractors.$inferSelect;

export const contractorContracts = pgTable(
  'contractor_contracts',
  {
    id: id(),
    contractorId: ref('contractor_id')
      .notNull()
      .references(() => contractors.id, { onDelete: 'cascade' }),
    projectId: ref('project_id').notNull(),
    title: text('title').notNull(),
    scope: text('scope').notNull().default(''),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    systems: jsonb('systems').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('contractor_contracts_idx').on(t.contractorId, t.endsOn)],
);
export type ContractRow = typeof contractorContracts.$inferSelect;

/**
 * 分包维保单位人员签到表: a visit signed in at the office against an inspection task (the assets module's,
 * no foreign key) or a work order, signed out with the post-work site check.
 */
export const contractorVisits = pgTable(
  'contractor_visits',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    contractorId: ref('contractor_id')
      .notNull()
      .references(() => contractors.id),
    visitorName: text('visitor_name').notNull(),
    headcount: integer('headcount').notNull().default(1),
    purpose: text('purpose').notNull(),
    inspectionTaskId: ref('inspection_task_id'),
    workOrderNumber: text('work_order_number'),
    safetyBriefing: boolean('safety_briefing').notNull().default(false),
    siteChecked: boolean('site_checked'),
    escortId: ref('escort_id'),
    note: text('note').notNull().default(''),
    signedInAt: at('signed_in_at').notNull(),
    signedOutAt: at('signed_out_at'),
    createdById: ref('created_by_id'),
  },
  (t) => [
    index('contractor_visits_contractor_idx').on(t.contractorId, t.signedInAt),
    index('contractor_visits_project_idx').on(t.projectId, t.signedInAt),
  ],
);
export type VisitRow = typeof contractorVisits.$inferSelect;

/** 月度评价 (W-27), one per contractor and month; its total and grade feed the fee settlement. */
export const contractorEvaluations = pgTable(
  'contractor_evaluations',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    contractorId: ref('contractor_id')
      .notNull()
      .references(() => contractors.id),
    month: text('month').notNull(),
    /** The items as scored: key, label, weight and score (the item list may change later). */
    items: jsonb('items').$type<{ key: string; label: string; weight: number; score: number }[]>().notNull(),
    total: integer('total').notNull(),
    grade: text('grade').$type<EvaluationGrade>().notNull(),
    settlementPercent: integer('settlement_percent').notNull(),
    note: text('note').notNull().default(''),
    evaluatedById: ref('evaluated_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('contractor_evaluations_uq').on(t.contractorId, t.month)],
);
export type EvaluationRow = typeof contractorEvaluations.$inferSelect;
