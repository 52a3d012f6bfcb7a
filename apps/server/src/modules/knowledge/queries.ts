import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { Db, DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf } from '../../platform/http/pagination';
import { escapeLike, scopeIds } from '../org/queries';
import type { ArticleListQuery } from './inputs';
import { minimumHits, pieceGroups, queryBigrams } from './rules/search-terms';
import { kbArticles } from './schema';

type Row = typeof kbArticles.$inferSelect;

export const presentArticle = (a: Row, withBody = true) => ({
  id: a.id,
  projectId: a.projectId,
  category: a.category,
  tags: a.tags,
  title: a.title,
  ...(withBody ? { body: a.body } : { excerpt: a.body.length > 120 ? `${a.body.slice(0, 120)}…` : a.body }),
  visibility: a.visibility,
  uses: a.uses,
  helpfulYes: a.helpfulYes,
  helpfulNo: a.helpfulNo,
  updatedAt: a.updatedAt.toISOString(),
  version: a.version,
});

/** Company-wide articles and those of the caller's projects (or of the one project asked for). */
function visible(auth: AuthContext, projectId?: number): SQL | undefined {
  if (projectId) assertInScope(auth, projectId, 'Project');
  const scope = projectId ? [projectId] : scopeIds(auth);
  return and(
    eq(kbArticles.companyId, auth.companyId),
    or(isNull(kbArticles.projectId), inArray(kbArticles.projectId, scope)),
  );
}

/**
 * The rows holding the query's pieces, found through the GIN index on search_bigrams alone (the
 * subquery is planned on its own), then narrowed to the company and scope by primary key. Left to
 * itself the planner reads every row of the company instead, unpacking each stored array: seconds.
 */
const candidates = (condition: SQL) =>
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

/** Scoring columns for a text search, or null when the text has nothing searchable. */
function matcher(text: string) {
  const pieces = queryBigrams(text);
  const pairs = pieces.filter((p) => [...p].length === 2);
  const singles = pieces.filter((p) => [...p].length === 1);
  if (!pairs.length && !singles.length) return null;
  const arr = sql`${sql.param(pairs)}::text[]`;
  // Counted over the query's few pieces, each looked up in the row's stored pieces.
  const hits = pairs.length
    ? sql<number>`(select count(*) from unnest(${arr}) p where p = any(${kbArticles.searchBigrams}))`
    : sql<number>`0`;
  const titleHits = pairs.length
    ? sql<number>`(select count(*) from unnest(${arr}) p where p = any(${kbArticles.titleBigrams}))`
    : sql<number>`0`;
  const need = minimumHits(pairs.length);
  const groups = pieceGroups(pairs, need);
  const where = and(
    // What the GIN index serves: every group of `need` pieces as one exact lookup (@>), OR-ed; with too
    // many groups, any piece (&&) and enough of them counted inside the subquery.
    pairs.length
      ? candidates(
          groups
            ? sql.join(
                groups.map((g) => sql`search_bigrams @> ${sql.param(g)}::text[]`),
                sql` or `,
              )
            : sql`search_bigrams && ${arr} and ${hits} >= ${need}`,
        )
      : undefined,
    ...singles.map((c) => ilike(kbArticles.searchText, `%${escapeLike(c)}%`)),
  );
  const score = sql<number>`(${titleHits} * 2 + ${hits} + greatest(-1, least(1, (${kbArticles.helpfulYes} - ${kbArticles.helpfulNo}) / 10.0)))`;
  return { where, score };
}

export async function listArticles(db: Db, auth: AuthContext, q: ArticleListQuery) {
  const match = q.q ? matcher(q.q) : null;
  if (q.q && !match) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(
    visible(auth, q.projectId),
    q.category ? eq(kbArticles.category, q.category) : undefined,
    q.tag ? sql`${kbArticles.tags} @> array[${q.tag}]::text[]` : undefined,
    q.visibility ? eq(kbArticles.visibility, q.visibility) : undefined,
    match?.where,
  );
  const read = (d: DbOrTx) =>
    Promise.all([
      d
        .select()
        .from(kbArticles)
        .where(where)
        .orderBy(
          // Ties: the more used, then the more focused (shorter title), then the older (canonical) article.
          ...(match
            ? [desc(match.score), desc(kbArticles.uses), sql`length(${kbArticles.title})`, asc(kbArticles.id)]
            : [desc(kbArticles.updatedAt), desc(kbArticles.id)]),
        )
        .limit(q.pageSize)
        .offset(offsetOf(q)),
      d.select({ n: count() }).from(kbArticles).where(where),
    ]);
  const [rows, [total]] = match ? await withIndexSearch(db, read) : await read(db);
  return {
    items: rows.map((r) => presentArticle(r, false)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Articles for a ticket being written: the same bigram match, but a long text only has to share a
 * few pieces with an article (any three, or two in its title), so the best five are offered.
 */
export async function suggestArticles(db: Db, auth: AuthContext, text: string, projectId?: number) {
  const pairs = queryBigrams(text, 200).filter((p) => [...p].length === 2);
  if (!pairs.length) return { items: [] };
  const arr = sql`${sql.param(pairs)}::text[]`;
  const hits = sql<number>`(select count(*) from unnest(${arr}) p where p = any(${kbArticles.searchBigrams}))`;
  const titleHits = sql<number>`(select count(*) from unnest(${arr}) p where p = any(${kbArticles.titleBigrams}))`;
  const need = Math.min(3, pairs.length);
  const rows = await withIndexSearch(db, (tx) =>
    tx
      .select()
      .from(kbArticles)
      .where(
        and(
          visible(auth, projectId),
          candidates(sql`search_bigrams && ${arr} and (${hits} >= ${need} or ${titleHits} >= 2)`),
        ),
      )
      .orderBy(desc(sql`${titleHits} * 3 + ${hits}`), desc(kbArticles.uses), asc(kbArticles.id))
      .limit(5),
  );
  return { items: rows.map((r) => presentArticle(r, false)) };
}

export async function articleDetail(db: Db, auth: AuthContext, id: number) {
  const [row] = await db
    .select()
    .from(kbArticles)
    .where(and(eq(kbArticles.id, id), visible(auth)));
  if (!row) throw notFound('Article');
  return row;
}
