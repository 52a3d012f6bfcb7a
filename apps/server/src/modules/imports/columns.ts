import { RESIDENT_RELATIONS, UNIT_STATUSES, UNIT_TYPES } from '@guanjia/shared';

/** The sheet the template ships and the importer reads first. */
export const IMPORT_SHEET = '房屋与住户';
export const GUIDE_SHEET = '填写说明';
/** A file may carry at most this many data rows (one import job). */
export const MAX_IMPORT_ROWS = 50_000;

export type ColumnKey =
  | 'buildingCode'
  | 'buildingName'
  | 'entrance'
  | 'floor'
  | 'room'
  | 'unitType'
  | 'unitStatus'
  | 'areaM2'
  | 'name'
  | 'phones'
  | 'idNumber'
  | 'relation'
  | 'vip'
  | 'tags'
  | 'birthday';

export interface ImportColumn {
  key: ColumnKey;
  /** Header text in row 1; also the "列" of a row error. */
  header: string;
  group: 'unit' | 'resident';
  required: string;
  hint: string;
  width: number;
  /** Drop-down choices (data validation in the template). */
  options?: readonly string[];
  /** Kept as text so Excel does not eat leading zeros or the last digits of an ID number. */
  text?: boolean;
  examples: readonly [string, string];
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'buildingCode',
    header: '楼栋编号',
    group: 'unit',
    required: '必填',
    hint: '楼栋的编号，如 1、3、T1；同一小区内唯一，是房屋编号的第一段。不能包含“-”或空格。',
    width: 10,
    text: true,
    examples: ['1', '1'],
  },
  {
    key: 'buildingName',
    header: '楼栋名称',
    group: 'unit',
    required: '选填',
    hint: '如“1号楼”。楼栋不存在时用它新建（不填则为“编号+号楼”）；已存在时填写则更新名称。',
    width: 12,
    examples: ['1号楼', '1号楼'],
  },
  {
    key: 'entrance',
    header: '单元',
    group: 'unit',
    required: '选填',
    hint: '单元号，如 2。没有单元的楼栋（写字楼、商铺）留空。',
    width: 8,
    text: true,
    examples: ['2', ''],
  },
  {
    key: 'floor',
    header: '楼层',
    group: 'unit',
    required: '选填',
    hint: '整数，-10 到 200；地下层用负数。',
    width: 8,
    examples: ['12', '1'],
  },
  {
    key: 'room',
    header: '房号',
    group: 'unit',
    required: '必填',
    hint: '如 1201、S01。与楼栋编号、单元一起组成房屋编号（如 1-2-1201），重复导入时据此找到同一套房屋。',
    width: 10,
    text: true,
    examples: ['1201', 'S01'],
  },
  {
    key: 'unitType',
    header: '房屋类型',
    group: 'unit',
    required: '选填',
    hint: `只能是：${UNIT_TYPES.join('、')}。新建房屋时不填为“住宅”。`,
    width: 10,
    options: UNIT_TYPES,
    examples: ['住宅', '商铺'],
  },
  {
    key: 'unitStatus',
    header: '房屋状态',
    group: 'unit',
    required: '选填',
    hint: `只能是：${UNIT_STATUSES.join('、')}。新建房屋时不填为“空置”。`,
    width: 10,
    options: UNIT_STATUSES,
    examples: ['已入住', '空置'],
  },
  {
    key: 'areaM2',
    header: '建筑面积',
    group: 'unit',
    required: '选填',
    hint: '平方米，数字，最多两位小数，如 89.5。',
    width: 10,
    examples: ['89.5', '45'],
  },
  {
    key: 'name',
    header: '住户姓名',
    group: 'resident',
    required: '填写住户时必填',
    hint: '只登记房屋时本列及右侧各列都留空；填写后会新建或更新住户，并关联到本行的房屋。',
    width: 10,
    examples: ['张三', ''],
  },
  {
    key: 'phones',
    header: '手机号码',
    group: 'resident',
    required: '选填',
    hint: '手机号或带区号的固话（如 021-68881234）；多个号码用逗号或“、”分隔。已有住户只会补充新号码，不会删除原有号码。',
    width: 16,
    text: true,
    examples: ['13800138000', ''],
  },
  {
    key: 'idNumber',
    header: '身份证号',
    group: 'resident',
    required: '选填',
    hint: '18 位身份证号（校验位须正确）。填写后按身份证号识别同一住户；不填则按“姓名+手机号码”识别。请保持文本格式。',
    width: 22,
    text: true,
    examples: ['110101199003071233', ''],
  },
  {
    key: 'relation',
    header: '关系',
    group: 'resident',
    required: '选填',
    hint: `住户与本行房屋的关系，只能是：${RESIDENT_RELATIONS.join('、')}。新关联时不填为“业主”。`,
    width: 8,
    options: RESIDENT_RELATIONS,
    examples: ['业主', ''],
  },
  {
    key: 'vip',
    header: 'VIP',
    group: 'resident',
    required: '选填',
    hint: '是 / 否。不填则不改变。',
    width: 6,
    options: ['是', '否'],
    examples: ['否', ''],
  },
  {
    key: 'tags',
    header: '标签',
    group: 'resident',
    required: '选填',
    hint: '多个标签用逗号或“、”分隔，如“独居老人、养宠物”；每个不超过 20 字。已有住户只补充新标签。',
    width: 16,
    examples: ['独居老人、养宠物', ''],
  },
  {
    key: 'birthday',
    header: '生日',
    group: 'resident',
    required: '选填',
    hint: '日期，格式 YYYY-MM-DD，如 1990-03-07。',
    width: 12,
    text: true,
    examples: ['1990-03-07', ''],
  },
];

export const columnOf = (key: ColumnKey): ImportColumn => {
  const column = IMPORT_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`unknown import column ${key}`);
  return column;
};

export const headerOf = (key: ColumnKey): string => columnOf(key).header;

/**
 * Header cells are matched loosely: spaces, a required-marker "*" and a trailing hint in brackets
 * ("房屋类型(住宅/商铺/车位/办公)", "关系（业主/家属/租户）") are ignored, so older templates still read.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（[【].*$/, '')
    .replace(/^\*|\*$/g, '')
    .toUpperCase();
}

const BY_HEADER = new Map<string, ColumnKey>(IMPORT_COLUMNS.map((c) => [normalizeHeader(c.header), c.key]));
// Words people use for the same columns in their own spreadsheets.
for (const [alias, key] of [
  ['楼栋', 'buildingCode'],
  ['楼号', 'buildingCode'],
  ['单元号', 'entrance'],
  ['房间号', 'room'],
  ['室号', 'room'],
  ['面积', 'areaM2'],
  ['姓名', 'name'],
  ['手机', 'phones'],
  ['电话', 'phones'],
  ['联系电话', 'phones'],
  ['证件号码', 'idNumber'],
  ['身份证', 'idNumber'],
  ['与房屋关系', 'relation'],
  ['住户关系', 'relation'],
  ['出生日期', 'birthday'],
] as const) {
  BY_HEADER.set(normalizeHeader(alias), key);
}

export const keyOfHeader = (text: string): ColumnKey | undefined => BY_HEADER.get(normalizeHeader(text));
