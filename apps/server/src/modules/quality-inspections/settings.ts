import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client';
import { getSetting, type SettingScope } from '../../platform/settings/get-setting';
import { defineSetting } from '../../platform/settings/registry';
import type { BandParams } from './rules/bands';
import type { ScoringParams } from './rules/scoring';

const points = z.number().min(0).max(100);
const fen = z.number().int().min(0).max(100_000_000);
const count = z.number().int().min(0).max(1000);

export const RECORD_DEDUCTION = defineSetting({
  key: 'qualityInspections.recordDeduction',
  schema: points,
  // Q110: 每发现一处不合格扣0.5分.
  defaultValue: 0.5,
  qid: 'Q110',
  description: 'Record audit (R1): points deducted per defective record in a sampled month',
});
export const RECORD_MONTH_ZERO_ABOVE = defineSetting({
  key: 'qualityInspections.recordMonthZeroAbove',
  schema: count,
  // Q110: 超过10处以上该月度记录不得分.
  defaultValue: 10,
  qid: 'Q110',
  description: 'Record audit (R1): a sampled month with more defects than this scores 0',
});
export const SAMPLED_MONTHS = defineSetting({
  key: 'qualityInspections.sampledMonths',
  schema: z.number().int().min(1).max(12),
  // Q112: 随机抽查2个月度的记录.
  defaultValue: 2,
  qid: 'Q112',
  description: 'Record audit (R1): how many months are sampled at random',
});
export const ON_SITE_DEDUCTION = defineSetting({
  key: 'qualityInspections.onSiteDeduction',
  schema: points,
  // Q111: 每发现一处不合格扣2分.
  defaultValue: 2,
  qid: 'Q111',
  description: 'On-site check (R2): points deducted per defect',
});
export const ON_SITE_ZERO_ABOVE = defineSetting({
  key: 'qualityInspections.onSiteZeroAbove',
  schema: count,
  // Q111: 超过5处以上不得分.
  defaultValue: 5,
  qid: 'Q111',
  description: 'On-site check (R2): more defects than this score the item 0',
});
export const BAND_GOOD_MIN = defineSetting({
  key: 'qualityInspections.bandGoodMin',
  schema: points,
  // Q114: 80(含)—90分的为良好.
  defaultValue: 80,
  qid: 'Q114',
  description: 'Campaign acceptance: the lowest 良好 score (below it is 不及格)',
});
export const BAND_EXCELLENT_MIN = defineSetting({
  key: 'qualityInspections.bandExcellentMin',
  schema: points,
  // Q114: 91(含)—100分为优秀.
  defaultValue: 91,
  qid: 'Q114',
  description: 'Campaign acceptance: the lowest 优秀 score',
});
const roleAmounts = z.object({ manager: fen, supervisor: fen, lead: fen });
export const FAIL_PENALTIES = defineSetting({
  key: 'qualityInspections.failPenalties',
  schema: roleAmounts,
  // Q115: 部门经理处罚500元,部门主管300元,班长(领班)100元 (in 分).
  defaultValue: { manager: 50_000, supervisor: 30_000, lead: 10_000 },
  qid: 'Q115',
  description: 'Campaign acceptance 不及格: penalty per role, in fen (manager, supervisor, team lead)',
});
export const EXCELLENT_REWARDS = defineSetting({
  key: 'qualityInspections.excellentRewards',
  schema: roleAmounts,
  // Q117: 部门经理奖励500元,主管300元,班长(领班)200元 (in 分); Q116: 良好 neither.
  defaultValue: { manager: 50_000, supervisor: 30_000, lead: 20_000 },
  qid: 'Q117',
  description: 'Campaign acceptance 优秀: reward per role, in fen (manager, supervisor, team lead)',
});
export const TEAM_AWARD_MIN = defineSetting({
  key: 'qualityInspections.teamAwardMin',
  schema: points,
  // Q118: 综合得分达到96分(含)以上.
  defaultValue: 96,
  qid: 'Q118',
  description: 'Campaign acceptance: the score from which the team award is added',
});
export const TEAM_AWARD = defineSetting({
  key: 'qualityInspections.teamAward',
  schema: fen,
  // Q118: 公司追加团队奖励1000元.
  defaultValue: 100_000,
  qid: 'Q118',
  description: 'Campaign acceptance: the extra team award, in fen',
});
export const NINES_THRESHOLD = defineSetting({
  key: 'qualityInspections.ninesMonthlyThreshold',
  schema: z.number().int().min(1).max(100),
  // Q21/Q120: 每月度统计此类信息,≥5次者扣除月度绩效4分.
  defaultValue: 5,
  qid: 'Q21',
  description: '9S: findings per person in a month from which the monthly report flags a deduction',
});
export const NINES_POINTS = defineSetting({
  key: 'qualityInspections.ninesPerformancePoints',
  schema: z.number().int().min(0).max(100),
  // Q21/Q120: 扣除月度绩效4分.
  defaultValue: 4,
  qid: 'Q120',
  description: '9S: monthly performance points deducted when the threshold is reached',
});
export const NINES_FIX_MINUTES = defineSetting({
  key: 'qualityInspections.ninesFixMinutes',
  schema: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  // Q21: 要求相关人员5分钟内整改完毕.
  defaultValue: 5,
  qid: 'Q21',
  description: '9S: a finding of the daily check is to be fixed within this many minutes',
});
export const RECTIFICATION_DAYS = defineSetting({
  key: 'qualityInspections.rectificationDays',
  schema: z.number().int().min(1).max(90),
  // The seed sets no period for a scoring-sheet deduction; a week is the house rule (W-21: 责任人与期限).
  defaultValue: 7,
  description:
    'An inspection deduction is to be rectified within this many days (unless the inspector sets a date)',
});

// One query after the other: inside a transaction the client runs a single query at a time.
export async function scoringParams(db: DbOrTx, scope: SettingScope): Promise<ScoringParams> {
  return {
    recordDeduction: await getSetting(db, RECORD_DEDUCTION, scope),
    recordMonthZeroAbove: await getSetting(db, RECORD_MONTH_ZERO_ABOVE, scope),
    sampledMonths: await getSetting(db, SAMPLED_MONTHS, scope),
    onSiteDeduction: await getSetting(db, ON_SITE_DEDUCTION, scope),
    onSiteZeroAbove: await getSetting(db, ON_SITE_ZERO_ABOVE, scope),
  };
}

export async function bandParams(db: DbOrTx, scope: SettingScope): Promise<BandParams> {
  return {
    goodMin: await getSetting(db, BAND_GOOD_MIN, scope),
    excellentMin: await getSetting(db, BAND_EXCELLENT_MIN, scope),
    penalties: await getSetting(db, FAIL_PENALTIES, scope),
    rewards: await getSetting(db, EXCELLENT_REWARDS, scope),
    teamAwardMin: await getSetting(db, TEAM_AWARD_MIN, scope),
    teamAward: await getSetting(db, TEAM_AWARD, scope),
  };
}
