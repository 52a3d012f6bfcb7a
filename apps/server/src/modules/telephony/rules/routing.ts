import type { AgentState, RoutingStrategy } from '../schema';

export interface RoutingAgent {
  id: number;
  state: AgentState;
  skills: readonly string[];
  /** Ready since (longest-idle picks the smallest); null = unknown, treated as just now. */
  idleSince: Date | null;
}

export interface WaitingCall {
  id: number;
  vip: boolean;
  waitingSince: Date;
}

export interface QueueRules {
  strategy: RoutingStrategy;
  /** Skills an agent needs for this queue (skill strategy filters on them). */
  skills: readonly string[];
  lastAssignedId: number | null;
}

/** Only a ready agent takes a call: never one who is offline, on a break or already talking. */
export const isAvailable = (a: RoutingAgent) => a.state === '在线';

const hasSkills = (a: RoutingAgent, skills: readonly string[]) => skills.every((s) => a.skills.includes(s));

/**
 * Pick the agent for the next call of a queue, or null when nobody can take it.
 * longest-idle: ready the longest; round-robin: the next id after the last one assigned (wrapping);
 * skill: only agents holding every skill of the queue, longest idle first. Ties break by id.
 */
export function chooseAgent(
  agents: readonly RoutingAgent[],
  rules: QueueRules,
  now: Date,
): RoutingAgent | null {
  let pool = agents.filter(isAvailable);
  if (rules.strategy === 'skill') pool = pool.filter((a) => hasSkills(a, rules.skills));
  if (!pool.length) return null;
  if (rules.strategy === 'round-robin') {
    const sorted = [...pool].sort((a, b) => a.id - b.id);
    const last = rules.lastAssignedId;
    return (last === null ? undefined : sorted.find((a) => a.id > last)) ?? sorted[0] ?? null;
  }
  const idle = (a: RoutingAgent) => (a.idleSince ?? now).getTime();
  return [...pool].sort((a, b) => idle(a) - idle(b) || a.id - b.id)[0] ?? null;
}

/** VIP callers jump the queue (requirements §1.17); otherwise first come, first served. */
export function queueOrder(calls: readonly WaitingCall[]): WaitingCall[] {
  return [...calls].sort(
    (a, b) =>
      Number(b.vip) - Number(a.vip) || a.waitingSince.getTime() - b.waitingSince.getTime() || a.id - b.id,
  );
}

/**
 * Hand out waiting calls to free agents in queue order, one agent per call; round-robin advances
 * after every hand-out. Calls left over keep waiting (their position is their index in the rest).
 */
export function assignCalls(
  calls: readonly WaitingCall[],
  agents: readonly RoutingAgent[],
  rules: QueueRules,
  now: Date,
): { assigned: { callId: number; agentId: number }[]; waiting: WaitingCall[] } {
  const free = [...agents];
  let last = rules.lastAssignedId;
  const assigned: { callId: number; agentId: number }[] = [];
  const waiting: WaitingCall[] = [];
  for (const call of queueOrder(calls)) {
    const agent = chooseAgent(free, { ...rules, lastAssignedId: last }, now);
    if (!agent) {
      waiting.push(call);
      continue;
    }
    assigned.push({ callId: call.id, agentId: agent.id });
    last = agent.id;
    free.splice(free.indexOf(agent), 1);
  }
  return { assigned, waiting };
}
