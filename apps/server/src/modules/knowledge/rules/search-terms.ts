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
