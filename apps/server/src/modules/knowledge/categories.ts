import { asc, count } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import type { Db } from '../../platform/db/client';
import { visible } from './queries';
import { kbArticles } from './schema';

/** 分类: the categories in use with their article counts, for the editor's picker and the filter. */
export async function listCategories(db: Db, auth: AuthContext, projectId?: number) {
  const rows = await db
    .select({ name: kbArticles.category, articles: count() })
    .from(kbArticles)
    .where(visible(auth, projectId))
    .groupBy(kbArticles.category)
    .orderBy(asc(kbArticles.category));
  return { items: rows };
}
