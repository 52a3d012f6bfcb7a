import type { ComplaintWarningRule } from '@guanjia/shared';

/** One complaint as the 投诉预警 rules see it. */
export interface ComplaintFact {
  createdAt: Date;
  cause: string | null;
  buildingId: number | null;
}

export interface WarningThresholds {
  /** At least this many of one cause in one building … */
  clusterCount: number;
  /** … within this many days. */
  clusterDays: number;
  /** Week-on-week rise, in percent, of one cause (or of all complaints) … */
  risePercent: number;
  /** … with at least this many this week. */
  riseMinCount: number;
}

export interface WarningFinding {
  rule: ComplaintWarningRule;
  /** null: all causes (the project-wide rise). */
  cause: string | null;
  buildingId: number | null;
  count: number;
  previousCount: number | null;
  windowStart: Date;
  windowEnd: Date;
  /** What identifies the finding across runs: a warning with this key raised within the window suppresses it. */
  key: string;
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export const warningKey = (rule: ComplaintWarningRule, cause: string | null, buildingId: number | null) =>
  `${rule}:${cause ?? '*'}:${buildingId ?? '*'}`;

/** Rise in percent from `previous` to `current`; null when there is nothing to compare with. */
export function risePercent(previous: number, current: number): number | null {
  if (previous <= 0) return null;
  return ((current - previous) / previous) * 100;
}

/**
 * Q52/R04 投诉预警, pure: clusters (≥ clusterCount of one cause in one building within clusterDays) and
 * week-on-week rises (per cause and overall, ≥ risePercent with at least riseMinCount this week). A
 * finding whose key was raised within its window (`recent`) is not raised again.
 */
export function findWarnings(
  facts: readonly ComplaintFact[],
  now: Date,
  th: WarningThresholds,
  recent: readonly { key: string; createdAt: Date }[] = [],
): WarningFinding[] {
  const out: WarningFinding[] = [];
  const clusterStart = new Date(now.getTime() - th.clusterDays * DAY);
  const inCluster = facts.filter((f) => f.createdAt > clusterStart && f.createdAt <= now);
  const groups = new Map<string, { cause: string; buildingId: number; count: number }>();
  for (const f of inCluster) {
    if (f.cause === null || f.buildingId === null) continue;
    const k = warningKey('cluster', f.cause, f.buildingId);
    const g = groups.get(k) ?? { cause: f.cause, buildingId: f.buildingId, count: 0 };
    g.count += 1;
    groups.set(k, g);
  }
  for (const [key, g] of groups) {
    if (g.count < th.clusterCount) continue;
    out.push({ rule: 'cluster', ...g, previousCount: null, windowStart: clusterStart, windowEnd: now, key });
  }

  const weekStart = new Date(now.getTime() - WEEK);
  const prevStart = new Date(now.getTime() - 2 * WEEK);
  const causes = new Set<string | null>([null]);
  for (const f of facts) if (f.cause !== null) causes.add(f.cause);
  for (const cause of causes) {
    const mine = facts.filter((f) => cause === null || f.cause === cause);
    const current = mine.filter((f) => f.createdAt > weekStart && f.createdAt <= now).length;
    const previous = mine.filter((f) => f.createdAt > prevStart && f.createdAt <= weekStart).length;
    const rise = risePercent(previous, current);
    if (rise === null || rise < th.risePercent || current < th.riseMinCount) continue;
    out.push({
      rule: 'rise',
      cause,
      buildingId: null,
      count: current,
      previousCount: previous,
      windowStart: weekStart,
      windowEnd: now,
      key: warningKey('rise', cause, null),
    });
  }
  return out.filter((w) => {
    const windowMs = w.rule === 'cluster' ? th.clusterDays * DAY : WEEK;
    return !recent.some((r) => r.key === w.key && now.getTime() - r.createdAt.getTime() < windowMs);
  });
}
