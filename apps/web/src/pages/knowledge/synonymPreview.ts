/**
 * The console's preview of a search's expansion: the same rule as the server's expandQuery
 * (apps/server/src/modules/knowledge/rules/synonyms.ts), without its limit, to show editors the effect.
 */
export function expandPreview(text: string, groups: readonly (readonly string[])[]): string[] {
  const query = text.toLowerCase().replace(/\s+/g, '');
  const out: string[] = [];
  for (const group of groups) {
    const terms = group.map((g) => g.toLowerCase());
    if (!terms.some((term) => query.includes(term))) continue;
    for (const term of terms) if (!query.includes(term) && !out.includes(term)) out.push(term);
  }
  return out;
}
