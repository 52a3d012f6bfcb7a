/**
 * Q21/Q120: the daily 9S check's findings are counted per person per month; at the threshold (5) or more
 * the monthly report flags the performance-point deduction (−4).
 */
export interface NinesCount {
  userId: number;
  month: string;
  count: number;
}

export interface NinesFlag extends NinesCount {
  flagged: boolean;
  /** Performance points deducted for the month (0 when not flagged). */
  points: number;
}

export function ninesFlags(
  counts: readonly NinesCount[],
  p: { threshold: number; points: number },
): NinesFlag[] {
  return counts.map((c) => {
    const flagged = c.count >= p.threshold;
    return { ...c, flagged, points: flagged ? p.points : 0 };
  });
}
