import type { SurveyCampaignStatus, SurveyChannel, SurveySection } from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { units } from '../org/schema';

/** A questionnaire: sections of questions, each optionally tagged with a service dimension. */
export const surveyTemplates = pgTable(
  'survey_templates',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    /** Null: company-wide. */
    projectId: ref('project_id'),
    name: text('name').notNull(),
    description: text('description'),
    sections: jsonb('sections').$type<SurveySection[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('survey_templates_company_idx').on(t.companyId, t.projectId)],
);
export type SurveyTemplateRow = typeof surveyTemplates.$inferSelect;

export const surveyCampaigns = pgTable(
  'survey_campaigns',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    templateId: ref('template_id')
      .notNull()
      .references(() => surveyTemplates.id),
    name: text('name').notNull(),
    status: text('status').$type<SurveyCampaignStatus>().notNull().default('open'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** The questions as they were when the campaign opened: editing the template later changes nothing. */
    sections: jsonb('sections').$type<SurveySection[]>().notNull(),
    channels: text('channels').array().$type<SurveyChannel[]>().notNull(),
    zoneIds: ref('zone_ids').array().notNull().default(sql`'{}'::bigint[]`),
    buildingIds: ref('building_ids').array().notNull().default(sql`'{}'::bigint[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    households: integer('households').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    remindersSent: integer('reminders_sent').notNull().default(0),
    closedAt: at('closed_at'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('survey_campaigns_project_idx').on(t.projectId, t.startsOn)],
);
export type SurveyCampaignRow = typeof surveyCampaigns.$inferSelect;

/**
 * One token per household (unit) of a campaign: whoever of the household answers — on the portal, by
 * the SMS link, on the phone with an agent, or on paper — answers for the household, once.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: id(),
    campaignId: ref('campaign_id')
      .notNull()
      .references(() => surveyCampaigns.id, { onDelete: 'cascade' }),
    projectId: ref('project_id').notNull(),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    zoneId: ref('zone_id'),
    /**
     * The household's link token (LimeSurvey's token): unguessable, answers this household's survey
     * once and nothing else, so it is kept as is — a reminder resends the same link.
     */
    token: text('token').notNull(),
    reminders: integer('reminders').notNull().default(0),
    lastRemindedAt: at('last_reminded_at'),
    answeredAt: at('answered_at'),
    channel: text('channel').$type<SurveyChannel>(),
    residentId: ref('resident_id'),
    staffId: ref('staff_id'),
    callId: ref('call_id'),
    /** The overall question's answer was 满意/非常满意 (null: not answered or no overall question). */
    overallSatisfied: boolean('overall_satisfied'),
    answers: jsonb('answers').$type<Record<string, string | number | string[]>>(),
  },
  (t) => [
    uniqueIndex('survey_invitations_campaign_unit_uq').on(t.campaignId, t.unitId),
    uniqueIndex('survey_invitations_token_uq').on(t.token),
    index('survey_invitations_unit_idx').on(t.unitId, t.answeredAt),
    index('survey_invitations_campaign_zone_idx').on(t.campaignId, t.zoneId, t.answeredAt),
  ],
);
export type SurveyInvitationRow = typeof surveyInvitations.$inferSelect;

/**
 * Live counters per campaign, zone and dimension ('' = the overall question), added to in the answer's
 * transaction: the results of a 200,000-household campaign read a few dozen rows, not 200,000.
 * zone_id 0 stands for "no zone" (a building not yet in a zone).
 */
export const surveyTallies = pgTable(
  'survey_tallies',
  {
    campaignId: ref('campaign_id')
      .notNull()
      .references(() => surveyCampaigns.id, { onDelete: 'cascade' }),
    zoneId: ref('zone_id').notNull(),
    dimension: text('dimension').notNull(),
    households: integer('households').notNull().default(0),
    responded: integer('responded').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    byChannel: jsonb('by_channel').$type<Partial<Record<SurveyChannel, number>>>().notNull().default({}),
  },
  (t) => [uniqueIndex('survey_tallies_uq').on(t.campaignId, t.zoneId, t.dimension)],
);
