import { describe, expect, it } from 'vitest';
import { afterChanges, type KnownResident, matchResident, residentChanges } from './match-resident';
import type { ParsedResident } from './parse-row';

const phone = (national: string) => ({ raw: national, e164: `+86${national}` });
const known = (over: Partial<KnownResident> & { id: number; name: string }): KnownResident => ({
  idNumber: null,
  vip: false,
  tags: [],
  birthday: null,
  phones: [],
  links: [],
  ...over,
});
const row = (over: Partial<ParsedResident> & { name: string }): ParsedResident => ({
  phones: [],
  tags: [],
  ...over,
});

const ID = '11010119900307109X';
const zhang = known({
  id: 1,
  name: '张三',
  idNumber: ID,
  phones: [phone('13800138000')],
  links: [{ unitId: 10, relation: '业主' }],
});
const zhangNoId = known({
  id: 2,
  name: '张三',
  phones: [phone('13900139000')],
  links: [{ unitId: 11, relation: '业主' }],
});
const li = known({ id: 3, name: '李四', links: [{ unitId: 12, relation: '家属' }] });
const people = [zhang, zhangNoId, li];

describe('matchResident', () => {
  const cases: [string, ParsedResident, number, number | undefined][] = [
    ['same ID number', row({ name: '张三', idNumber: ID }), 99, 1],
    ['same ID number, name corrected', row({ name: '张叁', idNumber: ID }), 99, 1],
    ['no ID: same name and phone', row({ name: '张三', phones: [phone('13900139000')] }), 99, 2],
    [
      'no ID: same name, the phone of the resident with an ID',
      row({ name: '张三', phones: [phone('13800138000')] }),
      99,
      1,
    ],
    [
      'new ID: only residents without an ID qualify by phone',
      row({ name: '张三', idNumber: '110101900307123', phones: [phone('13800138000')] }),
      99,
      undefined,
    ],
    [
      'new ID on a resident who had none',
      row({ name: '张三', idNumber: '110101900307123', phones: [phone('13900139000')] }),
      99,
      2,
    ],
    [
      'same name, different phone, other unit',
      row({ name: '张三', phones: [phone('13700137000')] }),
      99,
      undefined,
    ],
    ['same name in the same home, no phone given', row({ name: '李四' }), 12, 3],
    ['same name in the same home, a new phone', row({ name: '李四', phones: [phone('13600136000')] }), 12, 3],
    ['same name elsewhere, nothing else', row({ name: '李四' }), 13, undefined],
    ['a different person', row({ name: '王五', phones: [phone('13800138000')] }), 10, undefined],
  ];
  it.each(cases)('%s', (_name, r, unitId, expected) => {
    expect(matchResident(people, r, unitId)?.id).toBe(expected);
  });
});

describe('residentChanges: re-import only adds and corrects', () => {
  const cases: [string, KnownResident, ParsedResident, number, object | null][] = [
    [
      'the same row again changes nothing',
      zhang,
      row({ name: '张三', idNumber: ID, phones: [phone('13800138000')], relation: '业主' }),
      10,
      null,
    ],
    ['blank cells change nothing', zhang, row({ name: '张三', idNumber: ID }), 10, null],
    [
      'a new phone is appended, the old one kept',
      zhang,
      row({ name: '张三', phones: [phone('13700137000')] }),
      10,
      { phones: ['13800138000', '13700137000'] },
    ],
    [
      'a second home adds a link and keeps the first',
      zhang,
      row({ name: '张三', relation: '租户' }),
      20,
      {
        units: [
          { unitId: 10, relation: '业主' },
          { unitId: 20, relation: '租户' },
        ],
      },
    ],
    [
      'a new link defaults to 业主',
      li,
      row({ name: '李四' }),
      21,
      {
        units: [
          { unitId: 12, relation: '家属' },
          { unitId: 21, relation: '业主' },
        ],
      },
    ],
    [
      'a changed relation is updated',
      li,
      row({ name: '李四', relation: '业主' }),
      12,
      { units: [{ unitId: 12, relation: '业主' }] },
    ],
    ['a blank relation keeps the stored one', li, row({ name: '李四' }), 12, null],
    [
      'tags are merged',
      known({ id: 9, name: '赵六', tags: ['养宠物'], links: [{ unitId: 30, relation: '业主' }] }),
      row({ name: '赵六', tags: ['养宠物', '独居老人'] }),
      30,
      { tags: ['养宠物', '独居老人'] },
    ],
    [
      'VIP and birthday',
      { ...li },
      row({ name: '李四', vip: true, birthday: '1980-01-02' }),
      12,
      { vip: true, birthday: '1980-01-02' },
    ],
    [
      'an ID is filled in, never replaced',
      zhangNoId,
      row({ name: '张三', idNumber: '110101900307123' }),
      11,
      { idNumber: '110101900307123' },
    ],
    ['a corrected name', zhang, row({ name: '张叁', idNumber: ID }), 10, { name: '张叁' }],
  ];
  it.each(cases)('%s', (_name, k, r, unitId, expected) => {
    expect(residentChanges(k, r, unitId)).toEqual(expected);
  });

  it('afterChanges makes the next identical row a no-op', () => {
    const r = row({ name: '张三', phones: [phone('13700137000')], tags: ['VIP客户'], relation: '租户' });
    const changes = residentChanges(zhang, r, 20);
    expect(changes).not.toBeNull();
    const next = afterChanges(zhang, r, changes!);
    expect(next.phones.map((p) => p.e164)).toEqual(['+8613800138000', '+8613700137000']);
    expect(residentChanges(next, r, 20)).toBeNull();
  });
});
