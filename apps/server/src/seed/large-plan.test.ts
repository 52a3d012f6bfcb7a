import { normalizePhone } from '@guanjia/shared';
import { describe, expect, it } from 'vitest';
import { validIdNumber } from '../modules/residents/inputs';
import { buildingsFor, LARGE, largeResident, largeUnit, UNITS_PER_BUILDING } from './large-plan';

describe('largeUnit', () => {
  it.each([
    [0, '1-1-101'],
    [3, '1-1-104'],
    [4, '1-1-201'],
    [LARGE.floors * LARGE.roomsPerFloor, '1-2-101'],
    [UNITS_PER_BUILDING - 1, '1-3-2804'],
    [UNITS_PER_BUILDING, '2-1-101'],
    [2 * UNITS_PER_BUILDING + 112 + 11 * 4, '3-2-1201'],
  ])('unit %i is %s', (n, label) => {
    expect(largeUnit(n).label).toBe(label);
  });

  it('labels are unique over a few buildings', () => {
    const labels = Array.from({ length: UNITS_PER_BUILDING * 3 }, (_, n) => largeUnit(n).label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('largeResident', () => {
  it('is a pure function of its index', () => {
    expect(largeResident(4242)).toEqual(largeResident(4242));
    expect(largeResident(4242)).not.toEqual(largeResident(4243));
  });

  it('has valid phones, ID numbers and names, three people per home starting with the owner', () => {
    for (let i = 0; i < 3_000; i++) {
      const r = largeResident(i);
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      for (const p of r.phones) expect(normalizePhone(p)).not.toBeNull();
      if (r.idNumber) expect(validIdNumber(r.idNumber)).toBe(true);
      expect(r.unit).toBe(Math.floor(i / 3));
      if (i % 3 === 0) expect(r.relation).toBe('业主');
      else expect(r.relation).not.toBe('业主');
    }
  });

  it('never repeats a mobile', () => {
    const mobiles = Array.from({ length: 50_000 }, (_, i) => largeResident(i).phones[0]);
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });
});

describe('buildingsFor', () => {
  it.each([
    [1, 1],
    [1_008, 1],
    [1_009, 2],
    [200_000, 199],
  ])('%i residents need %i buildings', (residents, buildings) => {
    expect(buildingsFor(residents)).toBe(buildings);
  });
});
