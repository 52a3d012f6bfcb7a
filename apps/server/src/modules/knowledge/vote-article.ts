import { and, eq, sql } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { kbArticles, kbVotes } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** "Was this helpful?": one vote per person; changing it moves the count from one side to the other. */
export async function voteArticle(
  ctx: Ctx,
  auth: AuthContext,
  article: { id: number; projectId: number | null },
  helpful: boolean,
) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(kbVotes)
      .where(and(eq(kbVotes.articleId, article.id), eq(kbVotes.userId, auth.userId)))
      .for('update');
    if (before?.helpful === helpful) return;
    await tx
      .insert(kbVotes)
      .values({ articleId: article.id, userId: auth.userId, helpful, votedAt: now })
      .onConflictDoUpdate({ target: [kbVotes.articleId, kbVotes.userId], set: { helpful, votedAt: now } });
    const yes = (helpful ? 1 : 0) - (before?.helpful === true ? 1 : 0);
    const no = (helpful ? 0 : 1) - (before?.helpful === false ? 1 : 0);
    await tx
      .update(kbArticles)
      .set({
        helpfulYes: sql`${kbArticles.helpfulYes} + ${yes}`,
        helpfulNo: sql`${kbArticles.helpfulNo} + ${no}`,
      })
      .where(eq(kbArticles.id, article.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'kb.article_voted',
      entityType: 'kb_article',
      entityId: article.id,
      projectId: article.projectId,
      before: before ? { helpful: before.helpful } : null,
      after: { helpful },
    });
  });
}
