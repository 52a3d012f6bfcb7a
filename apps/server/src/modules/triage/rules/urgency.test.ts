import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessUrgency, DEFAULT_URGENT_PHRASES } from './urgency';

const urgency = (text: string) => assessUrgency(text, DEFAULT_URGENT_PHRASES).urgency;

describe('urgency rules', () => {
  it.each([
    ['家里有燃气味', 'urgent'],
    ['没有燃气味,就是灶打不着火', 'normal'],
    ['没有闻到燃气味', 'normal'],
    ['燃气灶没火了,不是漏气', 'normal'],
    ['厨房有股味道,是不是漏气了', 'urgent'],
    ['厨房水管爆了,水漫到楼下了', 'urgent'],
    ['漏水已经修好了', 'normal'],
    ['楼道冒烟了', 'urgent'],
    ['烟感报警但是没着火', 'normal'],
    ['有人困在电梯里了', 'urgent'],
    ['电梯困人', 'urgent'],
    ['电梯异响', 'normal'],
    ['木有燃气味,燃气表不走字', 'normal'],
    ['家里有然气味', 'urgent'],
    ['水龙头滴水,明天上午在家', 'scheduled'],
    ['不着急,下周来修纱窗', 'scheduled'],
    ['马桶堵了', 'normal'],
    ['水管爆了,明天上午在家', 'urgent'],
    ['没有冒烟,但是有烧焦味', 'urgent'],
  ] as const)('%s → %s', (text, expected) => expect(urgency(text)).toBe(expected));

  it('negation never reaches across a comma', () => {
    expect(urgency('没有人在家,燃气味很重')).toBe('urgent');
  });

  it('reports negated phrases so the agent sees the reading', () => {
    const r = assessUrgency('没有燃气味', DEFAULT_URGENT_PHRASES);
    expect(r.negated).toContain('燃气味');
    expect(r.hits).toEqual([]);
  });

  it('a company phrase list replaces the product list', () => {
    expect(assessUrgency('家里有燃气味', [{ phrase: '蛇', kind: 'life' }]).urgency).toBe('normal');
    expect(assessUrgency('草丛里有蛇', [{ phrase: '蛇', kind: 'life' }]).urgency).toBe('urgent');
  });

  it('property: a danger phrase alone in a clause is urgent, behind 没有 it is not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_URGENT_PHRASES.map((p) => p.phrase)),
        fc.string({ maxLength: 8 }),
        (p, noise) => {
          const clean = noise.replace(/[^a-z]/g, '');
          expect(urgency(`${clean},${p}`)).toBe('urgent');
          expect(assessUrgency(`没有${p}`, DEFAULT_URGENT_PHRASES).hits).toEqual([]);
        },
      ),
    );
  });
});
