import { describe, expect, it } from 'vitest';
import { dateBetween, planDemoEstate, warrantyFrom } from './estate-plan';
import { createRng } from './prng';

const plan = planDemoEstate(20_240_601);
const [jinxiu, tower] = plan;
const unitsOf = (p: (typeof plan)[number] | undefined) => p?.buildings.flatMap((b) => b.units) ?? [];

describe('planDemoEstate', () => {
  it('has a ~1,800-unit 小区 and a ~200-unit office tower', () => {
    expect(jinxiu?.name).toBe('锦绣花园');
    expect(tower?.kind).toBe('写字楼');
    expect(unitsOf(jinxiu).length).toBeGreaterThan(1_700);
    expect(unitsOf(jinxiu).length).toBeLessThan(1_900);
    expect(unitsOf(tower).length).toBeGreaterThan(180);
    expect(unitsOf(tower).length).toBeLessThan(220);
  });

  it('has buildings 1号楼…15号楼 of 2–3 entrances, 18–33 floors, 2–4 rooms a floor, plus the garage', () => {
    const homes = jinxiu?.buildings.filter((b) => b.units.some((u) => u.type === '住宅')) ?? [];
    expect(homes.map((b) => b.name)).toEqual(Array.from({ length: 15 }, (_, i) => `${i + 1}号楼`));
    for (const b of homes) {
      expect(b.entrances).toBeGreaterThanOrEqual(2);
      expect(b.entrances).toBeLessThanOrEqual(3);
      expect(b.floors).toBeGreaterThanOrEqual(18);
      expect(b.floors).toBeLessThanOrEqual(33);
      const perFloor = b.units.filter((u) => u.type === '住宅' && u.entrance === '1' && u.floor === 1).length;
      expect(perFloor).toBeGreaterThanOrEqual(2);
      expect(perFloor).toBeLessThanOrEqual(4);
    }
    expect(jinxiu?.buildings.some((b) => b.units.every((u) => u.type === '车位'))).toBe(true);
  });

  it('labels are unique per project and include the classic 3-2-1201', () => {
    for (const p of plan) {
      const labels = unitsOf(p).map((u) => u.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
    expect(unitsOf(jinxiu).find((u) => u.label === '3-2-1201')).toMatchObject({
      entrance: '2',
      floor: 12,
      room: '1201',
    });
    expect(
      unitsOf(tower).every((u) => u.entrance === null && u.type === '办公' && /^[AB]-\d{3,4}$/.test(u.label)),
    ).toBe(true);
  });

  it('has a realistic mix: homes of 60–180 m², mostly occupied, some shops and parking spaces', () => {
    const homes = unitsOf(jinxiu).filter((u) => u.type === '住宅');
    expect(homes.every((u) => u.areaM2 >= 60 && u.areaM2 <= 180)).toBe(true);
    const occupied = homes.filter((u) => u.status === '已入住').length / homes.length;
    expect(occupied).toBeGreaterThan(0.65);
    expect(occupied).toBeLessThan(0.9);
    for (const status of ['空置', '装修中', '已交房'] as const)
      expect(homes.some((u) => u.status === status)).toBe(true);
    expect(unitsOf(jinxiu).filter((u) => u.type === '商铺').length).toBeGreaterThan(5);
    expect(unitsOf(jinxiu).filter((u) => u.type === '车位').length).toBeGreaterThan(50);
  });

  it('gives handed-over units a handover date and a two-year warranty, vacant ones none', () => {
    for (const u of unitsOf(jinxiu)) {
      if (u.status === '空置') expect(u.handoverDate).toBeNull();
      else expect(u.warrantyUntil).toBe(warrantyFrom(u.handoverDate ?? ''));
    }
  });

  it('is deterministic for a seed', () => {
    expect(planDemoEstate(20_240_601)).toEqual(plan);
    expect(planDemoEstate(1)).not.toEqual(plan);
  });

  it('fills project facts from the plan', () => {
    expect(jinxiu?.households).toBe(unitsOf(jinxiu).filter((u) => u.type === '住宅').length);
    expect(jinxiu?.areaCode).toBe('021');
    expect(jinxiu?.servicePhone).toMatch(/^021-\d{8}$/);
  });
});

describe('date helpers', () => {
  it.each([
    ['2013-03-01', '2015-02-28'],
    ['2024-02-29', '2026-02-28'],
    ['2024-12-31', '2026-12-30'],
  ])('warranty from %s ends %s', (from, to) => {
    expect(warrantyFrom(from)).toBe(to);
  });

  it('dateBetween stays inside the window', () => {
    const rng = createRng(3);
    for (let i = 0; i < 500; i++) {
      const d = dateBetween(rng, '2024-09-01', '2025-03-31');
      expect(d >= '2024-09-01' && d <= '2025-03-31').toBe(true);
    }
  });
});
