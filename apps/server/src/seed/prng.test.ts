import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, mulberry32 } from './prng';

describe('mulberry32', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = Array.from({ length: 5 }, mulberry32(42));
    const b = Array.from({ length: 5 }, mulberry32(42));
    const c = Array.from({ length: 5 }, mulberry32(43));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const next = mulberry32(seed);
        for (let i = 0; i < 50; i++) {
          const x = next();
          if (!(x >= 0 && x < 1)) return false;
        }
        return true;
      }),
    );
  });
});

describe('createRng', () => {
  it('int covers both bounds and nothing outside', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('weighted follows the weights roughly', () => {
    const rng = createRng(11);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });

  it('pick refuses an empty list', () => {
    expect(() => createRng(1).pick([])).toThrow();
  });
});

describe('deriveSeed', () => {
  it('gives distinct unsigned streams per index', () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => deriveSeed(5, i)));
    expect(seeds.size).toBe(10_000);
    for (const s of seeds) expect(s >>> 0).toBe(s);
  });
});
