import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleItems, sampleWithFlagged } from './sampling';
import { monthlyScores, scoreSheet } from './score';

const items = [
  { key: 'rings', label: '三声内接听', weight: 10 },
  { key: 'greeting', label: '标准问候语', weight: 10 },
  { key: 'forbidden', label: '无服务禁用语', weight: 20 },
];

describe('scoreSheet', () => {
  it.each<[Record<string, number>, number | null]>([
    [{}, 100],
    [{ rings: 5 }, 95],
    [{ rings: 50, forbidden: 20 }, 70],
    [{ nope: 1 }, null],
    [{ rings: -1 }, null],
  ])('%j → %s', (deductions, total) => {
    const r = scoreSheet(items, deductions);
    if (total === null) expect(r.ok).toBe(false);
    else expect(r).toMatchObject({ ok: true, total });
  });

  it('never goes below 0 or above 100', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('rings', 'greeting', 'forbidden'), fc.nat(200)), (d) => {
        const r = scoreSheet(items, d);
        expect(r.ok && r.total >= 60 && r.total <= 100).toBe(true);
      }),
    );
  });

  it('monthly score is the mean per agent', () => {
    expect(
      monthlyScores([
        { agentId: 2, total: 90 },
        { agentId: 1, total: 100 },
        { agentId: 2, total: 85 },
      ]),
    ).toEqual([
      { agentId: 1, reviews: 1, score: 100 },
      { agentId: 2, reviews: 2, score: 87.5 },
    ]);
  });
});

describe('sampleItems', () => {
  const list = fc
    .array(fc.record({ id: fc.integer({ min: 1, max: 10_000 }), agentId: fc.integer({ min: 1, max: 4 }) }), {
      maxLength: 60,
    })
    .map((xs) => xs.filter((x, i) => xs.findIndex((y) => y.id === x.id) === i));

  it('takes N % of each agent’s items (at least one), reproducibly', () => {
    fc.assert(
      fc.property(list, fc.integer({ min: 1, max: 100 }), fc.string(), (xs, percent, seed) => {
        const picked = sampleItems(xs, percent, seed);
        expect(sampleItems(xs, percent, seed)).toEqual(picked);
        for (const agent of new Set(xs.map((x) => x.agentId))) {
          const n = xs.filter((x) => x.agentId === agent).length;
          const expected = Math.min(n, Math.max(1, Math.ceil((n * percent) / 100)));
          expect(picked.filter((p) => p.agentId === agent)).toHaveLength(expected);
        }
        for (const p of picked) expect(xs).toContainEqual(p);
      }),
    );
  });

  it('0 % picks nothing', () => {
    expect(sampleItems([{ id: 1, agentId: 1 }], 0, 's')).toEqual([]);
  });
});

describe('sampleWithFlagged', () => {
  const list = fc.uniqueArray(
    fc.record({ id: fc.integer({ min: 1, max: 500 }), agentId: fc.integer({ min: 1, max: 3 }) }),
    {
      selector: (x) => x.id,
      maxLength: 40,
    },
  );

  it.each<[number[], number, number[]]>([
    // No flags: the plan's draw alone.
    [[], 100, [1, 2, 3]],
    // 1 % of three items of one agent draws one; both flagged items come on top of it.
    [[2, 3], 1, [2, 3]],
    [[9], 100, [1, 2, 3]],
  ])('flagged %j at %i %%', (flagged, percent, mustContain) => {
    const items = [1, 2, 3].map((id) => ({ id, agentId: 1 }));
    const picked = sampleWithFlagged(items, percent, 's', new Set(flagged)).map((p) => p.id);
    for (const id of mustContain) expect(picked).toContain(id);
    expect(picked).not.toContain(9);
  });

  it('always holds every flagged item and the plain draw, and nothing else', () => {
    fc.assert(
      fc.property(
        list,
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 1, max: 500 })),
        (xs, p, f) => {
          const flagged = new Set(f);
          const picked = sampleWithFlagged(xs, p, 'seed', flagged);
          const ids = new Set(picked.map((x) => x.id));
          for (const x of xs) if (flagged.has(x.id)) expect(ids.has(x.id)).toBe(true);
          for (const x of sampleItems(xs, p, 'seed')) expect(ids.has(x.id)).toBe(true);
          const drawn = new Set(sampleItems(xs, p, 'seed').map((x) => x.id));
          for (const x of picked) expect(drawn.has(x.id) || flagged.has(x.id)).toBe(true);
        },
      ),
    );
  });
});
