export interface ChecklistItem {
  key: string;
  label: string;
  /** Points this item is worth; a finding deducts up to this many. */
  weight: number;
}

export type ScoreResult = { ok: true; total: number; deducted: number } | { ok: false; errors: string[] };

/**
 * A score sheet: 100 minus the deductions, each capped at its item's weight. Deductions name items of
 * the checklist; an unknown item or a negative deduction is an error, not silently ignored.
 */
export function scoreSheet(items: readonly ChecklistItem[], deductions: Record<string, number>): ScoreResult {
  const errors: string[] = [];
  let deducted = 0;
  for (const [key, points] of Object.entries(deductions)) {
    const item = items.find((i) => i.key === key);
    if (!item) errors.push(`unknown checklist item "${key}"`);
    else if (!Number.isFinite(points) || points < 0) errors.push(`deduction for "${key}" must be ≥ 0`);
    else deducted += Math.min(points, item.weight);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, deducted, total: Math.max(0, 100 - deducted) };
}

/** Monthly QA score per agent: the mean of the month's final scores, rounded to one decimal. */
export function monthlyScores(reviews: readonly { agentId: number; total: number }[]) {
  const by = new Map<number, number[]>();
  for (const r of reviews) by.set(r.agentId, [...(by.get(r.agentId) ?? []), r.total]);
  return [...by.entries()]
    .map(([agentId, totals]) => ({
      agentId,
      reviews: totals.length,
      score: Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10,
    }))
    .sort((a, b) => a.agentId - b.agentId);
}
