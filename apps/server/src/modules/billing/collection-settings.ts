import type { CampaignLevel } from '@guanjia/shared';
import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

/** 催缴 settings, per project (W-23, W-24, Q07, Q08). */

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const COLLECTION_QUIET_HOURS = defineSetting({
  key: 'billing.collectionQuietHours',
  schema: z.object({
    dayStart: hhmm,
    dayEnd: hhmm,
    lunchStart: hhmm,
    lunchEnd: hhmm,
    dinnerStart: hhmm,
    dinnerEnd: hhmm,
    weekends: z.boolean(),
  }),
  // Q07: 避免用餐时间、清晨和晚上21时以后给业户打电话 — calls from 08:00, not at lunch or dinner, not after 21:00.
  defaultValue: {
    dayStart: '08:00',
    dayEnd: '21:00',
    lunchStart: '11:30',
    lunchEnd: '13:30',
    dinnerStart: '17:30',
    dinnerEnd: '19:00',
    weekends: true,
  },
  qid: 'Q07',
  description:
    '催缴 calls and messages only between dayStart and dayEnd, never at mealtimes or on statutory holidays',
});
export type CollectionQuietHours = z.infer<typeof COLLECTION_QUIET_HOURS.schema>;

export const DOOR_COLLECTION_LEAD_HOURS = defineSetting({
  key: 'billing.doorCollectionLeadHours',
  schema: z
    .number()
    .int()
    .min(0)
    .max(14 * 24),
  // Q08: 提前一天与业户约定具体时间.
  defaultValue: 24,
  qid: 'Q08',
  description: '上门收费 must be agreed at least this many hours before the visit',
});

export const COLLECTION_LEVEL_DAYS = defineSetting({
  key: 'billing.collectionLevelDays',
  schema: z.array(z.number().int().min(1).max(3650)).length(4),
  // Issue 15 / W-23: level 1 SMS at 15 days, 2 a spoken reminder call at 45, 3 a 催缴通知书 and a 客服主管
  // task at 90, 4 the project manager at 180.
  defaultValue: [15, 45, 90, 180],
  description: 'Days overdue of the four levels a new 催缴 campaign starts with (SMS, call, letter, manager)',
});

/** The levels a new campaign starts with, from the days of COLLECTION_LEVEL_DAYS. */
export function defaultLevels(days: readonly number[]): CampaignLevel[] {
  const channels = ['sms', 'call', 'letter', 'manager'] as const;
  return channels.map((channel, i) => ({
    level: i + 1,
    days: days[i] ?? [15, 45, 90, 180][i] ?? 15,
    channel,
    task: channel === 'letter',
  }));
}

export const COLLECTION_MIN_AMOUNT = defineSetting({
  key: 'billing.collectionMinAmount',
  schema: z.number().int().min(0).max(100_000_00),
  // No seed gives a number: ¥50 keeps a few yuan of rounding from being chased by phone.
  defaultValue: 5_000,
  description: 'A new 催缴 campaign chases nobody owing less than this (分)',
});

const roleCodes = z.array(z.string().min(1).max(40)).max(10);

export const COLLECTION_FOLLOW_UP_ROLES = defineSetting({
  key: 'billing.collectionFollowUpRoles',
  schema: roleCodes,
  // W-23 / §1.12: 客服部主管 负责费用催缴 — the follow-up task of level 3 goes to them.
  defaultValue: ['cs_supervisor'],
  description: 'Role codes given the 催缴 follow-up task (level 3)',
});

export const COLLECTION_MANAGER_ROLES = defineSetting({
  key: 'billing.collectionManagerRoles',
  schema: roleCodes,
  // §1.12: the manager 协助处理催缴长期无法追回的各项费用 — level 4.
  defaultValue: ['project_manager'],
  description: 'Role codes told of long-term arrears (level 4)',
});
