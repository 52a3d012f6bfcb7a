import type { VisitPurpose } from '@guanjia/shared/api';

const dayMs = 86_400_000;
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

export interface PlannedMoveInVisit {
  sourceKey: string;
  purpose: VisitPurpose;
  plannedOn: string;
  dueOn: string;
}

/**
 * Q86: experience visits 3 days, a week and a month after move-in, each due on its day; Q87: the
 * butler's care contact within a week, planned for the day after move-in so it has the week to happen.
 */
export function moveInSchedule(
  moveIn: string,
  visitDays: readonly number[],
  careDays: number,
): PlannedMoveInVisit[] {
  const visits: PlannedMoveInVisit[] = [...new Set(visitDays)]
    .sort((a, b) => a - b)
    .map((d) => ({
      sourceKey: `d${d}`,
      purpose: '入住回访',
      plannedOn: addDays(moveIn, d),
      dueOn: addDays(moveIn, d),
    }));
  return [
    { sourceKey: 'care', purpose: '关怀', plannedOn: addDays(moveIn, 1), dueOn: addDays(moveIn, careDays) },
    ...visits,
  ];
}

/** Q85: the project head's monthly visits — the small quota up to the threshold, the large one above. */
export function headQuota(
  households: number,
  q: { small: number; large: number; threshold: number },
): number {
  return households <= q.threshold ? q.small : q.large;
}

/** Warn within the last `warnDays` of the month while the head is short of the quota. */
export function quotaWarning(done: number, required: number, today: string, warnDays: number): boolean {
  if (done >= required) return false;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return last - d < warnDays;
}

/** A move-in visit's standing at the end of `today`. */
export function onTimeStatus(
  v: { dueOn: string | null; doneOn: string | null; status: string },
  today: string,
): 'on_time' | 'late' | 'missed' | 'pending' {
  const done = v.status === 'visited';
  if (done && v.doneOn) return !v.dueOn || v.doneOn <= v.dueOn ? 'on_time' : 'late';
  if (v.dueOn && v.dueOn < today) return 'missed';
  return 'pending';
}

export interface SuggestionCandidate {
  unitId: number;
  lastContactAt: Date | null;
  recentComplaints: number;
  vip: boolean;
  lowScore: boolean;
}

export type SuggestionReason = 'never' | 'complaint' | 'vip' | 'low_score' | 'longest';

/**
 * Which households to visit next, in this order: never contacted; then recent complaints (more first);
 * then VIPs; then a low score (an unsatisfied survey or callback); then the longest since the last
 * contact. Ties keep the unit order, so the plan is stable from one day to the next.
 */
export function orderSuggestions<T extends SuggestionCandidate>(
  rows: readonly T[],
): (T & { reasons: SuggestionReason[] })[] {
  const rank = (r: T) => [
    r.lastContactAt ? 1 : 0,
    -r.recentComplaints,
    r.vip ? 0 : 1,
    r.lowScore ? 0 : 1,
    r.lastContactAt?.getTime() ?? 0,
    r.unitId,
  ];
  return [...rows]
    .sort((a, b) => {
      const x = rank(a);
      const y = rank(b);
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
      return 0;
    })
    .map((r) => ({
      ...r,
      reasons: [
        ...(r.lastContactAt ? [] : (['never'] as const)),
        ...(r.recentComplaints ? (['complaint'] as const) : []),
        ...(r.vip ? (['vip'] as const) : []),
        ...(r.lowScore ? (['low_score'] as const) : []),
        ...(r.lastContactAt ? (['longest'] as const) : []),
      ],
    }));
}

/** Q84: households with any contact — visits, survey answers, callbacks — each counted once. */
export function coverageOf(households: readonly number[], contacts: readonly { unitId: number }[]) {
  const all = new Set(households);
  const covered = new Set(contacts.map((c) => c.unitId).filter((u) => all.has(u)));
  return {
    households: all.size,
    covered: covered.size,
    coverage: all.size ? Math.round((covered.size / all.size) * 10_000) / 10_000 : 0,
  };
}
