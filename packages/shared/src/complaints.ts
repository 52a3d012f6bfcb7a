/**
 * 投诉闭环 vocabularies (W-09, Q50–Q54, R04): grades, cause categories, the review of a handling
 * result and the states of a 督办.
 */

/** 一般 / 重要 / 重大: a 重大 complaint reaches the project manager at once. */
export const COMPLAINT_GRADES = ['normal', 'important', 'major'] as const;
export type ComplaintGrade = (typeof COMPLAINT_GRADES)[number];

/** Cause categories, as staff see them (the values are the labels, like TICKET_TYPES). */
export const COMPLAINT_CAUSES = ['服务质量', '房屋质量', '配套设施', '收费', '邻里', '其他'] as const;
export type ComplaintCause = (typeof COMPLAINT_CAUSES)[number];

/** English spellings the API also takes for a cause (integrations rarely send Chinese). */
export const COMPLAINT_CAUSE_ALIASES: Record<string, ComplaintCause> = {
  service: '服务质量',
  service_quality: '服务质量',
  house: '房屋质量',
  house_quality: '房屋质量',
  building_quality: '房屋质量',
  facilities: '配套设施',
  fees: '收费',
  charges: '收费',
  neighbours: '邻里',
  neighbors: '邻里',
  other: '其他',
};

/** A handling result waits for the 班长/主管 (pending), was sent back (rejected) or passed (approved). */
export const REVIEW_STATES = ['pending', 'rejected', 'approved'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** active → done (the ticket was handled) | lifted (by a supervisor) | replaced (a new 督办). */
export const SUPERVISION_STATES = ['active', 'done', 'lifted', 'replaced'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

/** 投诉预警 rules: many of one cause in one building, or a week-on-week rise. */
export const COMPLAINT_WARNING_RULES = ['cluster', 'rise'] as const;
export type ComplaintWarningRule = (typeof COMPLAINT_WARNING_RULES)[number];
