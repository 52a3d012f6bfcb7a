import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { keepVersion } from './article-commands';
import { presentArticle } from './queries';
import { type KbStatus, kbArticles } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * 发布 / 撤回: a published article is found by searches (and, when public, by residents in the portal);
 * a draft only by editors. Each switch is a new version, so the history shows when it went live.
 */
export async function setArticleStatus(
  ctx: Ctx,
  auth: AuthContext,
  props: { id: number; status: KbStatus; version: number },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(kbArticles)
      .where(and(eq(kbArticles.id, props.id), eq(kbArticles.companyId, auth.companyId)))
      .for('update');
    if (existing?.projectId) assertInScope(auth, existing.projectId, 'Article');
    const current = checkVersion(existing, props.version, 'Article');
    if (current.status === props.status)
      throw conflict(`The article is already ${props.status}`, { status: current.status });
    const [row] = await tx
      .update(kbArticles)
      .set({
        status: props.status,
        publishedAt: props.status === 'published' ? now : current.publishedAt,
        updatedById: auth.userId,
        updatedAt: now,
        version: current.version + 1,
      })
      .where(eq(kbArticles.id, props.id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    await keepVersion(tx, row, auth.userId, now);
    await recordEvent(tx, userActor(auth), now, {
      action: props.status === 'published' ? 'kb.article_published' : 'kb.article_unpublished',
      entityType: 'kb_article',
      entityId: row.id,
      projectId: row.projectId,
      before: { status: current.status },
      after: { status: row.status },
    });
    return presentArticle(row);
  });
}
