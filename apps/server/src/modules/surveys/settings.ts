import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

const percent = z.number().int().min(1).max(100);

export const SURVEY_SATISFACTION_TARGET = defineSetting({
  key: 'surveys.satisfactionTargetPercent',
  schema: percent,
  // Q82: 满意率达到70%以上 — below it on a dimension, the analysis opens a 整改单.
  defaultValue: 70,
  qid: 'Q82',
  description: 'Satisfaction target: share of households answering 满意/非常满意 on the overall question',
});

export const SURVEY_COVERAGE_TARGET = defineSetting({
  key: 'surveys.coverageTargetPercent',
  schema: percent,
  // Q81: 沟通面不低于小区住户的45%.
  defaultValue: 45,
  qid: 'Q81',
  description: 'Contact coverage target: share of the households that answered',
});

export const SURVEYS_PER_YEAR = defineSetting({
  key: 'surveys.perYear',
  schema: z.number().int().min(1).max(12),
  // Q80: 每年二次对业主或使用人进行满意情况普测 (Q83: at least once per half-year).
  defaultValue: 2,
  qid: 'Q80',
  description: 'Satisfaction campaigns a year; the 客服主管 is reminded when a period has none',
});

export const SURVEY_DUE_REMINDER_DAYS = defineSetting({
  key: 'surveys.dueReminderDays',
  schema: z.number().int().min(1).max(180),
  // Q80: remind this many days before the period ends, so the campaign still fits in it.
  defaultValue: 45,
  qid: 'Q80',
  description: 'Remind the 客服主管 this many days before a survey period ends without a campaign',
});

export const SURVEY_REMINDER_MAX = defineSetting({
  key: 'surveys.reminderMax',
  schema: z.number().int().min(0).max(10),
  defaultValue: 2,
  description: 'SMS reminders at most per household that has not answered',
});

export const SURVEY_REMINDER_GAP_DAYS = defineSetting({
  key: 'surveys.reminderGapDays',
  schema: z.number().int().min(1).max(60),
  defaultValue: 3,
  description: 'Days at least between two reminders to the same household',
});

export const SURVEY_QUIET_DAYS = defineSetting({
  key: 'surveys.quietDays',
  schema: z.number().int().min(0).max(365),
  // Not asking the same household too often (Formbricks' recontact window).
  defaultValue: 60,
  description: 'A household that answered a survey within this many days is not asked again',
});

export const SURVEY_RECTIFY_DAYS = defineSetting({
  key: 'surveys.rectifyDays',
  schema: z.number().int().min(1).max(180),
  // W-22: analysis → rectification → follow-up; the deadline of the items a closed campaign opens.
  defaultValue: 30,
  description: 'Days to fix a dimension found below target when a campaign is closed',
});

export const SURVEY_LINK_BASE = defineSetting({
  key: 'surveys.linkBase',
  schema: z.string().trim().min(1).max(200),
  defaultValue: 'https://guanjia.example.com',
  description:
    'The portal address residents reach; the survey SMS link is this followed by /portal/s/<token>',
});
