/**
 * 品质检查 (issue 18): the property side a 品质部 runs — inspections of the estate against scoring sheets
 * (requirements §6.1–6.10), deductions that open 整改单, campaigns (W-21) and the R17 report.
 */

/**
 * How an item scores (requirements §6.1): R1 record audit (Q110/Q112: sampled months × points each,
 * a deduction per defect, a month over the limit scores 0), R2 on-site check (Q111), a plain pass/fail
 * item, and a veto item (一票否决: any defect scores the whole sheet 0).
 */
export const SHEET_RULES = ['record_audit', 'on_site', 'pass_fail', 'veto'] as const;
export type SheetRule = (typeof SHEET_RULES)[number];

/** What a sheet is for: the 9S daily office check drives the Q21/Q120 monthly flag. */
export const SHEET_KINDS = ['service', 'nines', 'notice_board', 'visual'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** default = the group's seeded sheet; companies and projects copy and adapt it, like settings. */
export const SHEET_SCOPES = ['default', 'company', 'project'] as const;
export type SheetScope = (typeof SHEET_SCOPES)[number];

/** 计划检查, 明查 (announced), 暗访 (mystery visit: hidden from the inspected team until submitted). */
export const INSPECTION_MODES = ['planned', 'open', 'mystery'] as const;
export type InspectionMode = (typeof INSPECTION_MODES)[number];

export const INSPECTION_STATES = ['planned', 'in_progress', 'submitted', 'cancelled'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

/** Recurring plans: once, every working day (the 9S check, Q21), weekly (the notice-board walk, Q22). */
export const PLAN_RECURRENCES = ['once', 'workdays', 'weekly'] as const;
export type PlanRecurrence = (typeof PLAN_RECURRENCES)[number];

/** Campaign acceptance bands (Q114). */
export const CAMPAIGN_BANDS = ['fail', 'good', 'excellent'] as const;
export type CampaignBand = (typeof CAMPAIGN_BANDS)[number];

/** Who a campaign band rewards or penalizes (Q115/Q117): 部门经理, 主管, 班长(领班). */
export const CAMPAIGN_ROLES = ['manager', 'supervisor', 'lead'] as const;
export type CampaignRole = (typeof CAMPAIGN_ROLES)[number];
