import {
  normalizePhone,
  RESIDENT_RELATIONS,
  type ResidentRelation,
  UNIT_STATUSES,
  UNIT_TYPES,
  type UnitStatus,
  type UnitType,
  unitLabel,
} from '@guanjia/shared';
import { validIdNumber } from '../../residents/inputs';
import { type ColumnKey, headerOf } from '../columns';

/** One data row as read from the sheet: trimmed text per known column, blanks left out. */
export type RawRow = Partial<Record<ColumnKey, string>>;

export interface ParsedUnit {
  buildingCode: string;
  buildingName?: string;
  entrance: string | null;
  floor?: number;
  room: string;
  type?: UnitType;
  status?: UnitStatus;
  areaM2?: number;
  /** unitLabel(楼栋编号, 单元, 房号): the re-import key of the unit. */
  label: string;
}

export interface ParsedPhone {
  raw: string;
  e164: string;
}

export interface ParsedResident {
  name: string;
  phones: ParsedPhone[];
  idNumber?: string;
  relation?: ResidentRelation;
  vip?: boolean;
  tags: string[];
  birthday?: string;
}

export interface ParsedRow {
  unit: ParsedUnit;
  resident: ParsedResident | null;
}

export interface CellError {
  /** Header name of the column, as in the template. */
  column: string;
  /** What is wrong, in Chinese, for the person who fixes the file. */
  reason: string;
}

export type ParseResult = { ok: true; value: ParsedRow } | { ok: false; errors: CellError[] };

export interface ParseOptions {
  /** The project's area code completes local landline numbers (021 → 68881234). */
  areaCode?: string | null;
  /** Columns whose cell was a number in Excel rather than text. */
  numeric?: readonly ColumnKey[];
}

const RESIDENT_KEYS: readonly ColumnKey[] = [
  'name',
  'phones',
  'idNumber',
  'relation',
  'vip',
  'tags',
  'birthday',
];
const LIST_SEPARATOR = /[,，、;；/]+/;
const TRUE_WORDS = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√', 'VIP']);
const FALSE_WORDS = new Set(['否', 'N', 'NO', 'FALSE', '0', '×', '不是']);

export const isBlankRow = (raw: RawRow): boolean => Object.values(raw).every((v) => !v);

/** Validate one row. Every bad cell is reported (not only the first), so one pass fixes the file. */
export function parseRow(raw: RawRow, options: ParseOptions = {}): ParseResult {
  const errors: CellError[] = [];
  const fail = (key: ColumnKey, reason: string) => {
    errors.push({ column: headerOf(key), reason });
    return undefined;
  };

  const buildingCode = code(raw.buildingCode, 'buildingCode', 20, true, fail);
  const buildingName = text(raw.buildingName, 'buildingName', 60, fail);
  const entrance = code(raw.entrance, 'entrance', 10, false, fail);
  const room = code(raw.room, 'room', 20, true, fail);
  const floor = raw.floor ? parseFloor(raw.floor) : undefined;
  if (raw.floor && floor === undefined) fail('floor', '楼层应为 -10 到 200 之间的整数');
  const type = raw.unitType ? oneOf(UNIT_TYPES, raw.unitType) : undefined;
  if (raw.unitType && !type) fail('unitType', `房屋类型只能是：${UNIT_TYPES.join('、')}`);
  const status = raw.unitStatus ? oneOf(UNIT_STATUSES, raw.unitStatus) : undefined;
  if (raw.unitStatus && !status) fail('unitStatus', `房屋状态只能是：${UNIT_STATUSES.join('、')}`);
  const areaM2 = raw.areaM2 ? parseArea(raw.areaM2) : undefined;
  if (raw.areaM2 && areaM2 === undefined) fail('areaM2', '建筑面积应为 0 到 100000 之间的数字');

  const resident = RESIDENT_KEYS.some((k) => raw[k]) ? parseResident(raw, options, fail) : null;

  if (errors.length || !buildingCode || !room) return { ok: false, errors };
  const unit: ParsedUnit = {
    buildingCode,
    entrance: entrance ?? null,
    room,
    label: unitLabel(buildingCode, entrance ?? null, room),
    ...(buildingName !== undefined ? { buildingName } : {}),
    ...(floor !== undefined ? { floor } : {}),
    ...(type ? { type } : {}),
    ...(status ? { status } : {}),
    ...(areaM2 !== undefined ? { areaM2 } : {}),
  };
  return { ok: true, value: { unit, resident: resident ?? null } };
}

type Fail = (key: ColumnKey, reason: string) => undefined;

function parseResident(raw: RawRow, options: ParseOptions, fail: Fail): ParsedResident | undefined {
  const state = { failed: false };
  const mark: Fail = (key, reason) => {
    state.failed = true;
    return fail(key, reason);
  };
  const name = raw.name ? text(raw.name, 'name', 50, mark) : mark('name', '填写了住户信息时住户姓名不能为空');

  const phones: ParsedPhone[] = [];
  if (raw.phones) {
    const parts = raw.phones
      .split(LIST_SEPARATOR)
      .map((p) => p.trim())
      .filter(Boolean);
    const bad = parts.filter((p) => !normalizePhone(p, { areaCode: options.areaCode ?? undefined }));
    if (bad.length) mark('phones', `手机号码格式不正确：${bad.join('、')}`);
    else if (parts.length > 5) mark('phones', '手机号码最多填写 5 个');
    else {
      for (const p of parts) {
        const n = normalizePhone(p, { areaCode: options.areaCode ?? undefined });
        if (n && !phones.some((x) => x.e164 === n.e164)) phones.push({ raw: p, e164: n.e164 });
      }
    }
  }

  let idNumber: string | undefined;
  if (raw.idNumber) {
    const v = raw.idNumber.replace(/\s+/g, '').toUpperCase();
    if (validIdNumber(v)) idNumber = v;
    else if (options.numeric?.includes('idNumber') && v.length >= 16) {
      mark('idNumber', '身份证号被 Excel 存成了数字，末几位已丢失；请将该列设为文本格式后重新填写');
    } else if (/^\d{17}[\dX]$/.test(v)) mark('idNumber', '身份证号校验位不正确');
    else mark('idNumber', '身份证号格式不正确（应为 18 位，末位可为 X）');
  }

  const relation = raw.relation ? oneOf(RESIDENT_RELATIONS, raw.relation) : undefined;
  if (raw.relation && !relation) mark('relation', `关系只能是：${RESIDENT_RELATIONS.join('、')}`);

  let vip: boolean | undefined;
  if (raw.vip) {
    const word = raw.vip.trim().toUpperCase();
    if (TRUE_WORDS.has(word)) vip = true;
    else if (FALSE_WORDS.has(word)) vip = false;
    else mark('vip', 'VIP 只能填写“是”或“否”');
  }

  const tags: string[] = [];
  if (raw.tags) {
    for (const tag of raw.tags
      .split(LIST_SEPARATOR)
      .map((t) => t.trim())
      .filter(Boolean)) {
      if (!tags.includes(tag)) tags.push(tag);
    }
    if (tags.some((t) => t.length > 20)) mark('tags', '每个标签不能超过 20 个字');
    else if (tags.length > 20) mark('tags', '标签最多 20 个');
  }

  const birthday = raw.birthday ? parseDate(raw.birthday) : undefined;
  if (raw.birthday && !birthday) mark('birthday', '生日应为有效日期，格式 YYYY-MM-DD');

  if (state.failed || !name) return undefined;
  return {
    name,
    phones,
    tags,
    ...(idNumber ? { idNumber } : {}),
    ...(relation ? { relation } : {}),
    ...(vip !== undefined ? { vip } : {}),
    ...(birthday ? { birthday } : {}),
  };
}

/** Codes become parts of the "1-2-1201" label, so they cannot contain its separator. */
function code(
  value: string | undefined,
  key: ColumnKey,
  max: number,
  required: boolean,
  fail: Fail,
): string | undefined {
  const header = headerOf(key);
  if (!value) return required ? fail(key, `${header}不能为空`) : undefined;
  if (/[-\s]/.test(value)) return fail(key, `${header}不能包含“-”或空格`);
  if (value.length > max) return fail(key, `${header}不能超过 ${max} 个字符`);
  return value;
}

function text(value: string | undefined, key: ColumnKey, max: number, fail: Fail): string | undefined {
  if (!value) return undefined;
  if (value.length > max) return fail(key, `${headerOf(key)}不能超过 ${max} 个字`);
  return value;
}

function oneOf<T extends string>(choices: readonly T[], value: string): T | undefined {
  const v = value.trim();
  return choices.find((c) => c === v);
}

/** "12", "12层", "12F", "-1" → integer floor. */
export function parseFloor(value: string): number | undefined {
  const m = /^(-?\d{1,3})(?:层|楼|F)?$/i.exec(value.trim());
  if (!m?.[1]) return undefined;
  const n = Number(m[1]);
  return n >= -10 && n <= 200 ? n : undefined;
}

/** "89.5", "89.5㎡", "89.5平方米" → 89.5, rounded to two decimals. */
export function parseArea(value: string): number | undefined {
  const m = /^(\d{1,6}(?:\.\d+)?)\s*(?:㎡|m2|m²|平方米|平米|平)?$/i.exec(value.trim());
  if (!m?.[1]) return undefined;
  const n = Math.round(Number(m[1]) * 100) / 100;
  return n >= 0 && n <= 100_000 ? n : undefined;
}

/** "1990-03-07", "1990/3/7", "1990.3.7", "1990年3月7日" → "1990-03-07"; impossible dates → undefined. */
export function parseDate(value: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100) return undefined;
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
