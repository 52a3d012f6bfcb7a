import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTo, bucketOf, type Histogram, percentile } from './histogram';

function exact(values: number[], p: number): number | null {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return null;
  const pos = p * (s.length - 1);
  const lo = s[Math.floor(pos)]!;
  const hi = s[Math.ceil(pos)]!;
  return lo + (hi - lo) * (pos - Math.floor(pos));
}
const histogramOf = (values: number[]) => {
  const h: Histogram = new Map();
  for (const v of values) addTo(h, bucketOf(v), 1, v);
  return h;
};
const width = (v: number) => (v < 120 ? 1 : v < 1440 ? 10 : v < 10_080 ? 60 : 1440);

describe('duration histograms', () => {
  it('buckets by one minute, ten minutes, an hour, a day', () => {
    expect([0, 12.5, 119.9, 120, 135, 1439, 1440, 1500, 10_080, 20_000].map(bucketOf)).toEqual([
      0, 12, 119, 120, 121, 251, 252, 253, 396, 402,
    ]);
  });

  it('is exact for single values and for values that share a bucket only with equals', () => {
    expect(percentile(histogramOf([12]), 0.5)).toBe(12);
    expect(percentile(histogramOf([42, 42, 42]), 0.9)).toBe(42);
    expect(percentile(histogramOf([10, 20, 30]), 0.5)).toBe(20);
    expect(percentile(new Map(), 0.5)).toBeNull();
  });

  it('stays within a bucket width of percentile_cont', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 30_000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.constantFrom(0.5, 0.9),
        (values, p) => {
          const want = exact(values, p)!;
          expect(Math.abs(percentile(histogramOf(values), p)! - want)).toBeLessThanOrEqual(
            width(want) + 1e-9,
          );
        },
      ),
    );
  });
});
