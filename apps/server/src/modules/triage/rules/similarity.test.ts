import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmenter } from '../segmenter';
import { featuresOf } from './features';
import { cluster, minhash, overlap, signature, similarity } from './similarity';

const { segment } = segmenter();
const sig = (t: string) =>
  minhash([...featuresOf(t, segment).counts.keys()].filter((k) => !k.startsWith('u:')));

describe('near-duplicate clustering', () => {
  it('groups reports of the same problem and keeps different problems apart', () => {
    const texts = [
      '5号楼电梯异响,咯吱咯吱的',
      '5号楼的电梯有异响',
      '电梯运行有异响,5号楼',
      '家里没水了',
      '停水了吗,家里没水',
      '楼上半夜很吵',
    ];
    const groups = cluster(texts.map(sig), 0.3).map((g) => g.sort());
    expect(groups).toContainEqual([0, 1, 2]);
    expect(groups).toContainEqual([3, 4]);
    expect(groups).toContainEqual([5]);
  });

  it('the overlap reads a short report as the same problem as a longer one', () => {
    const sg = (t: string) =>
      signature([...featuresOf(t, segment).counts.keys()].filter((k) => !k.startsWith('u:')));
    expect(overlap(sg('电梯异响,咯吱咯吱的'), sg('电梯有异响'))).toBeGreaterThanOrEqual(0.55);
    expect(overlap(sg('电梯异响,咯吱咯吱的'), sg('楼上半夜很吵'))).toBeLessThan(0.3);
    expect(overlap(sg('家里没水了'), sg('停水了吗,家里没水'))).toBeGreaterThanOrEqual(0.55);
  });

  it('identical texts are similarity 1, empty ones 0', () => {
    expect(similarity(sig('电梯异响'), sig('电梯异响'))).toBe(1);
    expect(similarity(sig(''), sig(''))).toBe(0);
  });

  it('property: similarity is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const s = similarity(sig(a), sig(b));
        expect(s).toBe(similarity(sig(b), sig(a)));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('property: clusters partition the items', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('电梯异响', '没水了', '停水', '漏水了', '电梯响'), { maxLength: 12 }),
        (ts) => {
          const groups = cluster(ts.map(sig), 0.3);
          expect(groups.flat().sort((a, b) => a - b)).toEqual(ts.map((_, i) => i));
        },
      ),
    );
  });
});
