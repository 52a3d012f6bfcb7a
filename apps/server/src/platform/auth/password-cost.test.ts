import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatHash,
  KEY_BYTES,
  needsRehash,
  PASSWORD_COST,
  parseHash,
  SALT_BYTES,
  type ScryptCost,
  scryptMemory,
} from './password-cost';

const salt = Buffer.alloc(SALT_BYTES, 7);
const key = Buffer.alloc(KEY_BYTES, 9);
const hashAt = (n: number, r = 8, p = 1, s = salt, k = key) => formatHash({ n, r, p }, s, k);

describe('PASSWORD_COST', () => {
  it("is OWASP's scrypt minimum: N=2^17, r=8, p=1 (128 MiB)", () => {
    expect(PASSWORD_COST).toEqual({ n: 131_072, r: 8, p: 1 });
    expect(scryptMemory(PASSWORD_COST)).toBeGreaterThan(128 * 1024 * 1024);
  });
});

describe('needsRehash', () => {
  const target: ScryptCost = { n: 2 ** 17, r: 8, p: 1 };
  it.each([
    ['the old N=2^15 hash', hashAt(2 ** 15), true],
    ['a hash at the target', hashAt(2 ** 17), false],
    ['a stronger N', hashAt(2 ** 18), false],
    ['a smaller block size', hashAt(2 ** 17, 4), true],
    ['a short salt', hashAt(2 ** 17, 8, 1, Buffer.alloc(8)), true],
    ['a short key', hashAt(2 ** 17, 8, 1, salt, Buffer.alloc(16)), true],
    ['another algorithm', '$2b$12$abcdefghijklmnopqrstuv', true],
    ['N not a power of two', hashAt(100_000), true],
    ['a mangled row', 'scrypt$131072$8', true],
    ['an empty string', '', true],
  ])('%s → %s', (_what, stored, expected) => {
    expect(needsRehash(stored, target)).toBe(expected);
  });

  it('a target with more parallelism upgrades p=1 hashes', () => {
    expect(needsRehash(hashAt(2 ** 17), { n: 2 ** 17, r: 8, p: 2 })).toBe(true);
  });

  const cost = fc.record({
    n: fc.integer({ min: 1, max: 24 }).map((e) => 2 ** e),
    r: fc.integer({ min: 1, max: 32 }),
    p: fc.integer({ min: 1, max: 16 }),
  });

  it('rehashes exactly when some factor is below the target, and never a hash already at it', () => {
    fc.assert(
      fc.property(cost, cost, (stored, t) => {
        const weaker = stored.n < t.n || stored.r < t.r || stored.p < t.p;
        expect(needsRehash(formatHash(stored, salt, key), t)).toBe(weaker);
        expect(needsRehash(formatHash(t, salt, key), t)).toBe(false);
      }),
    );
  });

  it('parses what it formats', () => {
    fc.assert(
      fc.property(cost, fc.uint8Array({ minLength: 1, maxLength: 64 }), (c, bytes) => {
        const parsed = parseHash(formatHash(c, Buffer.from(bytes), key));
        expect(parsed?.cost).toEqual(c);
        expect(parsed?.salt.equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });
});
