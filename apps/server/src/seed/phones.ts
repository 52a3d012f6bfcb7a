import type { Rng } from './prng';

/** Mobile number segments in use, weighted roughly by how many subscribers carry them. */
export const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ['130', 3],
  ['131', 3],
  ['132', 3],
  ['133', 3],
  ['134', 2],
  ['135', 6],
  ['136', 5],
  ['137', 5],
  ['138', 7],
  ['139', 7],
  ['150', 4],
  ['151', 4],
  ['152', 3],
  ['153', 2],
  ['155', 2],
  ['156', 3],
  ['157', 2],
  ['158', 4],
  ['159', 4],
  ['180', 3],
  ['181', 3],
  ['182', 3],
  ['183', 2],
  ['185', 3],
  ['186', 4],
  ['187', 3],
  ['188', 3],
  ['189', 4],
  ['191', 1],
  ['193', 1],
  ['195', 1],
  ['198', 2],
  ['199', 2],
];
const PREFIX_LIST = MOBILE_PREFIXES.map(([p]) => p);

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

export function randomMobile(rng: Rng): string {
  return rng.weighted(MOBILE_PREFIXES) + digits(rng, 8);
}

/** A mobile number not yet in `seen` (which it joins). */
export function uniqueMobile(rng: Rng, seen: Set<string>): string {
  for (;;) {
    const m = randomMobile(rng);
    if (!seen.has(m)) {
      seen.add(m);
      return m;
    }
  }
}

/**
 * The i-th mobile of a large synthetic population, unique for every i < 33 × 10^8 without keeping a set:
 * the segment cycles and the subscriber part is an affine bijection of ⌊i / segments⌋ modulo 10^8.
 */
export function mobileForIndex(i: number): string {
  const prefix = PREFIX_LIST[i % PREFIX_LIST.length] as string;
  const k = Math.floor(i / PREFIX_LIST.length);
  // 48_271 is odd and not a multiple of 5, hence invertible modulo 10^8; exact in doubles (< 2^53).
  const subscriber = (k * 48_271 + 12_345_679) % 100_000_000;
  return prefix + String(subscriber).padStart(8, '0');
}

/** A Shanghai landline as people write it: "021-64381234". */
export function randomShanghaiLandline(rng: Rng): string {
  return `021-${rng.pick(['5', '6', '6', '3'])}${digits(rng, 7)}`;
}
