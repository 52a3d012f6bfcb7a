/** 工程管理: the vocabulary of the equipment ledger, maintenance plans and inspection tasks (issue 16). */

/** The systems of the §3.8 frequency matrix and of the ledger (工程 speaks of 系统). */
export const EQUIPMENT_SYSTEMS = [
  '供配电',
  '给排水',
  '电梯',
  '消防',
  '空调暖通',
  '弱电/监控',
  '门禁',
  '停车场',
  '园林',
  '建筑本体',
  '公共设施',
  '综合管理',
  '其他',
] as const;
export type EquipmentSystem = (typeof EQUIPMENT_SYSTEMS)[number];

export const EQUIPMENT_STATUSES = ['运行', '停用', '维修中', '报废'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];
/** Statuses that count as downtime for availability (报废 leaves the ledger's availability). */
export const DOWN_STATUSES: readonly EquipmentStatus[] = ['停用', '维修中'];

export const EQUIPMENT_IMPORTANCE = ['A', 'B', 'C'] as const;
export type EquipmentImportance = (typeof EQUIPMENT_IMPORTANCE)[number];

export const FREQUENCY_KINDS = [
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'halfYearly',
  'yearly',
  'everyNDays',
  'weekdays',
] as const;
export type FrequencyKind = (typeof FREQUENCY_KINDS)[number];

export interface Frequency {
  kind: FrequencyKind;
  /** everyNDays: the gap in days; monthly/quarterly/yearly: every n of them (default 1). */
  n?: number;
  /** weekdays: ISO weekdays 1 (Mon) … 7 (Sun). */
  weekdays?: number[];
  /** Several rounds a day (电梯运行 3×/day): slots 1..timesPerDay of one day. */
  timesPerDay?: number;
}

/** due: on the calendar whatever happened; completion: the next one counts from the last completion. */
export const PLAN_BASES = ['due', 'completion'] as const;
export type PlanBasis = (typeof PLAN_BASES)[number];

export const PLAN_TARGETS = ['equipment', 'system', 'type'] as const;
export type PlanTarget = (typeof PLAN_TARGETS)[number];

export const CHECK_ITEM_KINDS = ['pass', 'number', 'text', 'photo'] as const;
export type CheckItemKind = (typeof CHECK_ITEM_KINDS)[number];

export const PHOTO_RULES = ['none', 'optional', 'required'] as const;
export type PhotoRule = (typeof PHOTO_RULES)[number];

export interface CheckItem {
  /** Stable across versions of the checklist: "the same item" for the one-open-work-order rule. */
  id: string;
  label: string;
  kind: CheckItemKind;
  min?: number | null;
  max?: number | null;
  unit?: string | null;
  photo: PhotoRule;
}

export const TASK_STATUSES = ['pending', 'done', 'missed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
