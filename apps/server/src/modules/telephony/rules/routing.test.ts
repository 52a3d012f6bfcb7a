import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../schema';
import { AGENT_STATES } from '../schema';
import { assignCalls, chooseAgent, queueOrder, type RoutingAgent } from './routing';

const now = new Date('2026-03-03T02:00:00Z');
const ago = (min: number) => new Date(now.getTime() - min * 60_000);
const agent = (id: number, state: AgentState, idleMin: number, skills: string[] = []): RoutingAgent => ({
  id,
  state,
  skills,
  idleSince: ago(idleMin),
});

describe('chooseAgent', () => {
  const team = [
    agent(1, '在线', 5),
    agent(2, '在线', 20, ['报修']),
    agent(3, '小休', 60),
    agent(4, '通话中', 90),
    agent(5, '离线', 120),
  ];
  it.each<[string, Parameters<typeof chooseAgent>[1], number | null]>([
    ['longest idle among ready agents', { strategy: 'longest-idle', skills: [], lastAssignedId: null }, 2],
    ['round-robin starts at the lowest id', { strategy: 'round-robin', skills: [], lastAssignedId: null }, 1],
    ['round-robin continues after the last', { strategy: 'round-robin', skills: [], lastAssignedId: 1 }, 2],
    ['round-robin wraps around', { strategy: 'round-robin', skills: [], lastAssignedId: 2 }, 1],
    ['skill match', { strategy: 'skill', skills: ['报修'], lastAssignedId: null }, 2],
    ['nobody has the skill', { strategy: 'skill', skills: ['电梯'], lastAssignedId: null }, null],
  ])('%s', (_name, rules, expected) => {
    expect(chooseAgent(team, rules, now)?.id ?? null).toBe(expected);
  });

  it('nobody ready → null', () => {
    expect(
      chooseAgent(
        [agent(3, '小休', 1), agent(4, '通话中', 1)],
        { strategy: 'longest-idle', skills: [], lastAssignedId: null },
        now,
      ),
    ).toBeNull();
  });
});

describe('queueOrder and assignCalls', () => {
  it('VIP callers jump the queue, others wait in arrival order', () => {
    const calls = [
      { id: 1, vip: false, waitingSince: ago(10) },
      { id: 2, vip: true, waitingSince: ago(1) },
      { id: 3, vip: false, waitingSince: ago(5) },
    ];
    expect(queueOrder(calls).map((c) => c.id)).toEqual([2, 1, 3]);
    const r = assignCalls(
      calls,
      [agent(7, '在线', 3)],
      { strategy: 'longest-idle', skills: [], lastAssignedId: null },
      now,
    );
    expect(r.assigned).toEqual([{ callId: 2, agentId: 7 }]);
    expect(r.waiting.map((c) => c.id)).toEqual([1, 3]);
  });

  const agents = fc
    .array(
      fc.record({
        id: fc.integer({ min: 1, max: 30 }),
        state: fc.constantFrom(...AGENT_STATES),
        skills: fc.subarray(['报修', '投诉', '电梯']),
        idleSince: fc.option(fc.integer({ min: 0, max: 600 }).map(ago), { nil: null }),
      }),
      { maxLength: 8 },
    )
    .map((list) => list.filter((a, i) => list.findIndex((b) => b.id === a.id) === i));
  const calls = fc
    .array(
      fc.record({
        id: fc.integer({ min: 1, max: 1000 }),
        vip: fc.boolean(),
        waitingSince: fc.integer({ min: 0, max: 60 }).map(ago),
      }),
      { maxLength: 8 },
    )
    .map((list) => list.filter((a, i) => list.findIndex((b) => b.id === a.id) === i));
  const rules = fc.record({
    strategy: fc.constantFrom('longest-idle' as const, 'round-robin' as const, 'skill' as const),
    skills: fc.subarray(['报修', '投诉']),
    lastAssignedId: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  });

  it('never routes to an offline, resting or busy agent, nor one agent twice, nor a VIP after a non-VIP', () => {
    fc.assert(
      fc.property(calls, agents, rules, (cs, as, r) => {
        const { assigned, waiting } = assignCalls(cs, as, r, now);
        const byId = new Map(as.map((a) => [a.id, a]));
        for (const x of assigned) expect(byId.get(x.agentId)?.state).toBe('在线');
        expect(new Set(assigned.map((x) => x.agentId)).size).toBe(assigned.length);
        expect(assigned.length + waiting.length).toBe(cs.length);
        const ready = as.filter((a) => a.state === '在线').length;
        expect(assigned.length).toBeLessThanOrEqual(ready);
        // A waiting VIP means no agent was left for anyone behind it.
        const vipWaiting = waiting.some((c) => c.vip);
        const nonVipServed = assigned.some((x) => !cs.find((c) => c.id === x.callId)?.vip);
        expect(vipWaiting && nonVipServed).toBe(false);
        if (r.strategy === 'skill')
          for (const x of assigned)
            expect(r.skills.every((s) => byId.get(x.agentId)!.skills.includes(s))).toBe(true);
      }),
    );
  });
});
