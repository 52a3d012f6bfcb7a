import { describe, expect, it } from 'vitest';
import type { KnownResident } from './match-resident';
import { parseRow, type RawRow } from './parse-row';
import {
  type BatchSnapshot,
  defaultBuildingName,
  netChanges,
  planBatch,
  type RowToApply,
} from './plan-batch';

const rows = (...raws: RawRow[]): RowToApply[] =>
  raws.map((raw, i) => {
    const parsed = parseRow(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return { row: i + 2, parsed: parsed.value };
  });

const empty: BatchSnapshot = { buildings: [], units: [], residents: [] };
const onFile: BatchSnapshot = {
  buildings: [{ id: 1, code: '3', name: '3号楼' }],
  units: [
    {
      id: 10,
      buildingId: 1,
      label: '3-2-1201',
      entrance: '2',
      room: '1201',
      floor: 12,
      type: '住宅',
      status: '已入住',
      areaM2: 89.5,
    },
  ],
  residents: [
    {
      id: 100,
      name: '张三',
      idNumber: null,
      vip: false,
      tags: ['养宠物'],
      birthday: null,
      phones: [{ raw: '13800138000', e164: '+8613800138000' }],
      links: [{ unitId: 10, relation: '业主' }],
    },
  ],
};
const unit = { buildingCode: '3', entrance: '2', room: '1201' };

describe('planBatch', () => {
  it('creates a building once, then its units and residents, with temporary ids', () => {
    const plan = planBatch(
      empty,
      rows(
        { ...unit, name: '张三' },
        { buildingCode: '3', room: 'S01', unitType: '商铺' },
        { ...unit, name: '李四', relation: '家属' },
      ),
    );
    expect(plan.outcomes.map((o) => o.result)).toEqual(['created', 'created', 'created']);
    expect(plan.newBuildings).toEqual([{ id: -1, code: '3', name: '3号楼', before: null }]);
    expect(plan.newUnits.map((u) => [u.label, u.buildingId, u.fields.type])).toEqual([
      ['3-2-1201', -1, '住宅'],
      ['3-S01', -1, '商铺'],
    ]);
    expect(plan.newResidents.map((r) => [r.name, r.links])).toEqual([
      ['张三', [{ unitId: -2, relation: '业主' }]],
      ['李四', [{ unitId: -2, relation: '家属' }]],
    ]);
  });

  it('the same rows against what they created change nothing', () => {
    const plan = planBatch(
      onFile,
      rows({
        ...unit,
        buildingName: '3号楼',
        floor: '12',
        unitStatus: '已入住',
        name: '张三',
        phones: '13800138000',
      }),
    );
    expect(plan.outcomes).toEqual([{ row: 2, result: 'unchanged' }]);
    expect(plan).toMatchObject({
      newBuildings: [],
      renamedBuildings: [],
      newUnits: [],
      changedUnits: [],
      newResidents: [],
      changedResidents: [],
    });
  });

  const cases: [string, RawRow, object][] = [
    [
      'a renamed building',
      { ...unit, buildingName: '三号楼' },
      { renamedBuildings: [{ id: 1, name: '三号楼', before: '3号楼' }] },
    ],
    [
      'a changed unit status',
      { ...unit, unitStatus: '装修中' },
      { changedUnits: [{ unit: { id: 10 }, changes: { status: '装修中' } }] },
    ],
    [
      'a new phone kept beside the old',
      { ...unit, name: '张三', phones: '13700137000' },
      { changedResidents: [{ before: { id: 100 }, changes: { phones: ['13800138000', '13700137000'] } }] },
    ],
    [
      'new tags merged',
      { ...unit, name: '张三', tags: '独居老人' },
      { changedResidents: [{ changes: { tags: ['养宠物', '独居老人'] } }] },
    ],
  ];
  it.each(cases)('%s is an update', (_name, raw, expected) => {
    const plan = planBatch(onFile, rows(raw));
    expect(plan.outcomes).toEqual([{ row: 2, result: 'updated' }]);
    expect(plan).toMatchObject({ newBuildings: [], newUnits: [], newResidents: [], ...expected });
  });

  it('a resident seen on two rows of the batch becomes one patch with both homes', () => {
    const plan = planBatch(
      onFile,
      rows(
        { ...unit, name: '张三', phones: '13800138000' },
        {
          buildingCode: '3',
          entrance: '2',
          room: '1202',
          name: '张三',
          phones: '13800138000',
          relation: '租户',
        },
      ),
    );
    expect(plan.outcomes.map((o) => o.result)).toEqual(['unchanged', 'created']);
    expect(plan.newResidents).toEqual([]);
    expect(plan.changedResidents).toEqual([
      {
        before: onFile.residents[0],
        changes: {
          units: [
            { unitId: 10, relation: '业主' },
            { unitId: -1, relation: '租户' },
          ],
        },
      },
    ]);
  });

  it('a label held by another building is a row error, not a write', () => {
    const snapshot: BatchSnapshot = { ...onFile, buildings: [] };
    const plan = planBatch(snapshot, rows(unit));
    expect(plan.outcomes).toEqual([
      {
        row: 2,
        result: 'error',
        error: { row: 2, column: '房号', reason: '房屋编号 3-2-1201 已被其他楼栋的房屋使用' },
      },
    ]);
    expect(plan.newBuildings).toEqual([]);
  });

  it('names buildings that have no name', () => {
    expect(defaultBuildingName('12')).toBe('12号楼');
    expect(defaultBuildingName('T1')).toBe('T1栋');
  });
});

describe('netChanges', () => {
  const before = onFile.residents[0] as KnownResident;
  it.each([
    ['nothing', before, null],
    ['VIP', { ...before, vip: true }, { vip: true }],
    ['an ID filled in', { ...before, idNumber: '11010119900307109X' }, { idNumber: '11010119900307109X' }],
    [
      'a relation changed',
      { ...before, links: [{ unitId: 10, relation: '租户' as const }] },
      { units: [{ unitId: 10, relation: '租户' }] },
    ],
  ])('%s', (_name, after, expected) => expect(netChanges(before, after)).toEqual(expected));
});
