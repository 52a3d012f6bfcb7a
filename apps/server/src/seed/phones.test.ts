import { normalizePhone } from '@guanjia/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phoneRows } from '../modules/residents/rules/phone-rows';
import { mobileForIndex, randomMobile, randomShanghaiLandline, uniqueMobile } from './phones';
import { createRng } from './prng';

describe('generated numbers', () => {
  it('random mobiles always normalise as 13x/15x/18x/19x mobiles', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const m = randomMobile(createRng(seed));
        const n = normalizePhone(m);
        return n?.kind === 'mobile' && n.national === m && /^1[3589]\d{9}$/.test(m);
      }),
    );
  });

  it('Shanghai landlines normalise as 021 landlines', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const n = normalizePhone(randomShanghaiLandline(createRng(seed)));
        return n?.kind === 'landline' && n.national.startsWith('021') && n.national.length === 11;
      }),
    );
  });

  it('uniqueMobile never repeats', () => {
    const rng = createRng(1);
    const seen = new Set<string>();
    const list = Array.from({ length: 5000 }, () => uniqueMobile(rng, seen));
    expect(new Set(list).size).toBe(5000);
  });

  it('mobileForIndex is unique and valid over a large range', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300_000; i++) seen.add(mobileForIndex(i));
    expect(seen.size).toBe(300_000);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_299_999_999 }),
        (i) => normalizePhone(mobileForIndex(i))?.kind === 'mobile',
      ),
    );
  });
});

describe('phoneRows', () => {
  it('builds the replacePhones shape, de-duplicated, with the reversed tail key', () => {
    const rows = phoneRows(
      7,
      2,
      ['138 1234 5678', '+86 13812345678', '68881234', '021-68881234-8001', 'nonsense'],
      '021',
    );
    expect(rows).toEqual([
      {
        residentId: 7,
        projectId: 2,
        raw: '138 1234 5678',
        e164: '+8613812345678',
        national: '13812345678',
        reversed: '87654321831',
        kind: 'mobile',
        extension: null,
        position: 0,
      },
      {
        residentId: 7,
        projectId: 2,
        raw: '68881234',
        e164: '+862168881234',
        national: '02168881234',
        reversed: '43218886120',
        kind: 'landline',
        extension: null,
        position: 2,
      },
    ]);
  });

  it('keeps extensions when the main number is new', () => {
    const [row] = phoneRows(1, 1, ['021-68881234-8001']);
    expect(row).toMatchObject({ national: '02168881234', extension: '8001', kind: 'landline' });
  });
});
