import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmenter } from '../segmenter';
import { featuresOf } from './features';
import { clauses, maskNumbers, normalizeText } from './normalize';

const { segment, engine } = segmenter();

describe('segmentation and features', () => {
  it('loads jieba from the npm package (no download)', () => expect(engine).toBe('jieba'));

  it.each([
    ['', 0],
    ['   ', 0],
    ['!!!???', 0],
    ['😀😀', 0],
  ])('no features from %j', (text, n) => expect(featuresOf(text, segment).counts.size).toBe(n));

  it('full-width forms and dialect read like the standard text', () => {
    expect(normalizeText('ＡＢＣ１２３，木有')).toBe('abc123,没有');
    expect(maskNumbers('5号楼1102室')).toBe('#号楼#室');
    expect(maskNumbers('十二栋')).toBe('#栋');
  });

  it('room numbers do not change the features', () => {
    const a = featuresOf('5号楼电梯异响', segment).counts;
    const b = featuresOf('12号楼电梯异响', segment).counts;
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });

  it('segmented words and character bigrams are both there', () => {
    const { counts, words } = featuresOf('厨房水管爆了', segment);
    expect(words).toContain('水管');
    expect(counts.has('w:水管')).toBe(true);
    expect(counts.has('c:水管')).toBe(true);
    expect(counts.has('c:管爆')).toBe(true);
  });

  it('n-grams alone work without a segmenter', () => {
    const { counts, words } = featuresOf('厨房水管爆了', null);
    expect(words).toEqual([]);
    expect(counts.has('c:水管')).toBe(true);
  });

  it('clauses split at Chinese and Latin punctuation', () => {
    expect(clauses('水管爆了，水漫到楼下了!快来')).toEqual(['水管爆了', '水漫到楼下了', '快来']);
  });

  it('property: any text gives finite positive counts and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        for (const n of featuresOf(s, segment).counts.values()) expect(n).toBeGreaterThan(0);
      }),
    );
  });
});
