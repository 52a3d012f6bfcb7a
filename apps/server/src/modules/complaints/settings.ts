import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

/** 投诉闭环 settings, per project (W-09, Q52–Q53, R04). */

export const PROMISED_REPLY_HOURS = defineSetting({
  key: 'complaints.promisedReplyHours',
  schema: z
    .number()
    .int()
    .min(1)
    .max(30 * 24),
  // Q53 asks for a stated time without a number; Q51 asks the same day, so one day is the default.
  defaultValue: 24,
  qid: 'Q53',
  description: 'The reply time promised to a complaining resident, in hours from the complaint (Q53)',
});

export const WARNING_THRESHOLDS = defineSetting({
  key: 'complaints.warningThresholds',
  schema: z.object({
    clusterCount: z.number().int().min(2).max(100),
    clusterDays: z.number().int().min(1).max(90),
    risePercent: z.number().int().min(1).max(1000),
    riseMinCount: z.number().int().min(1).max(1000),
  }),
  // Q52/R04 投诉预警: ≥3 of one cause in one building within 7 days, or a week-on-week rise ≥ 50 %.
  // riseMinCount keeps 1 → 2 complaints from counting as a 100 % rise (no seed gives a number).
  defaultValue: { clusterCount: 3, clusterDays: 7, risePercent: 50, riseMinCount: 3 },
  qid: 'Q52',
  description:
    '投诉预警: this many complaints of one cause in one building within clusterDays, or a week-on-week rise of risePercent (at least riseMinCount this week)',
});

const roleCodes = z.array(z.string().min(1).max(40)).max(10);

export const WARNING_ROLES = defineSetting({
  key: 'complaints.warningRoles',
  schema: roleCodes,
  defaultValue: ['cs_supervisor', 'project_manager'],
  qid: 'Q52',
  description: 'Role codes told of a 投诉预警 (Q52)',
});

export const MAJOR_ROLES = defineSetting({
  key: 'complaints.majorNotifyRoles',
  schema: roleCodes,
  // W-09: a 重大 complaint is reported to the project manager at once.
  defaultValue: ['project_manager'],
  description: 'Role codes told at once of a 重大 complaint',
});

export const SUPERVISE_ESCALATE_HOURS = defineSetting({
  key: 'complaints.superviseEscalateHours',
  schema: z
    .number()
    .int()
    .min(1)
    .max(30 * 24),
  // No seed gives a number: a missed 督办 climbs one level (班长 → 主管 → 项目经理) a working day apart.
  defaultValue: 24,
  description: 'A missed 督办 climbs one escalation level (班长 → 主管 → 项目经理) every this many hours',
});

export const REVIEW_ROLES = defineSetting({
  key: 'complaints.reviewRoles',
  schema: roleCodes,
  // W-09: the 班长/主管 approves a complaint's handling result before it goes to the callback.
  defaultValue: ['cs_lead', 'cs_supervisor'],
  description: 'Role codes asked to review a complaint’s handling result before it is closed',
});
