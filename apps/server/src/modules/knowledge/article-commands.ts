import { and, eq, sql } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import type { ArticleInput, ArticlePatch } from './inputs';
import { presentArticle } from './queries';
import { searchTextOf } from './rules/search-terms';
import { kbArticles, kbArticleVersions } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;
type Row = typeof kbArticles.$inferSelect;

/** The article as it is now, kept as its version row (the history the console shows). */
export async function keepVersion(tx: DbOrTx, row: Row, editedById: number | null, at: Date) {
  await tx.insert(kbArticleVersions).values({
    articleId: row.id,
    version: row.version,
    title: row.title,
    body: row.body,
    category: row.category,
    tags: row.tags,
    visibility: row.visibility,
    status: row.status,
    editedById,
    editedAt: at,
  });
}

export async function createArticle(ctx: Ctx, auth: AuthContext, input: ArticleInput) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => presentArticle(await insertArticle(tx, auth, input, now)));
}

/** A new article with its first version and event, inside the caller's transaction. */
export async function insertArticle(tx: DbOrTx, auth: AuthContext, input: ArticleInput, now: Date) {
  if (input.projectId) assertInScope(auth, input.projectId, 'Project');
  const [row] = await tx
    .insert(kbArticles)
    .values({
      ...input,
      projectId: input.projectId ?? null,
      publishedAt: input.status === 'published' ? now : null,
      companyId: auth.companyId,
      searchText: searchTextOf(input),
      createdById: auth.userId,
      updatedById: auth.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await keepVersion(tx, row, auth.userId, now);
  await recordEvent(tx, userActor(auth), now, {
    action: 'kb.article_created',
    entityType: 'kb_article',
    entityId: row.id,
    projectId: row.projectId,
    after: { title: row.title, category: row.category, visibility: row.visibility, status: row.status },
  });
  return row;
}

/** A new version: the previous text stays readable in the version history. */
export async function updateArticle(ctx: Ctx, auth: AuthContext, id: number, patch: ArticlePatch) {
  const now = ctx.clock.now();
  const { version, ...fields } = patch;
  return ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(kbArticles)
      .where(and(eq(kbArticles.id, id), eq(kbArticles.companyId, auth.companyId)))
      .for('update');
    if (!existing) throw notFound('Article');
    if (existing.projectId) assertInScope(auth, existing.projectId, 'Article');
    const current = checkVersion(existing, version, 'Article');
    const changes = definedOnly(fields);
    const next = { ...current, ...changes };
    const [row] = await tx
      .update(kbArticles)
      .set({
        ...changes,
        searchText: searchTextOf(next),
        updatedById: auth.userId,
        updatedAt: now,
        version: current.version + 1,
      })
      .where(eq(kbArticles.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await keepVersion(tx, row, auth.userId, now);
    const delta = diff(current, changes);
    if (delta)
      await recordEvent(tx, userActor(auth), now, {
        action: 'kb.article_updated',
        entityType: 'kb_article',
        entityId: id,
        projectId: row.projectId,
        ...delta,
      });
    return presentArticle(row);
  });
}

/** An agent gave this answer to a resident: the usage count ranks articles. */
export async function useArticle(ctx: Ctx, auth: AuthContext, row: Row) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(kbArticles)
      .set({ uses: sql`${kbArticles.uses} + 1` })
      .where(eq(kbArticles.id, row.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'kb.article_used',
      entityType: 'kb_article',
      entityId: row.id,
      projectId: row.projectId,
    });
  });
}
