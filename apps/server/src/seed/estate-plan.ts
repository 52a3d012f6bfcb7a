import { type ProjectKind, type UnitStatus, type UnitType, unitLabel } from '@guanjia/shared';
import type { BusinessHours } from '../modules/org/schema';
import { createRng, deriveSeed, type Rng } from './prng';

export interface UnitPlan {
  entrance: string | null;
  floor: number | null;
  room: string;
  label: string;
  type: UnitType;
  status: UnitStatus;
  areaM2: number;
  handoverDate: string | null;
  warrantyUntil: string | null;
}

export interface BuildingPlan {
  code: string;
  name: string;
  floors: number | null;
  entrances: number | null;
  sortOrder: number;
  units: UnitPlan[];
}

export interface ProjectPlan {
  key: 'jinxiu' | 'tower';
  code: string;
  name: string;
  kind: ProjectKind;
  address: string;
  households: number;
  areaM2: number;
  servicePhone: string;
  areaCode: string;
  businessHours: BusinessHours | null;
  buildings: BuildingPlan[];
}

/** A residential building: entrances × floors × rooms per floor, and the area of each room position. */
interface Tower {
  entrances: number;
  floors: number;
  /** Area of room 01, 02 … on every floor (the same layout stacks up the building). */
  layout: number[];
  phase: 1 | 2;
}

// 锦绣花园: phase 1 (buildings 1–10) handed over in 2013, phase 2 (11–15) in autumn 2024 and still in warranty.
const JINXIU_BUILDINGS: Tower[] = [
  { entrances: 2, floors: 18, layout: [89, 128], phase: 1 },
  { entrances: 2, floors: 18, layout: [89, 72, 118], phase: 1 },
  { entrances: 2, floors: 24, layout: [92, 135], phase: 1 },
  { entrances: 2, floors: 24, layout: [92, 135], phase: 1 },
  { entrances: 3, floors: 18, layout: [76, 108], phase: 1 },
  { entrances: 3, floors: 18, layout: [76, 108], phase: 1 },
  { entrances: 2, floors: 26, layout: [98, 142], phase: 1 },
  { entrances: 2, floors: 26, layout: [98, 142], phase: 1 },
  { entrances: 2, floors: 33, layout: [143, 176], phase: 1 },
  { entrances: 2, floors: 33, layout: [143, 176], phase: 1 },
  { entrances: 2, floors: 30, layout: [95, 125], phase: 2 },
  { entrances: 2, floors: 30, layout: [95, 125], phase: 2 },
  { entrances: 3, floors: 20, layout: [88, 112], phase: 2 },
  { entrances: 2, floors: 18, layout: [62, 89, 89, 62], phase: 2 },
  { entrances: 2, floors: 18, layout: [89, 68, 120], phase: 2 },
];

const STATUS_MIX: Record<1 | 2, readonly (readonly [UnitStatus, number])[]> = {
  1: [
    ['已入住', 88],
    ['空置', 5],
    ['装修中', 3],
    ['已交房', 4],
  ],
  2: [
    ['已入住', 55],
    ['装修中', 20],
    ['已交房', 17],
    ['空置', 8],
  ],
};

const HANDOVER: Record<1 | 2, [string, string]> = {
  1: ['2013-03-01', '2013-12-20'],
  2: ['2024-09-01', '2025-03-31'],
};

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A date between two ISO dates, inclusive. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return isoDay(a + rng.int(0, Math.round((b - a) / DAY)) * DAY);
}

/** Two-year warranty from handover (plumbing and electrics, 《建设工程质量管理条例》). */
export function warrantyFrom(handover: string): string {
  const [y, m, d] = handover.split('-').map(Number) as [number, number, number];
  return isoDay(Date.UTC(y + 2, m - 1, d) - DAY);
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const roomNumber = (floor: number, index: number) => `${floor}${String(index).padStart(2, '0')}`;

function handover(rng: Rng, status: UnitStatus, window: [string, string]) {
  if (status === '空置') return { handoverDate: null, warrantyUntil: null };
  const handoverDate = dateBetween(rng, window[0], window[1]);
  return { handoverDate, warrantyUntil: warrantyFrom(handoverDate) };
}

function residentialBuilding(seed: number, index: number, spec: Tower): BuildingPlan {
  const rng = createRng(deriveSeed(seed, index));
  const code = String(index + 1);
  // The same stack (entrance × room position) has the same measured area on every floor.
  const stackArea = Array.from({ length: spec.entrances }, () =>
    spec.layout.map((a) => round2(a + rng.int(-150, 150) / 100)),
  );
  const units: UnitPlan[] = [];
  for (let e = 1; e <= spec.entrances; e++) {
    for (let floor = 1; floor <= spec.floors; floor++) {
      spec.layout.forEach((_, r) => {
        const room = roomNumber(floor, r + 1);
        const status = rng.weighted(STATUS_MIX[spec.phase]);
        units.push({
          entrance: String(e),
          floor,
          room,
          label: unitLabel(code, String(e), room),
          type: '住宅',
          status,
          areaM2: stackArea[e - 1]?.[r] ?? 90,
          ...handover(rng, status, HANDOVER[spec.phase]),
        });
      });
    }
  }
  // Street-front shops under buildings 1 and 2 (沿街商铺).
  if (index < 2) {
    for (let s = 1; s <= 8; s++) {
      const room = `S${String(s).padStart(2, '0')}`;
      const status: UnitStatus = rng.chance(0.85) ? '已入住' : '空置';
      units.push({
        entrance: null,
        floor: 1,
        room,
        label: unitLabel(code, null, room),
        type: '商铺',
        status,
        areaM2: round2(rng.int(4500, 16000) / 100),
        ...handover(rng, status, HANDOVER[1]),
      });
    }
  }
  return {
    code,
    name: `${code}号楼`,
    floors: spec.floors,
    entrances: spec.entrances,
    sortOrder: index + 1,
    units,
  };
}

function garage(seed: number): BuildingPlan {
  const rng = createRng(deriveSeed(seed, 100));
  const units: UnitPlan[] = [];
  for (const [level, count] of [
    [1, 60],
    [2, 40],
  ] as const) {
    for (let n = 1; n <= count; n++) {
      const room = `B${level}${String(n).padStart(3, '0')}`;
      const status: UnitStatus = rng.chance(0.8) ? '已交房' : '空置';
      units.push({
        entrance: null,
        floor: -level,
        room,
        label: unitLabel('P', null, room),
        type: '车位',
        status,
        areaM2: round2(rng.int(1200, 1450) / 100),
        ...handover(rng, status, HANDOVER[1]),
      });
    }
  }
  return { code: 'P', name: '地下车库', floors: 2, entrances: null, sortOrder: 99, units };
}

function officeBuilding(
  seed: number,
  code: string,
  firstFloor: number,
  floors: number,
  perFloor: number,
  sortOrder: number,
): BuildingPlan {
  const rng = createRng(deriveSeed(seed, 200 + sortOrder));
  const layout = Array.from({ length: perFloor }, () => round2(rng.int(15000, 42000) / 100));
  const units: UnitPlan[] = [];
  for (let floor = firstFloor; floor <= floors; floor++) {
    layout.forEach((area, r) => {
      const room = roomNumber(floor, r + 1);
      const status = rng.weighted<UnitStatus>([
        ['已入住', 80],
        ['空置', 14],
        ['装修中', 6],
      ]);
      units.push({
        entrance: null,
        floor,
        room,
        label: unitLabel(code, null, room),
        type: '办公',
        status,
        areaM2: area,
        ...handover(rng, status, ['2018-05-01', '2018-10-31']),
      });
    });
  }
  return { code, name: `${code}座`, floors, entrances: null, sortOrder, units };
}

const officeHours = (): BusinessHours => ({
  weekdays: Array.from({ length: 7 }, (_, i) =>
    i < 5
      ? [
          { start: '08:30', end: '12:00' },
          { start: '13:00', end: '17:30' },
        ]
      : [],
  ),
  holidays: [],
  extraWorkdays: [],
});

const sumArea = (buildings: BuildingPlan[]) =>
  Math.round(buildings.flatMap((b) => b.units).reduce((s, u) => s + u.areaM2, 0));
const homes = (buildings: BuildingPlan[], type: UnitType) =>
  buildings.flatMap((b) => b.units).filter((u) => u.type === type).length;

/**
 * The demo estate: 锦绣花园, a 15-building residential 小区 in Pudong with shops and a garage, and
 * 云栖国际大厦, a two-tower office building. `null` business hours mean the product default.
 */
export function planDemoEstate(seed: number): ProjectPlan[] {
  const jinxiu = [...JINXIU_BUILDINGS.map((spec, i) => residentialBuilding(seed, i, spec)), garage(seed)];
  const tower = [officeBuilding(seed, 'A', 5, 28, 4, 1), officeBuilding(seed, 'B', 6, 26, 5, 2)];
  return [
    {
      key: 'jinxiu',
      code: 'JXHY',
      name: '锦绣花园',
      kind: '住宅',
      address: '上海市浦东新区锦绣路1588弄',
      households: homes(jinxiu, '住宅'),
      areaM2: sumArea(jinxiu),
      servicePhone: '021-58761234',
      areaCode: '021',
      businessHours: null,
      buildings: jinxiu,
    },
    {
      key: 'tower',
      code: 'YQGJ',
      name: '云栖国际大厦',
      kind: '写字楼',
      address: '上海市徐汇区云锦路500号',
      households: homes(tower, '办公'),
      areaM2: sumArea(tower),
      servicePhone: '021-64529876',
      areaCode: '021',
      businessHours: officeHours(),
      buildings: tower,
    },
  ];
}
