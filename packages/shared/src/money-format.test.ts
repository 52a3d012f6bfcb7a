import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, parseYuan } from './money-format';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [12345, '¥123.45'],
    [123450, '¥1,234.50'],
    [100000000, '¥1,000,000.00'],
    [-2350, '-¥23.50'],
  ])('%i → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('can leave the symbol out', () => {
    expect(formatFen(123450, { symbol: false })).toBe('1,234.50');
  });

  it('refuses a fraction of a 分', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });

  it('parseYuan reads back what formatFen writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuan(formatFen(fen))).toBe(fen);
      }),
    );
  });

  it.each([
    ['12.3', 1230],
    ['0.05', 5],
    ['abc', null],
    ['1.234', null],
  ])('parseYuan(%s) → %s', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });
});
