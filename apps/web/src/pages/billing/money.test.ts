import { describe, expect, it } from 'vitest';
import { parseTiers, priceToYuan, tiersText, yuan, yuanToPrice } from './money';

describe('billing money helpers', () => {
  it('shows 分 as ¥', () => {
    expect(yuan(123450)).toBe('¥1,234.50');
    expect(yuan(null)).toBe('—');
  });
  it('converts prices in 0.01 分', () => {
    expect(priceToYuan(23500)).toBe(2.35);
    expect(yuanToPrice(0.4883)).toBe(4883);
  });
  it('reads and writes tiers', () => {
    const tiers = parseTiers('18 3.45\n25 4.83\n5.83');
    expect(tiers).toEqual([
      { upTo: 18, unitPrice: 34500 },
      { upTo: 25, unitPrice: 48300 },
      { upTo: null, unitPrice: 58300 },
    ]);
    expect(tiersText(tiers)).toBe('18 3.45\n25 4.83\n5.83');
    expect(parseTiers('abc')).toBeNull();
  });
});
