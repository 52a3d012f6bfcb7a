import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { Db } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import type { ArticleListQuery } from './inputs';
import { queryBigrams } from './rules/search-terms';
import { expandQuery } from './rules/synonyms';
import { kbArticles } from './schema';
import { candidates, matcher, readArticlePage, withIndexSearch } from './search-match';

type Row = typeof kbArticles.$inferSelect;

export const presentArticle = (a: Row, withBody = true) => ({
  id: a.id,
  projectId: a.projectId,
  category: a.category,
  tags: a.tags,
  title: a.title,
  ...(withBody ? { body: a.body } : { excerpt: a.body.length > 120 ? `${a.body.slice(0, 120)}…` : a.body }),
  visibility: a.visibility,
  status: a.status,
  publishedAt: a.publishedAt?.toISOString() ?? null,
  uses: a.uses,
  helpfulYes: a.helpfulYes,
  helpfulNo: a.helpfulNo,
  updatedAt: a.updatedAt.toISOString(),
  version: a.version,
});

/**
 * Company-wide articles and those of the caller's projects (or of the one project asked for); drafts
 * only for those who write articles.
 */
export function visible(auth: AuthContext, projectId?: number): SQL | undefined {
  if (projectId) assertInScope(auth, projectId, 'Project');
  const scope = projectId ? [projectId] : scopeIds(auth);
  return and(
    eq(kbArticles.companyId, auth.companyId),
    or(isNull(kbArticles.projectId), inArray(kbArticles.projectId, scope)),
    can(auth, 'kb.write') ? undefined : eq(kbArticles.status, 'published'),
  );
}

/** `synonyms`: the company's synonym groups (synonymGroupsOf), expanding the query. */
export async function listArticles(
  db: Db,
  auth: AuthContext,
  q: ArticleListQuery,
  synonyms: readonly (readonly string[])[] = [],
) {
  const match = q.q ? matcher(q.q, expandQuery(q.q, synonyms)) : null;
  if (q.q && !match) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(
    visible(auth, q.projectId),
    q.category ? eq(kbArticles.category, q.category) : undefined,
    q.tag ? sql`${kbArticles.tags} @> array[${q.tag}]::text[]` : undefined,
    q.visibility ? eq(kbArticles.visibility, q.visibility) : undefined,
    q.status ? eq(kbArticles.status, q.status) : undefined,
    match?.where,
  );
  const { rows, total } = await readArticlePage(
    db,
    where,
    match,
    [desc(kbArticles.updatedAt), desc(kbArticles.id)],
    q,
  );
  return {
    items: rows.map((r) => presentArticle(r, false)),
    total,
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
          // Suggestions go to a resident: never a draft, even for an editor.
          eq(kbArticles.status, 'published'),
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
