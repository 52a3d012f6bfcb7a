/** Vocabularies of the estate archive, shared by server validation and the console. */
export const UNIT_TYPES = ['住宅', '商铺', '车位', '办公'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_STATUSES = ['空置', '已交房', '装修中', '已入住'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const RESIDENT_RELATIONS = ['业主', '家属', '租户'] as const;
export type ResidentRelation = (typeof RESIDENT_RELATIONS)[number];

export const CONTACT_CHANNELS = ['phone', 'sms', 'wechat', 'email', 'app'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const PROJECT_KINDS = ['住宅', '写字楼', '商业', '综合体'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** The label a unit is searched by: building-entrance-room ("3-2-1201"), or building-room without entrances. */
export function unitLabel(buildingCode: string, entrance: string | null | undefined, room: string): string {
  return entrance ? `${buildingCode}-${entrance}-${room}` : `${buildingCode}-${room}`;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
