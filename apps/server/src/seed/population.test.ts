import { normalizePhone } from '@guanjia/shared';
import { describe, expect, it } from 'vitest';
import { validIdNumber } from '../modules/residents/inputs';
import { planDemoEstate } from './estate-plan';
import { planResidents, RESIDENT_TAGS } from './population';

const SEED = 20_240_601;
const plan = planDemoEstate(SEED);
const people = planResidents(SEED, plan);
const unitsOf = (p: number) => plan[p]?.buildings.flatMap((b) => b.units) ?? [];

describe('planResidents', () => {
  it('houses about 3,000 people', () => {
    expect(people.length).toBeGreaterThan(2_800);
    expect(people.length).toBeLessThan(3_300);
  });

  it('gives everybody a 2–3 character name and at least one phone that normalises', () => {
    for (const r of people) {
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(r.phones.length).toBeGreaterThan(0);
      for (const p of r.phones) expect(normalizePhone(p, { areaCode: '021' })).not.toBeNull();
    }
  });

  it('never repeats a mobile number and some people have a 021 landline', () => {
    const mobiles = people.flatMap((r) => r.phones).filter((p) => normalizePhone(p)?.kind === 'mobile');
    expect(new Set(mobiles).size).toBe(mobiles.length);
    expect(people.filter((r) => r.phones.some((p) => p.startsWith('021-'))).length).toBeGreaterThan(100);
  });

  it('gives valid, unique Shanghai ID numbers consistent with birthday and gender', () => {
    const ids = people.flatMap((r) => (r.idNumber ? [r] : []));
    expect(ids.length / people.length).toBeGreaterThan(0.6);
    expect(new Set(ids.map((r) => r.idNumber)).size).toBe(ids.length);
    for (const r of ids) {
      const id = r.idNumber ?? '';
      expect(validIdNumber(id)).toBe(true);
      expect(id.startsWith('310')).toBe(true);
      expect(r.birthday?.replace(/-/g, '')).toBe(id.slice(6, 14));
      expect(Number(id[16]) % 2).toBe(r.gender === '男' ? 1 : 0);
      expect(id.slice(6, 10) >= '1940' && id.slice(6, 10) <= '2000').toBe(true);
    }
  });

  it('has an owner in every occupied home, families sharing units and some tenants', () => {
    const ownersByUnit = new Set(
      people.flatMap((r) =>
        r.units.filter((l) => l.relation === '业主').map((l) => `${r.project}:${l.unit}`),
      ),
    );
    unitsOf(0).forEach((u, i) => {
      if (u.type === '住宅' && u.status === '已入住') expect(ownersByUnit.has(`0:${i}`)).toBe(true);
    });
    const relations = people.map((r) => r.units[0]?.relation);
    const share = (rel: string) => relations.filter((x) => x === rel).length / people.length;
    expect(share('业主')).toBeGreaterThan(0.4);
    expect(share('家属')).toBeGreaterThan(0.2);
    expect(share('租户')).toBeGreaterThan(0.1);
  });

  it('links parking spaces to owners who live in the estate', () => {
    const parking = new Set(unitsOf(0).flatMap((u, i) => (u.type === '车位' ? [i] : [])));
    const holders = people.filter((r) => r.units.some((l) => parking.has(l.unit)));
    expect(holders.length).toBeGreaterThan(40);
    for (const r of holders) expect(r.units[0]?.relation).toBe('业主');
  });

  it('flags about 3% VIP and uses every tag', () => {
    const vip = people.filter((r) => r.vip).length / people.length;
    expect(vip).toBeGreaterThan(0.02);
    expect(vip).toBeLessThan(0.045);
    for (const tag of RESIDENT_TAGS) expect(people.some((r) => r.tags.includes(tag))).toBe(true);
    for (const r of people.filter((x) => x.tags.includes('独居老人'))) {
      expect(Number(r.birthday?.slice(0, 4) ?? 1950)).toBeLessThan(1960);
    }
  });

  it('puts office tenants in the tower with their company in the notes', () => {
    const office = people.filter((r) => r.project === 1);
    expect(office.length).toBeGreaterThan(150);
    expect(
      office.filter((r) => r.units[0]?.relation === '租户').every((r) => r.notes?.startsWith('租户单位：')),
    ).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(planResidents(SEED, plan)).toEqual(people);
    expect(planResidents(SEED + 1, plan)[0]).not.toEqual(people[0]);
  });
});
