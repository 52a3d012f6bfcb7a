import { lateMinutes } from './deadlines';

export interface ComplianceStep {
  id: number;
  title: string;
  dueAt: Date;
  doneAt: Date | null;
}

/**
 * Per-step compliance for the 复盘, from the timers: met when done by its deadline; late by how much
 * otherwise. A step never done counts as late by the time from its deadline to `asOf` (the review).
 */
export function stepCompliance(steps: readonly ComplianceStep[], asOf: Date) {
  return steps.map((s) => {
    const doneAt = s.doneAt ?? (asOf > s.dueAt ? asOf : null);
    const late = lateMinutes({ dueAt: s.dueAt, doneAt });
    return { stepId: s.id, title: s.title, met: s.doneAt !== null && late === null, lateMinutes: late };
  });
}

/** The median of a list (null when empty): R19's "median lateness". */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

/** Share of steps within their deadline, as a whole percent; null when there were none. */
export function compliancePct(met: number, total: number): number | null {
  return total ? Math.round((met / total) * 1000) / 10 : null;
}
