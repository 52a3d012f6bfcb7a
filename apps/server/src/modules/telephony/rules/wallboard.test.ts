import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENT_STATES } from '../schema';
import {
  queueFigures,
  type SeatIn,
  STATE_ORDER,
  stateCounts,
  teamSeats,
  withinTargetRate,
} from './wallboard';

const now = new Date('2026-12-01T02:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const seat = (
  id: number,
  state: SeatIn['state'],
  since: Date | null = null,
  extra: Partial<SeatIn> = {},
) => ({
  id,
  name: `座席${id}`,
  state,
  reason: null,
  since,
  currentCallId: null,
  ...extra,
});

describe('teamSeats', () => {
  it.each([
    [
      'never signed in → 离线 without a since',
      [seat(1, null)],
      [{ id: 1, state: '离线', sinceSeconds: null }],
    ],
    [
      'talking first, then free, on a break, away',
      [
        seat(1, '离线', ago(10)),
        seat(2, '小休', ago(10)),
        seat(3, '在线', ago(10)),
        seat(4, '通话中', ago(10)),
      ],
      [
        { id: 4, state: '通话中' },
        { id: 3, state: '在线' },
        { id: 2, state: '小休' },
        { id: 1, state: '离线' },
      ],
    ],
    [
      'longest in the state first; the never-signed-in after the signed-off',
      [seat(1, null), seat(2, '离线', ago(5)), seat(3, '在线', ago(60)), seat(4, '在线', ago(600))],
      [
        { id: 4, sinceSeconds: 600 },
        { id: 3, sinceSeconds: 60 },
        { id: 2, sinceSeconds: 5 },
        { id: 1, sinceSeconds: null },
      ],
    ],
    [
      'a reason only on a break, a call only while talking',
      [
        seat(1, '在线', ago(1), { reason: '午餐', currentCallId: 9 }),
        seat(2, '小休', ago(1), { reason: '午餐' }),
        seat(3, '通话中', ago(1), { currentCallId: 7 }),
      ],
      [
        { id: 3, currentCallId: 7, reason: null },
        { id: 1, currentCallId: null, reason: null },
        { id: 2, reason: '午餐' },
      ],
    ],
  ])('%s', (_label, seats, expected) => {
    const out = teamSeats(seats as SeatIn[], now);
    expect(out).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) expect(out[i]).toMatchObject(e);
  });

  it('keeps every seat once, in state order, with non-negative times', () => {
    const arb = fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 10_000 }),
        state: fc.constantFrom(null, ...AGENT_STATES),
        since: fc.option(fc.integer({ min: -60, max: 86_400 }).map(ago)),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
        const out = teamSeats(
          unique.map((r) => seat(r.id, r.state, r.since)),
          now,
        );
        expect(out.map((s) => s.id).sort((a, b) => a - b)).toEqual(
          unique.map((r) => r.id).sort((a, b) => a - b),
        );
        for (let i = 1; i < out.length; i++)
          expect(STATE_ORDER.indexOf(out[i - 1]!.state)).toBeLessThanOrEqual(
            STATE_ORDER.indexOf(out[i]!.state),
          );
        for (const s of out) expect(s.sinceSeconds === null || s.sinceSeconds >= 0).toBe(true);
        const counts = stateCounts(out);
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(out.length);
        expect(counts.离线).toBe(unique.filter((r) => r.state === null || r.state === '离线').length);
      }),
    );
  });
});

describe('queueFigures', () => {
  it.each([
    [
      'quiet queues show 0',
      ['报修', '投诉'],
      [],
      { waiting: 0, longestWaitSeconds: 0, names: ['报修', '投诉'] },
    ],
    [
      'an unconfigured queue and calls outside any queue',
      ['报修'],
      [
        { queue: '报修', waiting: 2, oldest: ago(40) },
        { queue: null, waiting: 1, oldest: ago(90) },
        { queue: '临时', waiting: 1, oldest: ago(5) },
      ],
      { waiting: 4, longestWaitSeconds: 90, names: ['报修', null, '临时'] },
    ],
  ])('%s', (_label, configured, waiting, expected) => {
    const out = queueFigures(configured, waiting, now);
    expect(out.waiting).toBe(expected.waiting);
    expect(out.longestWaitSeconds).toBe(expected.longestWaitSeconds);
    expect(out.queues.map((q) => q.name)).toEqual(expected.names);
  });

  it('totals are the sums and the maximum of the queues', () => {
    const arb = fc.array(
      fc.record({
        queue: fc.option(fc.constantFrom('报修', '投诉', '咨询')),
        waiting: fc.integer({ min: 0, max: 50 }),
        oldest: fc.option(fc.integer({ min: 0, max: 3600 }).map(ago)),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(fc.subarray(['报修', '投诉', '人工']), arb, (configured, waiting) => {
        const out = queueFigures(configured, waiting, now);
        expect(out.waiting).toBe(waiting.reduce((n, w) => n + w.waiting, 0));
        expect(out.longestWaitSeconds).toBe(Math.max(0, ...out.queues.map((q) => q.longestWaitSeconds)));
        for (const name of configured) expect(out.queues.some((q) => q.name === name)).toBe(true);
      }),
    );
  });
});

describe('withinTargetRate', () => {
  it.each([
    [0, 0, null],
    [4, 3, 0.75],
    [2, 2, 1],
  ])('%i answered, %i within → %s', (answered, within, rate) => {
    expect(withinTargetRate(answered, within)).toBe(rate);
  });
});
