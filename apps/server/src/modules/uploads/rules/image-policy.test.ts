import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWithin, isAcceptedFormat, STORED_MAX_PX, storedMime } from './image-policy';

describe('fitWithin', () => {
  it.each([
    [4000, 3000, 1600, 1600, 1200],
    [3000, 4000, 1600, 1200, 1600],
    [1600, 1600, 1600, 1600, 1600],
    [800, 600, 1600, 800, 600],
    [10_000, 10, 1600, 1600, 2],
    [10, 10_000, 320, 1, 320],
  ])('%i×%i within %i → %i×%i', (w, h, max, ew, eh) => {
    expect(fitWithin(w, h, max)).toEqual({ width: ew, height: eh });
  });

  it('never exceeds the box, never enlarges, keeps at least one pixel', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (w, h) => {
        const out = fitWithin(w, h, STORED_MAX_PX);
        expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(Math.max(STORED_MAX_PX, 1));
        expect(out.width).toBeLessThanOrEqual(w);
        expect(out.height).toBeLessThanOrEqual(h);
        expect(Math.min(out.width, out.height)).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('formats', () => {
  it.each([
    ['jpeg', true],
    ['png', true],
    ['webp', true],
    ['heif', true],
    ['svg', false],
    ['pdf', false],
    [undefined, false],
  ])('%s accepted: %s', (format, ok) => {
    expect(isAcceptedFormat(format)).toBe(ok);
  });

  it('stores photos as JPEG and signatures as PNG', () => {
    expect(storedMime('photo')).toBe('image/jpeg');
    expect(storedMime('signature')).toBe('image/png');
  });
});
