import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consumption, deltaOf, differences, onHand, toBuy } from './stock';

describe('stock on hand', () => {
  it.each([
    ['in', 5, 5],
    ['out', 3, -3],
    ['return', 1, 1],
    ['adjust', -2, -2],
    ['adjust', 4, 4],
  ] as const)('%s %i → %i', (kind, qty, delta) => {
    expect(deltaOf(kind, qty)).toBe(delta);
  });

  it('is the sum of the movements, in any order', () => {
    const move = fc.record({
      kind: fc.constantFrom('in', 'out', 'return', 'adjust'),
      qty: fc.integer({ min: -50, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(move), (moves) => {
        const deltas = moves.map((m) => deltaOf(m.kind as 'in', m.qty));
        const ins = moves
          .filter((m) => m.kind === 'in' || m.kind === 'return')
          .reduce((s, m) => s + Math.abs(m.qty), 0);
        const outs = moves.filter((m) => m.kind === 'out').reduce((s, m) => s + Math.abs(m.qty), 0);
        const adj = moves.filter((m) => m.kind === 'adjust').reduce((s, m) => s + m.qty, 0);
        expect(onHand(deltas)).toBe(ins - outs + adj);
        expect(onHand([...deltas].reverse())).toBe(onHand(deltas));
      }),
    );
  });

  it('consumption is what went out less what came back', () => {
    expect(consumption('out', -3) + consumption('return', 1) + consumption('in', 10)).toBe(2);
  });
});

describe('stocktake differences', () => {
  it.each([
    ['matches', [{ bookQty: 10, countedQty: 10, priceFen: 100 }], 0, 0],
    ['盘亏 two', [{ bookQty: 10, countedQty: 8, priceFen: 1250 }], 1, -2500],
    ['盘盈 one', [{ bookQty: 4, countedQty: 5, priceFen: 300 }], 1, 300],
    ['not counted yet', [{ bookQty: 4, countedQty: null, priceFen: 300 }], 0, 0],
    [
      'mixed',
      [
        { bookQty: 4, countedQty: 5, priceFen: 300 },
        { bookQty: 10, countedQty: 8, priceFen: 1250 },
        { bookQty: 1, countedQty: 1, priceFen: 1 },
      ],
      2,
      -2200,
    ],
  ])('%s', (_what, lines, count, fen) => {
    const d = differences(lines);
    expect(d.count).toBe(count);
    expect(d.fen).toBe(fen);
  });

  it('closing the differences makes the book equal the count', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            bookQty: fc.integer({ min: 0, max: 999 }),
            countedQty: fc.integer({ min: 0, max: 999 }),
            priceFen: fc.integer({ min: 0, max: 99_999 }),
          }),
        ),
        (lines) => {
          const d = differences(lines);
          lines.forEach((l, i) => {
            expect(l.bookQty + (d.perLine[i]?.difference ?? 0)).toBe(l.countedQty);
          });
        },
      ),
    );
  });
});

describe('月采购计划', () => {
  it.each([
    [10, 5, 3, 12],
    [0, 5, 3, 2],
    [0, 0, 3, 0],
    [10, 5, 40, 0],
  ])('used %i, minimum %i, on hand %i → buy %i', (used, min, hand, buy) => {
    expect(toBuy(used, min, hand)).toBe(buy);
  });
});
