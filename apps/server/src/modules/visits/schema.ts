import type { VisitMethod, VisitPurpose, VisitSource, VisitStatus } from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { units } from '../org/schema';

/** 季节服务 (W-32, Q93/Q94): a care campaign whose coverage is the households visited for it. */
export const careCampaigns = pgTable(
  'care_campaigns',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    kind: text('kind').$type<'外墙玻璃' | '空调滤网' | '其他'>().notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    dueOn: date('due_on').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('care_campaigns_project_idx').on(t.projectId, t.startsOn)],
);
export type CareCampaignRow = typeof careCampaigns.$inferSelect;

/** 走访: one planned contact with a household, its appointment, its result and what it led to. */
export const visits = pgTable(
  'visits',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    purpose: text('purpose').$type<VisitPurpose>().notNull(),
    method: text('method').$type<VisitMethod>().notNull().default('上门'),
    enterHome: boolean('enter_home').notNull().default(false),
    source: text('source').$type<VisitSource>().notNull().default('manual'),
    /** Move-in visits: 'd3', 'w1', 'm1' (Q86) and 'care' (Q87); unique per unit so the job is idempotent. */
    sourceKey: text('source_key'),
    status: text('status').$type<VisitStatus>().notNull().default('planned'),
    plannedOn: date('planned_on').notNull(),
    /** The last day the visit counts as on time (move-in visits); null = no deadline. */
    dueOn: date('due_on'),
    visitorIds: ref('visitor_ids').array().notNull().default(sql`'{}'::bigint[]`),
    appointmentAt: at('appointment_at'),
    doneAt: at('done_at'),
    doneBy: ref('done_by'),
    opinions: text('opinions'),
    note: text('note'),
    followUpTicketId: ref('follow_up_ticket_id'),
    retryOfId: ref('retry_of_id'),
    careCampaignId: ref('care_campaign_id').references(() => careCampaigns.id),
    attempt: integer('attempt').notNull().default(1),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('visits_project_planned_idx').on(t.projectId, t.plannedOn),
    index('visits_unit_idx').on(t.unitId, t.doneAt),
    index('visits_care_campaign_idx').on(t.careCampaignId),
    uniqueIndex('visits_unit_source_key_uq').on(t.unitId, t.sourceKey).where(sql`source_key is not null`),
  ],
);
export type HomeVisitRow = typeof visits.$inferSelect;
