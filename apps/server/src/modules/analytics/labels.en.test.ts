import { describe, expect, it } from 'vitest';
import './dashboards/index';
import { HEALTH_PART_LABELS } from './health';
import { LABELS_EN } from './labels.en';
import { labelIn, labelLocale } from './localize';
import { allDashboards } from './registry';
import { AGE_BUCKETS } from './rules/kpi';

const CJK = /[\u4e00-\u9fa5]/;

describe('the dashboards in English', () => {
  it('every title, card, drill column, chart and health part has its English', () => {
    const labels = new Set<string>([...HEALTH_PART_LABELS, ...AGE_BUCKETS]);
    for (const d of allDashboards()) {
      labels.add(d.title);
      for (const c of d.cards) {
        labels.add(c.label);
        for (const col of c.columns) labels.add(col.label);
      }
      for (const s of d.series) labels.add(s.label);
    }
    const missing = [...labels].filter((l) => !LABELS_EN[l]);
    expect(missing).toEqual([]);
  });

  it('the English is English', () => {
    const chinese = Object.entries(LABELS_EN).filter(([, en]) => CJK.test(en));
    expect(chinese).toEqual([]);
  });

  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['zh-CN,zh;q=0.9', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9,zh;q=0.5', 'en'],
  ] as const)('Accept-Language %j reads %s labels', (header, locale) => {
    expect(labelLocale(header)).toBe(locale);
  });

  it('a label nobody translated (a category of the estate) stays as it is', () => {
    expect(labelIn('en', '受理量')).toBe('Tickets received');
    expect(labelIn('en', '3号楼·漏水')).toBe('3号楼·漏水');
    expect(labelIn('zh-CN', '受理量')).toBe('受理量');
  });
});
