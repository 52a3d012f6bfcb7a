import { describe, expect, it } from 'vitest';
import { segmenter } from '../segmenter';
import { suggest, type TrainingText, trainTriage } from './classifier';
import { featuresOf } from './features';
import { predictNb, trainNb } from './naive-bayes';
import { DEFAULT_URGENT_PHRASES } from './urgency';

const { segment, engine } = segmenter();
const options = {
  phrases: DEFAULT_URGENT_PHRASES,
  urgentPaths: new Set<string>(),
  urgentCategoryConfidence: 0.8,
};

const SMALL: TrainingText[] = [
  ...['马桶堵了', '厕所堵住了冲不下去', '马桶不下水'].map((text) => ({
    text,
    path: '户内/水/马桶堵塞',
    type: '报修' as const,
  })),
  ...['电梯有异响', '电梯咯吱咯吱响', '电梯运行有怪声'].map((text) => ({
    text,
    path: '公共区域/电梯/电梯异响',
    type: '报修' as const,
  })),
  ...['物业费怎么交', '物业费多少钱', '物业费能开发票吗'].map((text) => ({
    text,
    path: '服务/业务咨询/物业费',
    type: '咨询' as const,
  })),
];

describe('naive Bayes', () => {
  it('learns a small hand-made set where the right answer is known', () => {
    const model = trainTriage(SMALL, segment, engine);
    const top = (t: string) => suggest(model, t, segment, options);
    expect(top('我家马桶又堵了').categories[0]?.path).toBe('户内/水/马桶堵塞');
    expect(top('3号楼电梯响得厉害').categories[0]?.path).toBe('公共区域/电梯/电梯异响');
    expect(top('请问物业费交多少').categories[0]?.path).toBe('服务/业务咨询/物业费');
    expect(top('请问物业费交多少').type).toBe('咨询');
  });

  it('confidences are a distribution, ranked', () => {
    const model = trainNb(SMALL.map((t) => ({ counts: featuresOf(t.text, segment).counts, label: t.path })));
    const p = predictNb(model, featuresOf('马桶堵了', segment).counts);
    expect(p.ranked.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 6);
    for (let i = 1; i < p.ranked.length; i++)
      expect(p.ranked[i - 1]!.p).toBeGreaterThanOrEqual(p.ranked[i]!.p);
    expect(p.drivers.map((d) => d.feature)).toContain('w:马桶');
  });

  it('an unknown text falls back to the prior without failing', () => {
    const model = trainTriage(SMALL, segment, engine);
    expect(suggest(model, 'xyz', segment, options).categories).toHaveLength(3);
  });

  it('retraining from corrections changes a later prediction', () => {
    const text = '阳台下水口往上冒泡';
    const before = trainTriage(SMALL, segment, engine);
    expect(suggest(before, text, segment, options).categories[0]?.path).not.toBe('户内/水/下水道堵塞');
    const corrected: TrainingText = { text, path: '户内/水/下水道堵塞', type: '报修', weight: 3 };
    const after = trainTriage([...SMALL, corrected], segment, engine);
    expect(suggest(after, '阳台下水口冒泡了', segment, options).categories[0]?.path).toBe(
      '户内/水/下水道堵塞',
    );
  });

  it('danger phrases make the suggestion urgent and a repair, with the reason', () => {
    const model = trainTriage(SMALL, segment, engine);
    const s = suggest(model, '物业费的事先不说了,家里有燃气味', segment, options);
    expect(s.urgency).toBe('urgent');
    expect(s.confidentUrgent).toBe(true);
    expect(s.type).toBe('报修');
    expect(s.reasons.join()).toContain('燃气味');
    expect(s.highlights).toContain('燃气味');
  });

  it.each([
    ['马桶堵了,麻烦来看看', 'urgent', '类别默认紧急'],
    ['马桶有点堵,不影响用', 'normal', null],
    ['马桶老是堵,好久了', 'normal', null],
    ['马桶堵了,周末在家,预约一下', 'scheduled', null],
    ['马桶有点堵,还有燃气味', 'urgent', '燃气味'],
  ] as const)('a category urgent by default: %s → %s', (text, urgency, reason) => {
    const model = trainTriage(SMALL, segment, engine);
    const urgentToilet = {
      ...options,
      urgentPaths: new Set(['户内/水/马桶堵塞']),
      urgentCategoryConfidence: 0.5,
    };
    const s = suggest(model, text, segment, urgentToilet);
    expect(s.urgency).toBe(urgency);
    if (reason) expect(s.reasons.join()).toContain(reason);
    // Only a named danger starts the urgent clocks by itself, never the category.
    expect(s.confidentUrgent).toBe(text.includes('燃气味'));
  });

  it('the model is plain JSON and survives a round trip', () => {
    const model = trainTriage(SMALL, segment, engine);
    const copy = JSON.parse(JSON.stringify(model));
    expect(suggest(copy, '马桶堵了', segment, options)).toEqual(suggest(model, '马桶堵了', segment, options));
  });
});
