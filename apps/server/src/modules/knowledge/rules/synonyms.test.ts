import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandQuery, MAX_EXPANSION_TERMS, normalizeTerms, STANDARD_SYNONYMS, termPieces } from './synonyms';

const groups = [
  ['漏水', '爆管', '水管爆了'],
  ['停电', '断电', '没电'],
  ['物业费', '管理费'],
];

describe('expandQuery', () => {
  it.each([
    ['水管爆了', ['漏水', '爆管']],
    ['厨房水管爆了怎么办', ['漏水', '爆管']],
    ['水管 爆了', ['漏水', '爆管']],
    ['爆管', ['漏水', '水管爆了']],
    ['家里没电了，物业费交了吗', ['停电', '断电', '管理费']],
    ['漏水 爆管', ['水管爆了']],
    ['电梯', []],
    ['', []],
    ['  ', []],
  ])('%s → %j', (q, expected) => {
    expect(expandQuery(q, groups)).toEqual(expected);
  });

  it('is case-insensitive and ignores terms shorter than two characters', () => {
    expect(
      expandQuery('WiFi 断了', [
        ['wifi断了', '网络故障'],
        ['断', '坏'],
      ]),
    ).toEqual(['网络故障']);
  });

  it('stops at the limit', () => {
    expect(expandQuery('漏水', [['漏水', 'aa', 'bb', 'cc']], 2)).toEqual(['aa', 'bb']);
  });

  it('never returns a term the query holds, a repeat, or more than the limit', () => {
    const word = fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom(...'水管爆了漏停电费物业') });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12, unit: fc.constantFrom(...'水管爆了漏停电费物业 ') }),
        fc.array(fc.array(word, { maxLength: 6 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 20 }),
        (q, gs, max) => {
          const out = expandQuery(q, gs, max);
          const query = q.replace(/\s+/g, '');
          expect(out.length).toBeLessThanOrEqual(max);
          expect(new Set(out).size).toBe(out.length);
          for (const term of out) {
            expect(query.includes(term)).toBe(false);
            // Every added term comes from a group that has a term in the query.
            const from = gs.map(normalizeTerms).filter((g) => g.includes(term));
            expect(from.some((g) => g.some((t) => query.includes(t)))).toBe(true);
          }
        },
      ),
    );
  });
});

describe('normalizeTerms', () => {
  it.each([
    [
      [' 漏水 ', '漏水', '爆 管', 'A'],
      ['漏水', '爆管'],
    ],
    [['WiFi', 'wifi'], ['wifi']],
    [[], []],
  ])('%j → %j', (terms, expected) => {
    expect(normalizeTerms(terms)).toEqual(expected);
  });
});

describe('the standard groups', () => {
  it('has 30+ groups of at least two searchable terms each', () => {
    expect(STANDARD_SYNONYMS.length).toBeGreaterThanOrEqual(30);
    for (const group of STANDARD_SYNONYMS) {
      expect(normalizeTerms(group)).toEqual(group);
      expect(group.length).toBeGreaterThanOrEqual(2);
      for (const term of group) expect(termPieces(term).length).toBeGreaterThan(0);
    }
  });

  it('finds 爆管 and 漏水 for 水管爆了', () => {
    expect(expandQuery('水管爆了', STANDARD_SYNONYMS)).toEqual(expect.arrayContaining(['爆管', '漏水']));
  });

  it('keeps every expansion within the limit', () => {
    expect(expandQuery(STANDARD_SYNONYMS.flat().join(''), STANDARD_SYNONYMS)).toHaveLength(0);
    expect(expandQuery('停电漏水装修噪音快递投诉', STANDARD_SYNONYMS).length).toBeLessThanOrEqual(
      MAX_EXPANSION_TERMS,
    );
  });
});
