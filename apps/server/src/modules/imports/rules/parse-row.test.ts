import { describe, expect, it } from 'vitest';
import {
  type CellError,
  isBlankRow,
  parseArea,
  parseDate,
  parseFloor,
  parseRow,
  type RawRow,
} from './parse-row';

const unit: RawRow = { buildingCode: '3', entrance: '2', room: '1201' };

describe('parseRow: valid rows', () => {
  const cases: [string, RawRow, object][] = [
    [
      'unit columns only',
      unit,
      { unit: { buildingCode: '3', entrance: '2', room: '1201', label: '3-2-1201' }, resident: null },
    ],
    ['no entrance', { buildingCode: 'T1', room: '1501' }, { unit: { entrance: null, label: 'T1-1501' } }],
    [
      'every unit column',
      {
        ...unit,
        buildingName: '3号楼',
        floor: '12',
        unitType: '商铺',
        unitStatus: '已交房',
        areaM2: '89.456㎡',
      },
      { unit: { buildingName: '3号楼', floor: 12, type: '商铺', status: '已交房', areaM2: 89.46 } },
    ],
    ['basement floor written as 层', { ...unit, floor: '-2层' }, { unit: { floor: -2 } }],
    [
      'resident with everything',
      {
        ...unit,
        name: '张三',
        phones: '138 0013 8000、021-68881234',
        idNumber: '11010119900307109x',
        relation: '租户',
        vip: '是',
        tags: '独居老人, 养宠物、独居老人',
        birthday: '1990/3/7',
      },
      {
        resident: {
          name: '张三',
          phones: [
            { raw: '138 0013 8000', e164: '+8613800138000' },
            { raw: '021-68881234', e164: '+862168881234' },
          ],
          idNumber: '11010119900307109X',
          relation: '租户',
          vip: true,
          tags: ['独居老人', '养宠物'],
          birthday: '1990-03-07',
        },
      },
    ],
    [
      'local landline takes the project area code',
      { ...unit, name: '李四', phones: '68881234' },
      { resident: { phones: [{ e164: '+862168881234' }] } },
    ],
    [
      'the same number twice is kept once',
      { ...unit, name: '李四', phones: '13800138000,+86 138-0013-8000' },
      { resident: { phones: [{ e164: '+8613800138000' }] } },
    ],
    ['VIP 否', { ...unit, name: '王五', vip: '否' }, { resident: { vip: false } }],
    [
      '15-digit old ID',
      { ...unit, name: '王五', idNumber: '110101900307123' },
      { resident: { idNumber: '110101900307123' } },
    ],
    [
      'relation left out is not invented',
      { ...unit, name: '王五' },
      { resident: { name: '王五', phones: [], tags: [] } },
    ],
    [
      'birthday in Chinese',
      { ...unit, name: '王五', birthday: '1988年12月1日' },
      { resident: { birthday: '1988-12-01' } },
    ],
  ];
  it.each(cases)('%s', (_name, raw, expected) => {
    const result = parseRow(raw, { areaCode: '021' });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });

  it('leaves optional fields out rather than guessing', () => {
    const result = parseRow({ ...unit, name: '王五' });
    expect(result).toEqual({
      ok: true,
      value: {
        unit: { buildingCode: '3', entrance: '2', room: '1201', label: '3-2-1201' },
        resident: { name: '王五', phones: [], tags: [] },
      },
    });
  });
});

describe('parseRow: errors name the column and say why in Chinese', () => {
  const cases: [string, RawRow, CellError[]][] = [
    ['missing 房号', { buildingCode: '3' }, [{ column: '房号', reason: '房号不能为空' }]],
    ['missing 楼栋编号', { room: '101' }, [{ column: '楼栋编号', reason: '楼栋编号不能为空' }]],
    [
      'dash in a code',
      { buildingCode: '3-1', room: '101' },
      [{ column: '楼栋编号', reason: '楼栋编号不能包含“-”或空格' }],
    ],
    [
      'space in 房号',
      { buildingCode: '3', room: '1 01' },
      [{ column: '房号', reason: '房号不能包含“-”或空格' }],
    ],
    [
      'floor out of range',
      { ...unit, floor: '300' },
      [{ column: '楼层', reason: '楼层应为 -10 到 200 之间的整数' }],
    ],
    [
      'floor not a number',
      { ...unit, floor: '十二' },
      [{ column: '楼层', reason: '楼层应为 -10 到 200 之间的整数' }],
    ],
    [
      'unknown 房屋类型',
      { ...unit, unitType: '别墅' },
      [{ column: '房屋类型', reason: '房屋类型只能是：住宅、商铺、车位、办公' }],
    ],
    [
      'unknown 房屋状态',
      { ...unit, unitStatus: '出租' },
      [{ column: '房屋状态', reason: '房屋状态只能是：空置、已交房、装修中、已入住' }],
    ],
    [
      'negative area',
      { ...unit, areaM2: '-5' },
      [{ column: '建筑面积', reason: '建筑面积应为 0 到 100000 之间的数字' }],
    ],
    [
      'bad phone',
      { ...unit, name: '张三', phones: '12345' },
      [{ column: '手机号码', reason: '手机号码格式不正确：12345' }],
    ],
    [
      'one bad phone among good ones',
      { ...unit, name: '张三', phones: '13800138000、99' },
      [{ column: '手机号码', reason: '手机号码格式不正确：99' }],
    ],
    [
      'bad ID check digit',
      { ...unit, name: '张三', idNumber: '110101199003071234' },
      [{ column: '身份证号', reason: '身份证号校验位不正确' }],
    ],
    [
      'ID of wrong length',
      { ...unit, name: '张三', idNumber: '1101011990' },
      [{ column: '身份证号', reason: '身份证号格式不正确（应为 18 位，末位可为 X）' }],
    ],
    [
      'unknown 关系',
      { ...unit, name: '张三', relation: '朋友' },
      [{ column: '关系', reason: '关系只能是：业主、家属、租户' }],
    ],
    [
      'VIP neither yes nor no',
      { ...unit, name: '张三', vip: '也许' },
      [{ column: 'VIP', reason: 'VIP 只能填写“是”或“否”' }],
    ],
    [
      'impossible birthday',
      { ...unit, name: '张三', birthday: '1990-02-30' },
      [{ column: '生日', reason: '生日应为有效日期，格式 YYYY-MM-DD' }],
    ],
    [
      'tag too long',
      { ...unit, name: '张三', tags: '这是一个非常非常非常非常非常非常非常长的标签' },
      [{ column: '标签', reason: '每个标签不能超过 20 个字' }],
    ],
    [
      'resident columns without a name',
      { ...unit, phones: '13800138000' },
      [{ column: '住户姓名', reason: '填写了住户信息时住户姓名不能为空' }],
    ],
    [
      'several bad cells are all reported',
      { buildingCode: '3', name: '张三', phones: 'abc', relation: '房东' },
      [
        { column: '房号', reason: '房号不能为空' },
        { column: '手机号码', reason: '手机号码格式不正确：abc' },
        { column: '关系', reason: '关系只能是：业主、家属、租户' },
      ],
    ],
  ];
  it.each(cases)('%s', (_name, raw, errors) => {
    expect(parseRow(raw, { areaCode: '021' })).toEqual({ ok: false, errors });
  });

  it('explains an ID number that Excel stored as a number', () => {
    const result = parseRow(
      { ...unit, name: '张三', idNumber: '110101199003071000' },
      { numeric: ['idNumber'] },
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          column: '身份证号',
          reason: '身份证号被 Excel 存成了数字，末几位已丢失；请将该列设为文本格式后重新填写',
        },
      ],
    });
  });
});

describe('field readers', () => {
  it.each([
    ['12', 12],
    ['-1', -1],
    ['12F', 12],
    ['201', undefined],
    ['1.5', undefined],
    ['', undefined],
  ] as const)('floor %s → %s', (text, expected) => expect(parseFloor(text)).toBe(expected));

  it.each([
    ['89.5', 89.5],
    ['120平方米', 120],
    ['0', 0],
    ['100001', undefined],
    ['abc', undefined],
  ] as const)('area %s → %s', (text, expected) => expect(parseArea(text)).toBe(expected));

  it.each([
    ['1990-03-07', '1990-03-07'],
    ['1990.3.7', '1990-03-07'],
    ['2000-02-29', '2000-02-29'],
    ['1900-02-29', undefined],
    ['1990-13-01', undefined],
    ['07/03/1990', undefined],
    ['1850-01-01', undefined],
  ] as const)('date %s → %s', (text, expected) => expect(parseDate(text)).toBe(expected));

  it('knows a blank row', () => {
    expect(isBlankRow({})).toBe(true);
    expect(isBlankRow({ name: '' })).toBe(true);
    expect(isBlankRow({ room: '1' })).toBe(false);
  });
});
