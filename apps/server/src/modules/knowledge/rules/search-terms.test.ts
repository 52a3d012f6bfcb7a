import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PIECE_GROUPS, minimumHits, pieceGroups, queryBigrams } from './search-terms';

describe('queryBigrams', () => {
  it.each([
    ['漏水', ['漏水']],
    ['厨房漏水', ['厨房', '房漏', '漏水']],
    ['  停车 办理 ', ['停车', '办理']],
    ['水', ['水']],
    ['WiFi密码', ['wi', 'if', 'fi', 'i密', '密码']],
    ['！？', []],
  ])('%s', (q, expected) => {
    expect(queryBigrams(q)).toEqual(expected);
  });

  it('every piece of a query is a piece of any text containing it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 2, maxLength: 12, unit: fc.constantFrom(...'物业费停车装修漏水报修电梯') }),
        fc.string({ maxLength: 10 }),
        (q, around) => {
          const text = `${around}${q}${around}`.toLowerCase();
          for (const piece of queryBigrams(q)) expect(text).toContain(piece);
        },
      ),
    );
  });

  it('minimum hits never exceed the pieces and need most of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 64 }), (n) => {
        expect(minimumHits(n)).toBeLessThanOrEqual(n);
        expect(minimumHits(n)).toBeGreaterThanOrEqual(Math.ceil(n * 0.6));
      }),
    );
  });
});

describe('pieceGroups', () => {
  it.each([
    [
      ['厨房', '房漏', '漏水'],
      2,
      [
        ['厨房', '房漏'],
        ['厨房', '漏水'],
        ['房漏', '漏水'],
      ],
    ],
    [['停车', '办理'], 2, [['停车', '办理']]],
    [['a', 'b', 'c'], 3, [['a', 'b', 'c']]],
    [['a', 'b'], 3, null],
    [['a', 'b'], 0, null],
  ])('%j choose %i', (pieces, k, expected) => {
    expect(pieceGroups(pieces, k)).toEqual(expected);
  });

  it('gives up beyond MAX_PIECE_GROUPS combinations', () => {
    // C(10, 5) = 252 groups.
    expect(252).toBeGreaterThan(MAX_PIECE_GROUPS);
    expect(pieceGroups([...'abcdefghij'], 5)).toBeNull();
  });

  it('a text holds at least k pieces exactly when it holds every piece of some group', () => {
    const piece = fc.constantFrom('停车', '办理', '月卡', '漏水', '厨房', '物业');
    fc.assert(
      fc.property(
        fc.uniqueArray(piece, { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(piece, { maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (pieces, held, k) => {
          const groups = pieceGroups(pieces, k);
          if (!groups) return;
          const has = new Set<string>(held);
          const enough = pieces.filter((p) => has.has(p)).length >= k;
          expect(groups.some((g) => g.every((p) => has.has(p)))).toBe(enough);
        },
      ),
    );
  });
});
