import { and, asc, count, desc, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client';
import { offsetOf } from '../../platform/http/pagination';
import { escapeLike } from '../org/queries';
import { minimumHits, pieceGroups, queryBigrams } from './rules/search-terms';
import { termPieces } from './rules/synonyms';
import { kbArticles } from './schema';

/**
 * The rows holding the query's pieces, found through the GIN index on search_bigrams alone (the
 * subquery is planned on its own), then narrowed to the company and scope by primary key. Left to
 * itself the planner reads every row of the company instead, unpacking each stored array: seconds.
 */
export const candidates = (condition: SQL) =>
  sql`${kbArticles.id} in (select id from kb_articles where ${condition} offset 0)`;

/**
 * Text searches run with sequential scans off: the planner prices the GIN lookup above reading the
 * whole (small) table, not knowing that each row's array must be decompressed to test it.
 */
export async function withIndexSearch<T>(db: Db, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return fn(tx);
  });
}

const countIn = (
  pieces: string[],
  column: typeof kbArticles.searchBigrams | typeof kbArticles.titleBigrams,
) =>
  pieces.length
    ? sql<number>`(select count(*) from unnest(${sql.param(pieces)}::text[]) p where p = any(${column}))`
    : sql<number>`0`;

/**
 * Scoring columns for a text search, or null when the text has nothing searchable. `synonyms` are the
 * words the query also means (rules/synonyms expandQuery): an article holding every piece of one of
 * them matches too, and their pieces count towards the score like the query's own.
 */
export function matcher(text: string, synonyms: readonly string[] = []) {
  const pieces = queryBigrams(text);
  const pairs = pieces.filter((p) => [...p].length === 2);
  const singles = pieces.filter((p) => [...p].length === 1);
  if (!pairs.length && !singles.length) return null;
  const need = minimumHits(pairs.length);
  const groups = pieceGroups(pairs, need);
  const arr = sql`${sql.param(pairs)}::text[]`;
  const own = and(
    // What the GIN index serves: every group of `need` pieces as one exact lookup (@>), OR-ed; with too
    // many groups, any piece (&&) and enough of them counted inside the subquery.
    pairs.length
      ? candidates(
          groups
            ? sql.join(
                groups.map((g) => sql`search_bigrams @> ${sql.param(g)}::text[]`),
                sql` or `,
              )
            : sql`search_bigrams && ${arr} and ${countIn(pairs, kbArticles.searchBigrams)} >= ${need}`,
        )
      : undefined,
    ...singles.map((c) => ilike(kbArticles.searchText, `%${escapeLike(c)}%`)),
  );
  const synonymPieces = synonyms.map(termPieces).filter((p) => p.length > 0);
  const where = synonymPieces.length
    ? or(
        own,
        candidates(
          sql.join(
            synonymPieces.map((p) => sql`search_bigrams @> ${sql.param(p)}::text[]`),
            sql` or `,
          ),
        ),
      )
    : own;
  const scored = [...new Set([...pairs, ...synonymPieces.flat()])];
  const hits = countIn(scored, kbArticles.searchBigrams);
  const titleHits = countIn(scored, kbArticles.titleBigrams);
  const score = sql<number>`(${titleHits} * 2 + ${hits} + greatest(-1, least(1, (${kbArticles.helpfulYes} - ${kbArticles.helpfulNo}) / 10.0)))`;
  return { where, score };
}

/**
 * One page of articles and the total: by score when searching (ties: the more used, then the more
 * focused shorter title, then the older canonical article), else in `browseOrder`.
 */
export async function readArticlePage(
  db: Db,
  where: SQL | undefined,
  match: ReturnType<typeof matcher>,
  browseOrder: SQL[],
  page: { page: number; pageSize: number },
) {
  const read = (d: DbOrTx) =>
    Promise.all([
      d
        .select()
        .from(kbArticles)
        .where(where)
        .orderBy(
          ...(match
            ? [desc(match.score), desc(kbArticles.uses), sql`length(${kbArticles.title})`, asc(kbArticles.id)]
            : browseOrder),
        )
        .limit(page.pageSize)
        .offset(offsetOf(page)),
      d.select({ n: count() }).from(kbArticles).where(where),
    ]);
  const [rows, [total]] = match ? await withIndexSearch(db, read) : await read(db);
  return { rows, total: total?.n ?? 0 };
}
