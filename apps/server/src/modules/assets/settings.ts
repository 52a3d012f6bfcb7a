import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

/** 工程管理 settings, per project (issue 16). */

export const WARRANTY_REMINDER_DAYS = defineSetting({
  key: 'assets.warrantyReminderDays',
  schema: z.number().int().min(1).max(365),
  // Q72: 保修期满前一个月 … 提醒 — the same month ahead for equipment warranties.
  defaultValue: 30,
  qid: 'Q72',
  description: 'Remind the engineering lead this many days before a piece of equipment’s warranty ends (Q72)',
});

export const PLAN_HORIZON_DAYS = defineSetting({
  key: 'assets.planHorizonDays',
  schema: z.number().int().min(1).max(120),
  // §3.8 plans are generated ahead so technicians see a month of work; no seed gives a number.
  defaultValue: 30,
  description: 'Maintenance/inspection tasks are generated this many days ahead',
});

export const MISSED_WARNING_COUNT = defineSetting({
  key: 'assets.missedWarningCount',
  schema: z.number().int().min(1).max(50),
  // Issue 16: a plan whose last 5 tasks were missed is raised to the 工程主管, not left to pile up.
  defaultValue: 5,
  description: 'A plan whose last this many tasks were missed raises a warning to the engineering supervisor',
});

export const ASSETS_WARNING_ROLES = defineSetting({
  key: 'assets.warningRoles',
  schema: z.array(z.string().min(1).max(40)).max(10),
  defaultValue: ['eng_supervisor'],
  description: 'Role codes told of missed-plan warnings and ending warranties',
});
