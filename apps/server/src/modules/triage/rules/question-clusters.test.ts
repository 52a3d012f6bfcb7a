import { describe, expect, it } from 'vitest';
import { segmenter } from '../segmenter';
import { featuresOf } from './features';
import { groupQuestions } from './question-clusters';
import { signature } from './similarity';

const { segment } = segmenter();
const sig = (t: string) =>
  signature([...featuresOf(t, segment).counts.keys()].filter((k) => !k.startsWith('u:')));
const items = (texts: string[]) => texts.map((t, i) => ({ id: i + 1, sig: sig(t) }));

describe('question aggregation: grouping and the representative text', () => {
  const cases: {
    name: string;
    texts: string[];
    minSize: number;
    expected: { members: number[]; representative?: number }[];
  }[] = [
    {
      name: 'the same question asked five ways is one group; unrelated ones are dropped below the size',
      texts: [
        '电动车可以在地下车库充电吗',
        '请问电动车能在地下车库充电吗',
        '地下车库可以给电动车充电吗',
        '电动车在地下车库充电可以吗',
        '问一下电动车地下车库充电的事',
        '物业费每平米多少钱',
        '快递柜在哪里',
      ],
      minSize: 3,
      expected: [{ members: [1, 2, 3, 4, 5] }],
    },
    {
      name: 'a group smaller than the setting raises no candidate',
      texts: ['电动车可以在地下车库充电吗', '请问电动车能在地下车库充电吗', '快递柜在哪里'],
      minSize: 3,
      expected: [],
    },
    {
      name: 'two questions asked often enough are two groups',
      texts: [
        '快递柜在哪里',
        '物业费每平米多少钱',
        '请问快递柜在哪里',
        '物业费一平米多少钱',
        '小区快递柜在哪里啊',
        '物业费每平米收多少钱',
      ],
      minSize: 3,
      expected: [{ members: [1, 3, 5] }, { members: [2, 4, 6] }],
    },
    {
      name: 'the representative is the text closest to all others; the earliest wins a tie',
      texts: ['快递柜在哪里', '快递柜在哪里', '快递柜在哪里'],
      minSize: 2,
      expected: [{ members: [1, 2, 3], representative: 1 }],
    },
  ];
  it.each(cases)('$name', ({ texts, minSize, expected }) => {
    const groups = groupQuestions(items(texts), 0.55, minSize);
    expect(groups.map((g) => g.members).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual(
      expected.map((e) => e.members),
    );
    for (const e of expected) {
      const g = groups.find((x) => x.members[0] === e.members[0]);
      expect(e.members).toContain(g?.representative);
      if (e.representative) expect(g?.representative).toBe(e.representative);
    }
  });

  it('does not depend on the order the consultations come in', () => {
    const list = items(['快递柜在哪里', '请问快递柜在哪里', '小区快递柜在哪里啊', '物业费多少钱']);
    expect(groupQuestions([...list].reverse(), 0.55, 3)).toEqual(groupQuestions(list, 0.55, 3));
  });
});
