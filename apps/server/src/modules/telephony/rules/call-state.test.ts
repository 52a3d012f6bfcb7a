import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCallEvent, type CallEventKind, type CallFacts } from './call-state';

const t = (s: number) => new Date(Date.UTC(2026, 0, 5, 2, 0, s));
const run = (steps: [CallEventKind, number][], direction: 'in' | 'out' = 'in') =>
  steps.reduce<CallFacts | null>((prev, [e, s]) => applyCallEvent(prev, e, t(s), direction), null);

describe('applyCallEvent', () => {
  it.each<[string, [CallEventKind, number][], Partial<CallFacts>]>([
    ['ringing', [['newCall', 0]], { state: 'ringing', waitSeconds: null, missed: false }],
    [
      'answered',
      [
        ['newCall', 0],
        ['answer', 8],
      ],
      { state: 'answered', waitSeconds: 8, talkSeconds: null },
    ],
    [
      'answered and hung up',
      [
        ['newCall', 0],
        ['answer', 8],
        ['hangup', 68],
      ],
      { state: 'ended', waitSeconds: 8, talkSeconds: 60, missed: false },
    ],
    [
      'missed (abandoned in the queue)',
      [
        ['newCall', 0],
        ['hangup', 20],
      ],
      { state: 'ended', waitSeconds: 20, talkSeconds: null, missed: true },
    ],
    [
      'hangup overtakes answer',
      [
        ['newCall', 0],
        ['hangup', 68],
        ['answer', 8],
      ],
      { state: 'ended', waitSeconds: 8, talkSeconds: 60, missed: false },
    ],
    [
      'answer without newCall',
      [
        ['answer', 5],
        ['hangup', 15],
      ],
      { state: 'ended', waitSeconds: 0, talkSeconds: 10 },
    ],
    [
      'late answer reported after the hangup moment is clamped',
      [
        ['newCall', 0],
        ['hangup', 10],
        ['answer', 30],
      ],
      { state: 'ended', waitSeconds: 10, talkSeconds: 0, missed: false },
    ],
    [
      'duplicate answer keeps the first moment',
      [
        ['newCall', 0],
        ['answer', 8],
        ['answer', 12],
      ],
      { waitSeconds: 8 },
    ],
  ])('%s', (_name, steps, expected) => {
    expect(run(steps)).toMatchObject(expected);
  });

  it('an unanswered outbound call is not a missed call', () => {
    expect(
      run(
        [
          ['newCall', 0],
          ['hangup', 30],
        ],
        'out',
      ),
    ).toMatchObject({ missed: false, state: 'ended' });
  });

  const ordered = fc
    .tuple(fc.nat(600), fc.nat(600), fc.nat(3600))
    .map(([a, b, c]) => [a, a + b, a + b + c] as const);
  const subsetInAnyOrder = fc
    .tuple(fc.boolean(), fc.boolean(), fc.boolean())
    .chain(([n, a, h]) => {
      const kinds: CallEventKind[] = [];
      if (n) kinds.push('newCall');
      if (a) kinds.push('answer');
      if (h) kinds.push('hangup');
      return fc.shuffledSubarray(kinds, { minLength: kinds.length, maxLength: kinds.length });
    })
    .filter((k) => k.length > 0);

  it('any arrival order and any duplicates give the in-order result', () => {
    fc.assert(
      fc.property(ordered, subsetInAnyOrder, fc.array(fc.nat(2), { maxLength: 3 }), (times, order, dupes) => {
        const at = (k: CallEventKind) => times[k === 'newCall' ? 0 : k === 'answer' ? 1 : 2];
        const inOrder = (['newCall', 'answer', 'hangup'] as const).filter((k) => order.includes(k));
        const shuffled = [...order, ...dupes.map((i) => order[i % order.length]!)];
        const a = run(inOrder.map((k) => [k, at(k)]));
        const b = run(shuffled.map((k) => [k, at(k)]));
        expect(b).toEqual(a);
      }),
    );
  });

  it('durations are never negative and moments stay ordered', () => {
    const step = fc.tuple(fc.constantFrom<CallEventKind>('newCall', 'answer', 'hangup'), fc.nat(5000));
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const f = run(steps)!;
        expect(f.waitSeconds ?? 0).toBeGreaterThanOrEqual(0);
        expect(f.talkSeconds ?? 0).toBeGreaterThanOrEqual(0);
        if (f.answeredAt) expect(f.answeredAt >= f.startedAt).toBe(true);
        if (f.endedAt) expect(f.endedAt >= f.startedAt).toBe(true);
        if (f.answeredAt && f.endedAt) expect(f.endedAt >= f.answeredAt).toBe(true);
      }),
    );
  });
});
