import type { CallDirection, CallState } from '../schema';

export const CALL_EVENT_KINDS = ['newCall', 'answer', 'hangup'] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

/** What the call log stores about a call's progress; everything but the three times is derived. */
export interface CallFacts {
  state: CallState;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  /** An inbound call that ended without being answered: it goes on the callback list. */
  missed: boolean;
}

const min = (a: Date, b: Date) => (a <= b ? a : b);
const max = (a: Date, b: Date) => (a >= b ? a : b);
const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * Apply one PBX event. PBXs retry and reorder webhooks (a `hangup` may overtake its `answer`), so
 * each event only fills the moment it reports — first report wins — and the state and durations are
 * recomputed from the three moments. Given consistent timestamps the result is the same in any
 * order, and applying an event twice changes nothing.
 */
export function applyCallEvent(
  prev: CallFacts | null,
  event: CallEventKind,
  at: Date,
  direction: CallDirection,
): CallFacts {
  let startedAt = prev?.startedAt ?? at;
  let answeredAt = prev?.answeredAt ?? null;
  let endedAt = prev?.endedAt ?? null;
  if (event === 'newCall') startedAt = prev ? min(prev.startedAt, at) : at;
  if (event === 'answer' && !answeredAt) answeredAt = at;
  if (event === 'hangup' && !endedAt) endedAt = at;
  // A late-arriving earlier event cannot put moments out of order: clamp into start ≤ answer ≤ end.
  if (answeredAt) startedAt = min(startedAt, answeredAt);
  if (endedAt) startedAt = min(startedAt, endedAt);
  if (answeredAt && endedAt) answeredAt = min(max(answeredAt, startedAt), endedAt);
  return derive(startedAt, answeredAt, endedAt, direction);
}

function derive(startedAt: Date, answeredAt: Date | null, endedAt: Date | null, direction: CallDirection) {
  const state: CallState = endedAt ? 'ended' : answeredAt ? 'answered' : 'ringing';
  const firstOutcome = answeredAt ?? endedAt;
  return {
    state,
    startedAt,
    answeredAt,
    endedAt,
    waitSeconds: firstOutcome ? seconds(startedAt, firstOutcome) : null,
    talkSeconds: answeredAt && endedAt ? seconds(answeredAt, endedAt) : null,
    missed: direction === 'in' && endedAt !== null && answeredAt === null,
  };
}
