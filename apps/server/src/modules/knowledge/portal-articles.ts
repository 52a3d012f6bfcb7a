import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import type { PortalKbQuery } from './inputs';
import { expandQuery } from './rules/synonyms';
import { kbArticles } from './schema';
import { matcher, readArticlePage } from './search-match';

type Row = typeof kbArticles.$inferSelect;

/** Whose articles a resident may read: the portal link's company, and the projects they live in. */
export interface PortalReader {
  companyId: number;
  projectIds: number[];
}

/** What a resident sees of an article: no usage counts, votes or internal ids of editors. */
const presentForResident = (a: Row, withBody: boolean) => ({
  id: a.id,
  category: a.category,
  title: a.title,
  ...(withBody ? { body: a.body } : { excerpt: a.body.length > 120 ? `${a.body.slice(0, 120)}…` : a.body }),
  updatedAt: a.updatedAt.toISOString(),
});

/** Public and published only, company-wide or for one of the resident's projects. */
const readable = (reader: PortalReader) =>
  and(
    eq(kbArticles.companyId, reader.companyId),
    eq(kbArticles.visibility, 'public'),
    eq(kbArticles.status, 'published'),
    or(
      isNull(kbArticles.projectId),
      reader.projectIds.length ? inArray(kbArticles.projectId, reader.projectIds) : undefined,
    ),
  );

/** 常见问题: the resident's search, with the company's synonyms (水管爆了 finds 爆管 and 漏水). */
export async function searchPortalArticles(
  db: Db,
  reader: PortalReader,
  q: PortalKbQuery,
  synonyms: readonly (readonly string[])[],
) {
  const match = q.q ? matcher(q.q, expandQuery(q.q, synonyms)) : null;
  if (q.q && !match) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(readable(reader), match?.where);
  const { rows, total } = await readArticlePage(
    db,
    where,
    match,
    [asc(kbArticles.category), desc(kbArticles.uses), asc(kbArticles.id)],
    q,
  );
  return {
    items: rows.map((r) => presentForResident(r, false)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function portalArticle(db: Db, reader: PortalReader, id: number) {
  const [row] = await db
    .select()
    .from(kbArticles)
    .where(and(eq(kbArticles.id, id), readable(reader)));
  if (!row) throw notFound('Article');
  return presentForResident(row, true);
}
