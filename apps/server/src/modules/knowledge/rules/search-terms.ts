/**
 * Chinese search without a word segmenter: a query becomes the set of its two-character pieces per
 * run of letters/digits (the same pieces guanjia_bigrams() indexes), so 漏水 matches 厨房水管漏水 and
 * 厨房漏水 matches it on 厨房 + 漏水. Single characters (a one-character run) are kept as they are.
 */
export function queryBigrams(text: string, limit = 64): string[] {
  const runs = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (const run of runs) {
    const chars = [...run];
    if (chars.length === 1) out.add(run);
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
    if (out.size >= limit) break;
  }
  return [...out].slice(0, limit);
}

/** Enough of the query must appear: all of a two-piece query, at least 60 % of a longer one. */
export function minimumHits(pieces: number): number {
  if (pieces <= 2) return pieces;
  return Math.ceil(pieces * 0.6);
}

/** Relevance: title hits count double, then body hits, then how often it helped. */
export const relevance = (titleHits: number, hits: number, helpfulYes: number, helpfulNo: number) =>
  titleHits * 2 + hits + Math.max(-1, Math.min(1, (helpfulYes - helpfulNo) / 10));

/** What goes into the searchable column. */
export const searchTextOf = (a: { title: string; body: string; category: string; tags: readonly string[] }) =>
  `${a.title} ${a.tags.join(' ')} ${a.category} ${a.body}`.toLowerCase();

/** Above this many combinations the index is asked for "any piece" and the count filters the rest. */
export const MAX_PIECE_GROUPS = 20;

/**
 * "At least k of these pieces" as the groups of k pieces any match must contain all of: each group is
 * one exact GIN lookup (@>), so the index hands over only rows that qualify, instead of every row
 * holding any one common piece (漏水 is in hundreds of articles). Null when there would be too many.
 */
export function pieceGroups(pieces: readonly string[], k: number): string[][] | null {
  if (k <= 0 || k > pieces.length) return null;
  const groups: string[][] = [];
  const pick = (from: number, chosen: string[]): boolean => {
    if (chosen.length === k) {
      groups.push(chosen);
      return groups.length <= MAX_PIECE_GROUPS;
    }
    for (let i = from; i <= pieces.length - (k - chosen.length); i++) {
      if (!pick(i + 1, [...chosen, pieces[i] as string])) return false;
    }
    return true;
  };
  return pick(0, []) ? groups : null;
}
