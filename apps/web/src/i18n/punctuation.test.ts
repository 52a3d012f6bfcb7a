import { beforeAll, describe, expect, it } from 'vitest';
import i18n, { loadPageStrings } from './index';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[full, value] as [string, string]] : flatten(value, full);
  });
}

describe('Chinese console text', () => {
  beforeAll(() => loadPageStrings());

  it('uses full-width punctuation wherever a mark touches Chinese (parts/ files included)', () => {
    const zh = flatten(i18n.getResourceBundle('zh-CN', 'translation') as Tree);
    expect(zh.length).toBeGreaterThan(500);
    const halfWidth = zh.filter(([, v]) => /[\u4e00-\u9fff]\s*[,:;!?()]|[,;!?()]\s*[\u4e00-\u9fff]/.test(v));
    expect(halfWidth.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
    expect(i18n.getFixedT('zh-CN')('bindings.portal.company', { name: '安居' })).toBe('物业公司：安居');
  });
});
