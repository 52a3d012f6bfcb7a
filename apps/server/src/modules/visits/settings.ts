import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const VISIT_COVERAGE_TARGET = defineSetting({
  key: 'visits.coverageTargetPercent',
  schema: z.number().int().min(1).max(100),
  // Q84: 以达到100%走访覆盖率 — every household contacted over the year.
  defaultValue: 100,
  qid: 'Q84',
  description: 'Yearly contact coverage target (visits, survey answers, callbacks; each household once)',
});

export const HEAD_QUOTA_SMALL = defineSetting({
  key: 'visits.headQuotaSmall',
  schema: z.number().int().min(0).max(200),
  // Q85: 1000户以内,项目负责人每月至少访谈10户.
  defaultValue: 10,
  qid: 'Q85',
  description: 'Households the project head visits a month in a project up to the household threshold',
});

export const HEAD_QUOTA_LARGE = defineSetting({
  key: 'visits.headQuotaLarge',
  schema: z.number().int().min(0).max(200),
  // Q85: 1000户以上 … 至少访谈15户.
  defaultValue: 15,
  qid: 'Q85',
  description: 'Households the project head visits a month in a project above the household threshold',
});

export const HEAD_QUOTA_THRESHOLD = defineSetting({
  key: 'visits.headQuotaThreshold',
  schema: z.number().int().min(1).max(1_000_000),
  // Q85: the 1000-household line between the two quotas.
  defaultValue: 1000,
  qid: 'Q85',
  description: 'Household count up to which the smaller monthly quota applies',
});

export const HEAD_QUOTA_WARN_DAYS = defineSetting({
  key: 'visits.headQuotaWarnDays',
  schema: z.number().int().min(1).max(28),
  // Q85: warned before month end, while there is still time to make the visits.
  defaultValue: 7,
  qid: 'Q85',
  description: 'Warn the project head this many days before month end when the quota is not met',
});

export const MOVE_IN_VISIT_DAYS = defineSetting({
  key: 'visits.moveInDays',
  schema: z.array(z.number().int().min(1).max(366)).min(1).max(6),
  // Q86: 三天、一周、一个月访问 (a month read as 30 days).
  defaultValue: [3, 7, 30],
  qid: 'Q86',
  description: 'Move-in experience visits, in days after the move-in date',
});

export const MOVE_IN_CARE_DAYS = defineSetting({
  key: 'visits.moveInCareDays',
  schema: z.number().int().min(1).max(60),
  // Q87: 在客户入住一周内进行客户关怀.
  defaultValue: 7,
  qid: 'Q87',
  description: 'The butler’s care contact is due within this many days of move-in',
});

export const HOME_ENTRY_VISITORS = defineSetting({
  key: 'visits.homeEntryVisitors',
  schema: z.number().int().min(1).max(5),
  // Q11: 若需要进入住户室内的,原则上应2人一同前往.
  defaultValue: 2,
  qid: 'Q11',
  description: 'Visitors needed when a visit enters the home',
});

export const APPOINTMENT_DAYS_AHEAD = defineSetting({
  key: 'visits.appointmentDaysAhead',
  schema: z.number().int().min(0).max(7),
  // Q08: 提前一天与业户约定具体时间.
  defaultValue: 1,
  qid: 'Q08',
  description: 'Home visits are confirmed with the household this many days ahead',
});

export const FACADE_GLASS_PER_YEAR = defineSetting({
  key: 'care.facadeGlassPerYear',
  schema: z.number().int().min(0).max(12),
  // Q93: 每年两次外墙玻璃擦拭服务.
  defaultValue: 2,
  qid: 'Q93',
  description: 'Façade-glass cleaning campaigns a year',
});

export const AC_FILTER_DUE = defineSetting({
  key: 'care.acFilterDue',
  schema: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
  // Q94: 每年9月底前 … 全覆盖所有客户一次.
  defaultValue: '09-30',
  qid: 'Q94',
  description: 'AC-filter cleaning reaches every household by this day of the year (MM-DD)',
});
