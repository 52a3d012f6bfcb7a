import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVALUATION_BANDS, EVALUATION_ITEMS } from '../settings';
import { gradeOf, scoreEvaluation, suggestScores } from './scoring';

const items = EVALUATION_ITEMS.defaultValue;
const bands = EVALUATION_BANDS.defaultValue;

describe('contractor evaluation (W-27)', () => {
  it.each([
    ['nothing wrong', {}, 100, '优秀', 100],
    ['a briefing missed', { safetyBriefing: 0 }, 85, '合格', 100],
    ['poor quality', { quality: 10, processSafety: 15 }, 75, '合格', 100],
    ['poor quality and no briefing', { quality: 10, safetyBriefing: 5 }, 70, '待改进', 95],
    ['failing', { quality: 0, processSafety: 5, safetyBriefing: 0 }, 40, '不合格', 90],
    ['scores above the weight are capped', { quality: 99 }, 100, '优秀', 100],
    ['negative scores are zero', { quality: -5 }, 70, '待改进', 95],
  ])('%s', (_what, scores, total, grade, percent) => {
    const r = scoreEvaluation(items, scores, bands);
    expect(r).toMatchObject({ total, grade, settlementPercent: percent });
  });

  it.each([
    [90, '优秀'],
    [89, '合格'],
    [75, '合格'],
    [74, '待改进'],
    [60, '待改进'],
    [59, '不合格'],
  ] as const)('%i points → %s', (total, grade) => {
    expect(gradeOf(total, bands)).toBe(grade);
  });

  it('the total stays within 0–100 and never rises when an item drops', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...items.map((i) => i.key)), fc.integer({ min: -20, max: 120 })),
        (scores) => {
          const r = scoreEvaluation(items, scores, bands);
          expect(r.total).toBeGreaterThanOrEqual(0);
          expect(r.total).toBeLessThanOrEqual(100);
          const lower = scoreEvaluation(
            items,
            { ...scores, quality: Math.min(scores.quality ?? 30, 30) - 5 },
            bands,
          );
          expect(lower.total).toBeLessThanOrEqual(r.total);
        },
      ),
    );
  });

  it('suggests the sign-in items from the month’s visits', () => {
    const s = suggestScores(items, [
      { safetyBriefing: true, siteChecked: true, signedOut: true },
      { safetyBriefing: false, siteChecked: true, signedOut: true },
    ]);
    expect(s.find((i) => i.key === 'safetyBriefing')).toMatchObject({ score: 7.5, basis: '50%' });
    expect(s.find((i) => i.key === 'siteCheck')).toMatchObject({ score: 10, basis: '100%' });
    expect(s.find((i) => i.key === 'quality')).toMatchObject({ score: 30, basis: '' });
  });
});
