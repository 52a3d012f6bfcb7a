import type { AgentState } from '../schema';

/** The wall's order: who is talking, who is free, who is on a break, who is away. */
export const STATE_ORDER: readonly AgentState[] = ['通话中', '在线', '小休', '离线'];

export interface SeatIn {
  id: number;
  name: string;
  /** null: the agent never signed in to the phone (no presence row yet). */
  state: AgentState | null;
  reason: string | null;
  since: Date | null;
  currentCallId: number | null;
}

export interface SeatOut {
  id: number;
  name: string;
  state: AgentState;
  reason: string | null;
  /** null for an agent who never signed in: 离线, but since no moment. */
  sinceSeconds: number | null;
  currentCallId: number | null;
}

export const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** Every seat of the team, the never-signed-in as 离线, in wall order (state, then longest in it, then id). */
export function teamSeats(seats: readonly SeatIn[], now: Date): SeatOut[] {
  const out = seats.map((s) => ({
    id: s.id,
    name: s.name,
    state: s.state ?? '离线',
    reason: s.state === '小休' ? s.reason : null,
    sinceSeconds: s.since && s.state ? secondsBetween(s.since, now) : null,
    currentCallId: s.state === '通话中' ? s.currentCallId : null,
  }));
  return out.sort(
    (a, b) =>
      STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
      (b.sinceSeconds ?? -1) - (a.sinceSeconds ?? -1) ||
      a.id - b.id,
  );
}

/** How many seats are in each state: the wall's headline (在线 3 · 通话中 2 · 小休 1 · 离线 4). */
export function stateCounts(seats: readonly { state: AgentState }[]): Record<AgentState, number> {
  const counts = { 通话中: 0, 在线: 0, 小休: 0, 离线: 0 } satisfies Record<AgentState, number>;
  for (const s of seats) counts[s.state] += 1;
  return counts;
}

export interface WaitingIn {
  queue: string | null;
  waiting: number;
  oldest: Date | null;
}

/**
 * Waiting calls per queue: every configured queue (0 when quiet) and any queue name the PBX reported
 * that is not configured (null: calls waiting outside any queue). Longest wait over all of them too.
 */
export function queueFigures(configured: readonly string[], waiting: readonly WaitingIn[], now: Date) {
  const names = [...new Set([...configured, ...waiting.map((w) => w.queue ?? '')])];
  const queues = names.map((name) => {
    const rows = waiting.filter((w) => (w.queue ?? '') === name);
    const oldest = rows.reduce<Date | null>(
      (o, w) => (w.oldest && (!o || w.oldest < o) ? w.oldest : o),
      null,
    );
    return {
      name: name || null,
      waiting: rows.reduce((n, w) => n + w.waiting, 0),
      longestWaitSeconds: oldest ? secondsBetween(oldest, now) : 0,
    };
  });
  return {
    queues,
    waiting: queues.reduce((n, q) => n + q.waiting, 0),
    longestWaitSeconds: queues.reduce((m, q) => Math.max(m, q.longestWaitSeconds), 0),
  };
}

/** Share answered within the Q01 target; null before the first answered call of the day. */
export const withinTargetRate = (answered: number, withinTarget: number): number | null =>
  answered > 0 ? Math.min(1, withinTarget / answered) : null;
