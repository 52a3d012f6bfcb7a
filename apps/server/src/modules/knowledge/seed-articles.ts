import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { searchTextOf } from './rules/search-terms';
import { kbArticles, kbArticleVersions } from './schema';
import { STANDARD_ARTICLES } from './standard-articles';

/** The standard answers, company-wide, once per company (a company with articles is left alone). */
export async function seedStandardArticles(db: DbOrTx, companyId: number, now: Date): Promise<number> {
  const [existing] = await db
    .select({ n: count() })
    .from(kbArticles)
    .where(eq(kbArticles.companyId, companyId));
  if ((existing?.n ?? 0) > 0) return 0;
  const rows = await db
    .insert(kbArticles)
    .values(
      STANDARD_ARTICLES.map((a) => ({
        ...a,
        companyId,
        searchText: searchTextOf(a),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
  await db.insert(kbArticleVersions).values(
    rows.map((r) => ({
      articleId: r.id,
      version: 1,
      title: r.title,
      body: r.body,
      category: r.category,
      tags: r.tags,
      visibility: r.visibility,
      editedById: null,
      editedAt: now,
    })),
  );
  return rows.length;
}
