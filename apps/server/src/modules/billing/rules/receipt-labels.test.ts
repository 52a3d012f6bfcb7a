import { describe, expect, it } from 'vitest';
import { yuanText } from './receipt-labels';

describe('yuanText', () => {
  it.each([
    [123450, '¥1,234.50'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [-100000, '-¥1,000.00'],
    [123456789, '¥1,234,567.89'],
  ])('%s 分 → %s', (fen, want) => expect(yuanText(fen)).toBe(want));
});
