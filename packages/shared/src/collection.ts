/**
 * 催缴 (arrears collection, W-23/W-24) value lists shared by the server's tables, the API contracts and
 * the console. Labels are in the i18n catalogs under `collection.*`.
 */

/** What a campaign level does: a text message, a spoken reminder call, a 催缴通知书 letter, the manager. */
export const CAMPAIGN_CHANNELS = ['sms', 'call', 'letter', 'manager'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/** A level of a campaign: from `days` overdue, by `channel`; `task` also opens a 客服主管 follow-up. */
export interface CampaignLevel {
  level: number;
  days: number;
  channel: CampaignChannel;
  task: boolean;
}

/** An attempt's channel: a campaign channel, or an agent's own call / a visit logged by hand. */
export const ATTEMPT_CHANNELS = ['sms', 'call', 'letter', 'manager', 'manual_call', 'visit'] as const;
export type AttemptChannel = (typeof ATTEMPT_CHANNELS)[number];

/** scheduled (waiting for an allowed moment) → done | cancelled (paid or disputed before it went out). */
export const ATTEMPT_STATUSES = ['scheduled', 'done', 'cancelled'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** 已发送 / 发送失败 for automatic ones; 已接通 / 未接 / 承诺付款 / 拒付 / 号码错误 for calls. */
export const ATTEMPT_OUTCOMES = [
  'sent',
  'failed',
  'answered',
  'no_answer',
  'promised',
  'refused',
  'wrong_number',
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
/** What an agent may record for a call they made. */
export const MANUAL_OUTCOMES = ['answered', 'no_answer', 'promised', 'refused', 'wrong_number'] as const;

export const PROMISE_STATES = ['open', 'kept', 'broken'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

/** follow_up: 客服主管 (level 3); manager: 项目经理 (level 4); door: 上门收费 (W-24). */
export const COLLECTION_TASK_KINDS = ['follow_up', 'manager', 'door'] as const;
export type CollectionTaskKind = (typeof COLLECTION_TASK_KINDS)[number];
export const COLLECTION_TASK_STATUSES = ['open', 'assigned', 'done', 'cancelled'] as const;
export type CollectionTaskStatus = (typeof COLLECTION_TASK_STATUSES)[number];

/** Aging buckets by days past due: 0–30, 31–90, 91–180, 181–365, > 365. */
export const AGING_BUCKETS = ['d0_30', 'd31_90', 'd91_180', 'd181_365', 'd365_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const BILLING_REPORT_KINDS = ['collection-rate', 'aging', 'campaigns', 'income-by-fee-item'] as const;
export type BillingReportKind = (typeof BILLING_REPORT_KINDS)[number];
