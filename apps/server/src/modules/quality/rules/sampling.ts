export interface Sampleable {
  id: number;
  agentId: number;
}

/** A stable pseudo-random rank per (seed, id): the same plan re-run picks the same items. */
function rank(seed: string, id: number): number {
  let h = 2166136261;
  for (const ch of `${seed}:${id}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * The QA sampling plan: N % of each agent's items (at least one when the agent has any and N > 0),
 * chosen by a seeded rank so the draw is reproducible and not "the first ones of the week".
 */
export function sampleItems<T extends Sampleable>(items: readonly T[], percent: number, seed: string): T[] {
  if (percent <= 0) return [];
  const byAgent = new Map<number, T[]>();
  for (const item of items) byAgent.set(item.agentId, [...(byAgent.get(item.agentId) ?? []), item]);
  const out: T[] = [];
  for (const list of byAgent.values()) {
    const n = Math.min(list.length, Math.max(1, Math.ceil((list.length * percent) / 100)));
    out.push(...[...list].sort((a, b) => rank(seed, a.id) - rank(seed, b.id) || a.id - b.id).slice(0, n));
  }
  return out.sort((a, b) => a.id - b.id);
}

/**
 * The plan's draw plus every flagged item (a forbidden phrase was written in it): a flag is a reason to
 * look, so it is never left to chance. The draw itself is unchanged by flags, so the plan stays N %.
 */
export function sampleWithFlagged<T extends Sampleable>(
  items: readonly T[],
  percent: number,
  seed: string,
  flagged: ReadonlySet<number>,
): T[] {
  const drawn = new Set(sampleItems(items, percent, seed).map((i) => i.id));
  return items.filter((i) => drawn.has(i.id) || flagged.has(i.id)).sort((a, b) => a.id - b.id);
}
