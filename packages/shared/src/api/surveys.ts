/**
 * 满意度调查 (issue 19, W-22, R07): questionnaire templates, campaigns with one token per household,
 * answers by portal, SMS link, phone interview or paper, live results and the survey report.
 */
import { z } from 'zod';
import { isoDate, itemsOf, nullableTime, page } from './common';

export const SURVEY_QUESTION_TYPES = ['single', 'multiple', 'scale5', 'scale10', 'nps', 'text'] as const;
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

/** Service dimensions a question may be tagged with (the seed's 客服, 工程维修, 秩序, 环境, 绿化, 收费 …). */
export const SURVEY_DIMENSIONS = ['客服', '工程维修', '秩序', '环境', '绿化', '收费', '综合'] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

/** The five answers of a 满意度 choice, best first; the first two count as satisfied (Q82). */
export const SATISFACTION_LEVELS = ['非常满意', '满意', '一般', '不满意', '非常不满意'] as const;
export const SATISFIED_LEVELS: readonly string[] = ['非常满意', '满意'];

export const SURVEY_CHANNELS = ['portal', 'sms', 'phone', 'paper'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const SURVEY_CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type SurveyCampaignStatus = (typeof SURVEY_CAMPAIGN_STATUSES)[number];

export const surveyQuestionSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,30}$/),
  text: z.string().trim().min(1).max(200),
  type: z.enum(SURVEY_QUESTION_TYPES),
  options: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  dimension: z.enum(SURVEY_DIMENSIONS).nullable().optional(),
  /** The overall satisfaction question: Q82's rate is read from it alone. */
  overall: z.boolean().optional(),
  required: z.boolean().optional(),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveySectionSchema = z.object({
  title: z.string().trim().min(1).max(100),
  questions: z.array(surveyQuestionSchema).min(1).max(60),
});
export type SurveySection = z.infer<typeof surveySectionSchema>;

export const surveyTemplateInput = z.object({
  /** Null: a company-wide template every project may use. */
  projectId: z.number().int().positive().nullable().optional(),
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).optional(),
  sections: z.array(surveySectionSchema).min(1).max(20),
});
export type SurveyTemplateInput = z.infer<typeof surveyTemplateInput>;
export const surveyTemplatePatch = surveyTemplateInput
  .omit({ projectId: true })
  .partial()
  .extend({ active: z.boolean().optional(), version: z.number().int().positive() });

export const surveyTemplateSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  sections: z.array(surveySectionSchema),
  active: z.boolean(),
  version: z.number().int(),
});
export type SurveyTemplate = z.infer<typeof surveyTemplateSchema>;
export const surveyTemplateListSchema = itemsOf(surveyTemplateSchema);

export const surveyCampaignInput = z
  .object({
    projectId: z.number().int().positive(),
    templateId: z.number().int().positive(),
    name: z.string().trim().min(1).max(100),
    startsOn: isoDate.regex(/^\d{4}-\d{2}-\d{2}$/),
    endsOn: isoDate.regex(/^\d{4}-\d{2}-\d{2}$/),
    zoneIds: z.array(z.number().int().positive()).max(200).default([]),
    buildingIds: z.array(z.number().int().positive()).max(500).default([]),
    tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
    channels: z.array(z.enum(SURVEY_CHANNELS)).min(1).default(['portal', 'sms', 'phone', 'paper']),
    /** Send the SMS link to every household when the campaign opens. */
    sendSms: z.boolean().default(false),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: 'endsOn before startsOn', path: ['endsOn'] });
export type SurveyCampaignInput = z.infer<typeof surveyCampaignInput>;

export const surveyCampaignSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  templateId: z.number().int(),
  templateName: z.string(),
  name: z.string(),
  status: z.enum(SURVEY_CAMPAIGN_STATUSES),
  startsOn: isoDate,
  endsOn: isoDate,
  channels: z.array(z.enum(SURVEY_CHANNELS)),
  zoneIds: z.array(z.number().int()),
  buildingIds: z.array(z.number().int()),
  tags: z.array(z.string()),
  households: z.number().int(),
  responded: z.number().int(),
  /** Households left out because they answered a survey within the quiet window. */
  skipped: z.number().int(),
  remindersSent: z.number().int(),
  closedAt: nullableTime,
  version: z.number().int(),
});
export type SurveyCampaign = z.infer<typeof surveyCampaignSchema>;
export const surveyCampaignPageSchema = page(surveyCampaignSchema);

export const surveyAnswerValue = z.union([
  z.string().max(2000),
  z.number().int().min(0).max(10),
  z.array(z.string().max(50)).max(20),
]);
export const surveyAnswersInput = z.object({
  answers: z.record(z.string().max(30), surveyAnswerValue),
});
export type SurveyAnswers = z.infer<typeof surveyAnswersInput>['answers'];

/** Staff entering an answer: a phone interview (the call is logged) or a paper form. */
export const surveyResponseInput = surveyAnswersInput.extend({
  unitId: z.number().int().positive(),
  channel: z.enum(['phone', 'paper']),
  /** The call record of the interview (a logged outbound call), when the phone system gave one. */
  callId: z.number().int().positive().optional(),
});

export const surveyInvitationSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitLabel: z.string(),
  zoneId: z.number().int().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  answeredAt: nullableTime,
  channel: z.enum(SURVEY_CHANNELS).nullable(),
  reminders: z.number().int(),
  lastRemindedAt: nullableTime,
});
export const surveyInvitationPageSchema = page(surveyInvitationSchema);

export const dimensionResultSchema = z.object({
  dimension: z.string(),
  answered: z.number().int(),
  satisfied: z.number().int(),
  satisfaction: z.number(),
  belowTarget: z.boolean(),
});
export const zoneResultSchema = z.object({
  zoneId: z.number().int().nullable(),
  zoneName: z.string(),
  households: z.number().int(),
  responded: z.number().int(),
  coverage: z.number(),
  satisfied: z.number().int(),
  overallAnswered: z.number().int(),
  satisfaction: z.number(),
});
export const surveyResultsSchema = z.object({
  campaignId: z.number().int(),
  households: z.number().int(),
  responded: z.number().int(),
  /** responded ÷ households (Q81 target 45 %). */
  coverage: z.number(),
  overallAnswered: z.number().int(),
  satisfied: z.number().int(),
  /** Households answering 满意/非常满意 on the overall question ÷ households answering it (Q82: 70 %). */
  satisfaction: z.number(),
  targets: z.object({ coverage: z.number(), satisfaction: z.number() }),
  byDimension: z.array(dimensionResultSchema),
  byZone: z.array(zoneResultSchema),
  byChannel: z.array(z.object({ channel: z.enum(SURVEY_CHANNELS), responded: z.number().int() })),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const surveyCloseSchema = z.object({
  campaign: surveyCampaignSchema,
  rectificationIds: z.array(z.number().int()),
});

/** R07: every campaign of the project with its two rates, oldest first (the trend). */
export const surveyReportSchema = z.object({
  projectId: z.number().int(),
  targets: z.object({ coverage: z.number(), satisfaction: z.number() }),
  campaigns: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      startsOn: isoDate,
      status: z.enum(SURVEY_CAMPAIGN_STATUSES),
      households: z.number().int(),
      responded: z.number().int(),
      coverage: z.number(),
      satisfaction: z.number(),
    }),
  ),
  latest: surveyResultsSchema.nullable(),
  /** Zones of the latest campaign, best satisfaction first (片区评比). */
  zoneRanking: z.array(zoneResultSchema),
});
export type SurveyReport = z.infer<typeof surveyReportSchema>;

/** The form a household answers (portal, SMS link, or an agent on the phone). */
export const surveyFormSchema = z.object({
  campaignId: z.number().int(),
  invitationId: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  unitId: z.number().int(),
  unitLabel: z.string(),
  endsOn: isoDate,
  answeredAt: nullableTime,
  sections: z.array(surveySectionSchema),
});
export type SurveyForm = z.infer<typeof surveyFormSchema>;
export const portalSurveyListSchema = itemsOf(surveyFormSchema);
