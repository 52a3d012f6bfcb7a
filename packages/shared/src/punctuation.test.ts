import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullWidthTree, toFullWidthPunctuation } from './punctuation';

describe('full-width punctuation in Chinese text', () => {
  it.each([
    ['物业公司:{{name}}', '物业公司：{{name}}'],
    ['证明材料照片(可选,如房产证、租赁合同)', '证明材料照片（可选，如房产证、租赁合同）'],
    ['确定吗?', '确定吗？'],
    ['已绑定该房屋, 无需重复申请', '已绑定该房屋，无需重复申请'],
    ['姓名 : 张三', '姓名：张三'],
    ['注意!', '注意！'],
    ['三声内接听(Q01)', '三声内接听（Q01）'],
    ['到场 08:35,请准时', '到场 08:35，请准时'],
    ['合计 1,000 元', '合计 1,000 元'],
    ['操作代码,如 resident.updated', '操作代码，如 resident.updated'],
    ['IVR 流程', 'IVR 流程'],
    ['网址 http://example.com 可用', '网址 http://example.com 可用'],
    ['Hello, world (ok)?', 'Hello, world (ok)?'],
    ['第 {{count}} 次', '第 {{count}} 次'],
  ])('%s → %s', (raw, fixed) => {
    expect(toFullWidthPunctuation(raw)).toBe(fixed);
  });

  const han = fc.constantFrom('物', '业', '服', '务', '中', '心', '住', '户');
  const piece = fc.oneof(
    han,
    fc.constantFrom(',', ':', ';', '!', '?', '(', ')', ' ', '08:35', '{{name}}', 'Q01', 'a', '1,000'),
  );
  const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  it('leaves no half-width mark right after a Chinese character, and is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        const fixed = toFullWidthPunctuation(s);
        expect(fixed).not.toMatch(/[\u4e00-\u9fff][,;!?:]/);
        expect(toFullWidthPunctuation(fixed)).toBe(fixed);
      }),
    );
  });

  it('keeps every character that is not a changed mark or a space, in order', () => {
    const strip = (s: string) => s.replace(/[,:;!?()，：；！？（）\s]/g, '');
    fc.assert(
      fc.property(text, (s) => {
        expect(strip(toFullWidthPunctuation(s))).toBe(strip(s));
      }),
    );
  });

  it('never touches text without Chinese', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/[\u3000-\u9fff\uf900-\uffef]/.test(s));
        expect(toFullWidthPunctuation(s)).toBe(s);
      }),
    );
  });

  it('fixes every string of a message tree and keeps its shape', () => {
    expect(fullWidthTree({ a: '名称:{{x}}', b: { c: '好(吗)?' }, n: 1 })).toEqual({
      a: '名称：{{x}}',
      b: { c: '好（吗）？' },
      n: 1,
    });
  });
});
