import type { StepState } from '@guanjia/shared/api';

const MIN = 60_000;

export interface StepTiming {
  afterStartMinutes: number | null;
  afterPreviousMinutes: number | null;
  doneAt: Date | null;
}

/**
 * Each step's deadline. A step bound to the start is due that long after it; one bound to the previous
 * step is due that long after the previous one was done — or, while it is not, after its deadline (so a
 * plan's chain is known from the first minute). A step bound to both takes the earlier: Q63's "on site
 * within 5 minutes of the report" never stretches past an absolute limit a plan sets.
 */
export function stepDeadlines(startedAt: Date, steps: readonly StepTiming[]): Date[] {
  const out: Date[] = [];
  steps.forEach((s, i) => {
    const candidates: number[] = [];
    if (s.afterStartMinutes !== null) candidates.push(startedAt.getTime() + s.afterStartMinutes * MIN);
    if (s.afterPreviousMinutes !== null) {
      const prev = i > 0 ? steps[i - 1] : undefined;
      const base = prev ? (prev.doneAt ?? out[i - 1]!) : startedAt;
      candidates.push(base.getTime() + s.afterPreviousMinutes * MIN);
    }
    out.push(new Date(candidates.length ? Math.min(...candidates) : startedAt.getTime()));
  });
  return out;
}

/** pending until done or escalated; met / late by when it was done against its deadline. */
export function stepState(s: { dueAt: Date; doneAt: Date | null; escalationLevel: number }): StepState {
  if (s.doneAt) return s.doneAt.getTime() <= s.dueAt.getTime() ? 'met' : 'late';
  return s.escalationLevel > 0 ? 'escalated' : 'pending';
}

/** Whole minutes (one decimal) a done step was late, null when on time or not done. */
export function lateMinutes(s: { dueAt: Date; doneAt: Date | null }): number | null {
  if (!s.doneAt || s.doneAt.getTime() <= s.dueAt.getTime()) return null;
  return Math.round(((s.doneAt.getTime() - s.dueAt.getTime()) / MIN) * 10) / 10;
}
