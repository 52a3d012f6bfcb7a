import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namePinyin } from '../modules/residents/rules/name-pinyin';
import { eraOf, GIVEN_NAMES, generateName, SURNAMES } from './names';
import { createRng } from './prng';

const surnames = new Set(SURNAMES.map(([s]) => s));

describe('generateName', () => {
  it('is two or three Chinese characters: a listed surname and a given name of the era', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1940, max: 2000 }), fc.boolean(), (seed, year, male) => {
        const gender = male ? '男' : '女';
        const name = generateName(createRng(seed), gender, year);
        const given = name.slice(1);
        return (
          /^[\u4e00-\u9fff]{2,3}$/.test(name) &&
          surnames.has(name.slice(0, 1)) &&
          GIVEN_NAMES[eraOf(year)][gender].includes(given)
        );
      }),
    );
  });

  it('keeps a given surname', () => {
    expect(generateName(createRng(1), '男', 1990, '欧').startsWith('欧')).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) =>
      Array.from(
        { length: 20 },
        (
          (rng) => () =>
            generateName(rng, '女', 1985)
        )(createRng(seed)),
      );
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('follows surname frequency: 王李张 lead', () => {
    const rng = createRng(99);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const s = generateName(rng, '男', 1970).slice(0, 1);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const top = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([s]) => s);
    expect(new Set(top)).toEqual(new Set(['王', '李', '张']));
  });
});

describe('name lists', () => {
  it('have no duplicates and every name has clean pinyin', () => {
    expect(surnames.size).toBe(SURNAMES.length);
    for (const era of Object.values(GIVEN_NAMES)) {
      for (const list of Object.values(era)) {
        expect(new Set(list).size).toBe(list.length);
        for (const given of list) expect(namePinyin(`王${given}`).full).toMatch(/^wang[a-z]+$/);
      }
    }
  });

  it.each([
    [1945, 'elder'],
    [1959, 'elder'],
    [1960, 'middle'],
    [1979, 'middle'],
    [1980, 'young'],
    [2000, 'young'],
  ])('born %i → %s', (year, era) => {
    expect(eraOf(year)).toBe(era);
  });
});
