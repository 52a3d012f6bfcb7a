import type { TicketChannel, TicketPriority, TicketType } from '@guanjia/shared';
import { createRng, deriveSeed, type Rng } from './prng';

/** The load test's two years of service requests: volumes and mixes as a busy 小区 would have them. */
export const LARGE_TICKETS = {
  seed: 9_182_736,
  days: 730,
  types: [
    ['报修', 55],
    ['投诉', 10],
    ['咨询', 20],
    ['建议', 5],
    ['求助', 7],
    ['表扬', 3],
  ] as const satisfies readonly (readonly [TicketType, number])[],
  channels: [
    ['phone', 50],
    ['walk-in', 8],
    ['portal', 17],
    ['app', 15],
    ['email', 3],
    ['voicemail', 2],
    ['patrol', 5],
  ] as const satisfies readonly (readonly [TicketChannel, number])[],
  /** Targets in minutes, wall clock (the seeded clocks are snapshots, not recomputations). */
  targets: {
    respond: 30,
    dispatch: 15,
    arriveUrgent: 15,
    arrive: 30,
    resolveUrgent: 360,
    resolve: 1440,
    reply: 5760,
    callback: 2880,
  },
} as const;

export type CategoryKind = 'repair' | 'complaint' | 'service';

/** When things happen, in minutes after the ticket was created; null = never. */
export interface LargeTicket {
  type: TicketType;
  priority: TicketPriority;
  channel: TicketChannel;
  createdAt: Date;
  categoryKind: CategoryKind | null;
  /** Index into the category list of that kind (taken modulo its length). */
  categoryPick: number;
  agentPick: number;
  technicianPick: number;
  /** Picks the caller (one in ten is not a known resident) and the wording. */
  textPick: number;
  /** Portal, app, e-mail and voicemail requests wait to be accepted; the others are taken on the spot. */
  accepted: number;
  appointmentAt: Date | null;
  workOrder: { dispatched: number; accepted: number; arrived: number; completed: number | null } | null;
  resolved: number | null;
  callback: { completed: number | null; satisfied: boolean; scores: [number, number, number] } | null;
  cancelled: number | null;
}

const minutes = (rng: Rng, target: number) =>
  // Most within the target, a tail of 2.5 % late by up to three times it (about one ticket in ten breaches).
  target * (rng.chance(0.025) ? 1 + rng.next() * 2 : 0.15 + rng.next() * 0.8);

const LIVE: ReadonlySet<TicketChannel> = new Set(['phone', 'walk-in', 'patrol']);

/**
 * The i-th of `total` tickets, a pure function of (i, total, end): created evenly over the two years
 * before `end` (ids grow with time), so a stopped run resumes with the same tickets.
 */
export function largeTicket(i: number, total: number, end: Date): LargeTicket {
  const rng = createRng(deriveSeed(LARGE_TICKETS.seed, i));
  const span = LARGE_TICKETS.days * 86_400_000;
  const createdAt = new Date(end.getTime() - span + ((i + rng.next()) * span) / total);
  const type = rng.weighted(LARGE_TICKETS.types);
  const repair = type === '报修';
  const priority: TicketPriority = repair
    ? rng.weighted([
        ['急', 15],
        ['一般', 75],
        ['预约', 10],
      ])
    : '一般';
  const channel = rng.weighted(LARGE_TICKETS.channels);
  const T = LARGE_TICKETS.targets;
  const accepted = LIVE.has(channel) ? 0 : minutes(rng, T.respond);
  const categoryKind: CategoryKind | null = repair
    ? 'repair'
    : type === '投诉'
      ? 'complaint'
      : rng.chance(0.6)
        ? 'service'
        : null;
  const appointmentAt =
    priority === '预约' ? new Date(createdAt.getTime() + rng.int(4, 72) * 3_600_000) : null;
  let workOrder: LargeTicket['workOrder'] = null;
  let resolved: number | null;
  if (repair) {
    // The work order's clocks all run from its creation (when the ticket was taken), as the engine's do;
    // an appointment moves arrival to the agreed time and the fix clock starts there.
    const urgent = priority === '急';
    const visit = appointmentAt ? (appointmentAt.getTime() - createdAt.getTime()) / 60_000 : null;
    const arrived =
      visit !== null
        ? visit + (rng.chance(0.05) ? rng.int(1, 30) : rng.int(-15, 0))
        : accepted + minutes(rng, urgent ? T.arriveUrgent : T.arrive);
    const dispatched = accepted + Math.min(minutes(rng, T.dispatch), Math.max(1, (arrived - accepted) / 2));
    const fixFrom = visit ?? accepted;
    const completed = Math.max(arrived + 10, fixFrom + minutes(rng, urgent ? T.resolveUrgent : T.resolve));
    workOrder = {
      dispatched,
      accepted: dispatched + Math.min(10, (arrived - dispatched) / 2),
      arrived,
      completed,
    };
    resolved = completed;
  } else if (type === '投诉') {
    resolved = accepted + minutes(rng, T.reply);
  } else {
    // 咨询/建议/表扬 answered at first contact; 求助 within the hour.
    resolved = accepted + (type === '求助' ? rng.int(10, 60) : rng.int(1, 15));
  }
  const needsCallback = repair || type === '投诉' || type === '求助';
  // 2 % never get their callback (they stay 待回访); dissatisfied residents are 8 %.
  const callback: LargeTicket['callback'] = needsCallback
    ? {
        completed: rng.chance(0.02) ? null : resolved + minutes(rng, T.callback),
        satisfied: rng.chance(0.92),
        scores: [rng.int(3, 5), rng.int(3, 5), rng.int(4, 5)],
      }
    : null;
  if (callback && !callback.satisfied) callback.scores = [rng.int(1, 2), rng.int(1, 3), rng.int(2, 3)];
  // 4 % are cancelled soon after they were taken (duplicate call, resident fixed it himself).
  const cancelled = rng.chance(0.04) ? accepted + rng.int(5, 120) : null;
  if (cancelled !== null && workOrder && workOrder.completed !== null && workOrder.completed > cancelled)
    workOrder.completed = null;
  // 0.5 % of repairs hang (waiting for parts) long after everything else is done.
  if (workOrder && rng.chance(0.005)) workOrder.completed = null;
  if (workOrder && workOrder.completed === null) resolved = null;
  return {
    type,
    priority,
    channel,
    createdAt,
    categoryKind,
    categoryPick: rng.int(0, 999),
    agentPick: rng.int(0, 999),
    technicianPick: rng.int(0, 999),
    textPick: rng.int(0, 999_999),
    accepted,
    appointmentAt,
    workOrder,
    resolved: cancelled !== null && (resolved ?? Number.POSITIVE_INFINITY) > cancelled ? null : resolved,
    callback: cancelled !== null ? null : callback,
    cancelled,
  };
}
