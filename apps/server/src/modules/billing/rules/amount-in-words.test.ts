import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-in-words';
import { receiptNumber } from './receipt-number';

describe('amountInWords (人民币大写)', () => {
  it.each([
    [123450, '壹仟贰佰叁拾肆元伍角整'],
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角整'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [1_000_000, '壹万元整'],
    [1_000_100, '壹万零壹元整'],
    [10_100_000, '壹拾万壹仟元整'],
    [100_010_000, '壹佰万零壹佰元整'],
    [1_000_000_000_00, '壹拾亿元整'],
    [100_000_000_00, '壹亿元整'],
    [100_000_100_00, '壹亿零壹佰元整'],
    [205_000_000_00, '贰亿零伍佰万元整'],
    [200_500_000_00, '贰亿零伍拾万元整'],
    [36_05, '叁拾陆元零伍分'],
    [1_010_00, '壹仟零壹拾元整'],
    [1_001_00, '壹仟零壹元整'],
    [12_345_678_90, '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整'],
    [-50, '负伍角整'],
  ])('%s 分 → %s', (fen, words) => expect(amountInWords(fen)).toBe(words));

  it('never shows two 零 in a row, and ends in 整 or 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (fen) => {
        const w = amountInWords(fen);
        expect(w).not.toMatch(/零零/);
        expect(w).toMatch(/(整|分)$/);
        expect(w).not.toMatch(/^零/);
      }),
    );
  });

  it('refuses fractions of a 分', () => expect(() => amountInWords(1.5)).toThrow(RangeError));
});

describe('receiptNumber', () => {
  it.each([
    ['2026-12-06', 1, 'SF202612060001'],
    ['2026-01-31', 123, 'SF202601310123'],
    ['2026-01-31', 12345, 'SF2026013112345'],
  ])('%s #%s → %s', (day, seq, want) => expect(receiptNumber(day, seq)).toBe(want));
  it('refuses a bad day', () => expect(() => receiptNumber('2026-1-1', 1)).toThrow(RangeError));
});
