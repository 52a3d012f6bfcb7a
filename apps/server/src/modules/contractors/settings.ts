import { evaluationItemSchema } from '@guanjia/shared/api';
import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const CONTRACT_EXPIRY_DAYS = defineSetting({
  key: 'contractors.expiryReminderDays',
  schema: z.number().int().min(1).max(365),
  // Q72 reminds a month before a warranty ends; a maintenance contract is reminded the same month ahead.
  defaultValue: 30,
  qid: 'Q72',
  description: 'A contract shows as expiring (and its contractor is flagged) this many days before its end',
});

export const EXPIRY_REMINDER_ROLES = defineSetting({
  key: 'contractors.expiryReminderRoles',
  schema: z.array(z.string().min(1).max(40)).max(10),
  defaultValue: ['eng_supervisor', 'project_manager'],
  description: 'Role codes told when a maintenance contract enters its reminder period',
});

export const EVALUATION_ITEMS = defineSetting({
  key: 'contractors.evaluationItems',
  schema: z.array(evaluationItemSchema).min(1).max(20),
  // W-27's steps as scoring items, out of 100: sign-in at the office, safety briefing, process safety,
  // result, post-work site check, and keeping to the maintenance schedule.
  defaultValue: [
    { key: 'signIn', label: '人员签到', weight: 10 },
    { key: 'safetyBriefing', label: '安全交底', weight: 15 },
    { key: 'processSafety', label: '过程安全', weight: 20 },
    { key: 'quality', label: '维保质量与效果', weight: 30 },
    { key: 'siteCheck', label: '完工场地清理', weight: 10 },
    { key: 'schedule', label: '按计划维保与响应', weight: 15 },
  ],
  description: 'The monthly contractor evaluation’s items and their points (W-27)',
});

export const EVALUATION_BANDS = defineSetting({
  key: 'contractors.evaluationBands',
  schema: z.object({
    excellent: z.number().int().min(0).max(100),
    pass: z.number().int().min(0).max(100),
    improve: z.number().int().min(0).max(100),
    improvePercent: z.number().int().min(0).max(100),
    failPercent: z.number().int().min(0).max(100),
  }),
  // No seed gives numbers: ≥90 优秀, ≥75 合格, ≥60 待改进 (95 % of the fee), below 不合格 (90 %).
  defaultValue: { excellent: 90, pass: 75, improve: 60, improvePercent: 95, failPercent: 90 },
  description: 'Score bands of the contractor evaluation and the share of the fee paid in the lower bands',
});
