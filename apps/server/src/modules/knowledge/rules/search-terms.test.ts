import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumHits, queryBigrams } from './search-terms';

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
