/**
 * 整改单: one finding someone must fix, whatever found it — a quality inspection's deduction (issue 18),
 * a survey dimension below target (issue 19), a decoration site inspection or a move-in defect
 * (issue 20). One lifecycle for all of them: open → submitted (the fix, with photos) → closed when the
 * re-check passes, or back to open with a new deadline when it fails.
 */
export const RECTIFICATION_SOURCES = [
  'quality_inspection',
  'survey',
  'decoration',
  'move_in',
  'other',
] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

export const RECTIFICATION_STATES = ['open', 'submitted', 'closed', 'cancelled'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

/**
 * ISO 9001 record non-conformance types (requirements §6.11), in the order the seed lists them:
 * 1 work not done, 2 done but not recorded, 3 record falsified, 4 method differs from the procedure,
 * 5 record incomplete or inaccurate, 6 not transmitted, used or archived as required.
 */
export const NONCONFORMANCE_TYPES = [
  'not_done',
  'not_recorded',
  'falsified',
  'method_deviates',
  'record_incomplete',
  'not_archived',
] as const;
export type NonconformanceType = (typeof NONCONFORMANCE_TYPES)[number];
