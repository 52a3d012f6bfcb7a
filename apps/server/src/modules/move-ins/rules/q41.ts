import type { MoveInState, MoveInStep } from '@guanjia/shared/api';
import { MOVE_IN_STEPS } from '@guanjia/shared/api';

/**
 * Q41: "一般问题应在整改后一个工作日内回复，整改周期较长的应每周向客户汇报整改进度". Pure: the
 * job feeds in the defect's facts and the settings.
 */

const DAY = 86_400_000;

/** A fix longer than the threshold is a long one (weekly progress reports). */
export const isLongFix = (fixDays: number, thresholdDays: number) => fixDays > thresholdDays;

/**
 * The reply deadline: `workingDays` working days after the fix, Saturdays and Sundays skipped (a
 * holiday calendar would plug in here). `weekdayOf` gives the local weekday (0 = Sunday) of an instant.
 */
export function replyDue(fixedAt: Date, workingDays: number, weekdayOf: (d: Date) => number): Date {
  let t = fixedAt.getTime();
  let left = workingDays;
  while (left > 0) {
    t += DAY;
    const wd = weekdayOf(new Date(t));
    if (wd !== 0 && wd !== 6) left--;
  }
  return new Date(t);
}

/** A long fix still open reports progress every `intervalDays` since the last report (or the opening). */
export function progressDue(
  d: { long: boolean; fixed: boolean; lastProgressAt: Date | null; createdAt: Date },
  now: Date,
  intervalDays: number,
): boolean {
  if (!d.long || d.fixed) return false;
  const since = (d.lastProgressAt ?? d.createdAt).getTime();
  return now.getTime() - since >= intervalDays * DAY;
}

/** Move-in case states: completed once every checklist step is done; cancelled only while open. */
export type MoveInMove = 'complete' | 'cancel';
const MOVES: Record<MoveInMove, { from: MoveInState[]; to: MoveInState }> = {
  complete: { from: ['open'], to: 'completed' },
  cancel: { from: ['open'], to: 'cancelled' },
};
export function moveInMove(
  state: MoveInState,
  move: MoveInMove,
  doneSteps: MoveInStep[],
):
  | { ok: true; to: MoveInState }
  | { ok: false; reason: 'wrong_state' | 'steps_missing'; missing?: MoveInStep[] } {
  const m = MOVES[move];
  if (!m.from.includes(state)) return { ok: false, reason: 'wrong_state' };
  if (move === 'complete') {
    const missing = MOVE_IN_STEPS.filter((s) => !doneSteps.includes(s));
    if (missing.length) return { ok: false, reason: 'steps_missing', missing };
  }
  return { ok: true, to: m.to };
}
