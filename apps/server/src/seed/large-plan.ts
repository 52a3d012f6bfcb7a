import type { ContactChannel, ResidentRelation } from '@guanjia/shared';
import { randomBirthDate, randomIdNumber } from './id-number';
import { type Gender, generateName } from './names';
import { mobileForIndex } from './phones';
import { RESIDENT_TAGS } from './population';
import { createRng, deriveSeed } from './prng';

/** The load-test 小区: identical buildings of 3 entrances × 28 floors × 4 rooms, about 3 people per home. */
export const LARGE = {
  code: 'YCXQ',
  name: '压测小区',
  entrances: 3,
  floors: 28,
  roomsPerFloor: 4,
  peoplePerUnit: 3,
  layout: [89.5, 118.2, 118.2, 89.5],
  seed: 7_654_321,
} as const;

export const UNITS_PER_BUILDING = LARGE.entrances * LARGE.floors * LARGE.roomsPerFloor;

export function buildingsFor(residents: number): number {
  return Math.max(1, Math.ceil(residents / (UNITS_PER_BUILDING * LARGE.peoplePerUnit)));
}

export interface LargeUnit {
  buildingCode: string;
  entrance: string;
  floor: number;
  room: string;
  label: string;
  areaM2: number;
}

/** The n-th unit of the load-test estate (building by building, entrance, floor, room). */
export function largeUnit(n: number): LargeUnit {
  const building = Math.floor(n / UNITS_PER_BUILDING) + 1;
  const within = n % UNITS_PER_BUILDING;
  const perEntrance = LARGE.floors * LARGE.roomsPerFloor;
  const entrance = Math.floor(within / perEntrance) + 1;
  const floor = Math.floor((within % perEntrance) / LARGE.roomsPerFloor) + 1;
  const r = within % LARGE.roomsPerFloor;
  const room = `${floor}${String(r + 1).padStart(2, '0')}`;
  return {
    buildingCode: String(building),
    entrance: String(entrance),
    floor,
    room,
    label: `${building}-${entrance}-${room}`,
    areaM2: LARGE.layout[r] ?? 90,
  };
}

export interface LargeResident {
  name: string;
  gender: Gender;
  idNumber: string | null;
  birthday: string | null;
  phones: string[];
  vip: boolean;
  tags: string[];
  preferredChannel: ContactChannel | null;
  /** Index of the unit, see largeUnit. */
  unit: number;
  relation: ResidentRelation;
}

const CHANNELS: readonly (readonly [ContactChannel | null, number])[] = [
  ['phone', 40],
  ['wechat', 35],
  ['sms', 10],
  ['app', 10],
  [null, 5],
];

/**
 * The i-th resident of the load test, a pure function of i: a run that stopped half way resumes with the
 * same people. Mobiles are unique by construction (mobileForIndex), ID numbers valid but not deduplicated.
 */
export function largeResident(i: number): LargeResident {
  const rng = createRng(deriveSeed(LARGE.seed, i));
  const relation: ResidentRelation = i % 3 === 0 ? '业主' : i % 3 === 1 || rng.chance(0.7) ? '家属' : '租户';
  const gender: Gender = rng.chance(0.5) ? '男' : '女';
  const birthday = randomBirthDate(rng, 1940, 2000);
  const phones = [mobileForIndex(i + 1_000_000)];
  if (rng.chance(0.05)) phones.push(`021-6${String(i % 10_000_000).padStart(7, '0')}`);
  const idNumber = rng.chance(0.7) ? randomIdNumber(rng, birthday, gender) : null;
  return {
    name: generateName(rng, gender, Number(birthday.slice(0, 4))),
    gender,
    idNumber,
    birthday: idNumber || rng.chance(0.3) ? birthday : null,
    phones,
    vip: rng.chance(0.03),
    tags: rng.chance(0.02) ? [rng.pick(RESIDENT_TAGS)] : [],
    preferredChannel: rng.weighted(CHANNELS),
    unit: Math.floor(i / LARGE.peoplePerUnit),
    relation,
  };
}
