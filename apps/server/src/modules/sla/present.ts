import { computeSlaClock } from './rules/sla-clock';
import type { slaClocks } from './schema';

export type ClockRow = typeof slaClocks.$inferSelect;

/**
 * A clock as the console shows it, recomputed at `now` from the stored snapshot so countdowns are
 * live between writes (the stored row is as of the last write or timer).
 */
export function presentClock(row: ClockRow, now: Date) {
  const base = {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    workOrderId: row.workOrderId,
    policyId: row.policyId,
    calendar: row.calendar.always ? ('24x7' as const) : ('business' as const),
    targetMinutes: row.targetMinutes,
    byAppointment: row.byAppointment,
    startedAt: row.startedAt.toISOString(),
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
  };
  if (row.state === 'cancelled') {
    return {
      ...base,
      state: row.state,
      deadline: row.dueAt.toISOString(),
      pausedMinutes: row.pausedMinutes,
      elapsedBusinessMinutes: row.elapsedMinutes ?? 0,
      remainingBusinessMinutes: null,
      warnAt: [] as string[],
    };
  }
  const r = computeSlaClock({
    targetMinutes: row.targetMinutes,
    calendar: row.calendar,
    startedAt: row.startedAt,
    stoppedAt: row.stoppedAt,
    pauses: row.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
    now,
    warnings: { fractions: [], minutesBefore: [] },
  });
  return {
    ...base,
    state: r.state,
    deadline: r.deadline.toISOString(),
    pausedMinutes: round(r.pausedMinutes),
    elapsedBusinessMinutes: round(r.elapsedBusinessMinutes),
    remainingBusinessMinutes: round(r.remainingBusinessMinutes),
    warnAt: row.warnAt,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
