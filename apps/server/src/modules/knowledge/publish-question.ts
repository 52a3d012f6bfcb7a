import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { insertArticle } from './article-commands';
import type { PublishQuestionInput } from './inputs';
import { presentArticle } from './queries';
import { presentQuestion, questionRow } from './question-queries';
import { questionAfter, questionMay, titleOfQuestion } from './rules/question-flow';
import { kbQuestions } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** One click: the answered question becomes the standard answer, linked both ways. */
export async function publishQuestion(ctx: Ctx, auth: AuthContext, id: number, input: PublishQuestionInput) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const current = checkVersion(await questionRow(tx, auth, id, true), input.version, 'Question');
    if (!questionMay(current.status, 'publish'))
      throw conflict(
        current.status === 'open' ? 'The question has no answer yet' : 'This question is already published',
        { status: current.status },
      );
    const article = await insertArticle(
      tx,
      auth,
      {
        projectId: input.companyWide ? null : current.projectId,
        category: input.category,
        tags: input.tags,
        title: input.title ?? titleOfQuestion(current.question),
        body: `问：${current.question}\n\n答：${current.answer ?? ''}`,
        visibility: input.visibility,
        status: 'published',
      },
      now,
    );
    const [updated] = await tx
      .update(kbQuestions)
      .set({
        status: questionAfter('publish'),
        articleId: article.id,
        updatedAt: now,
        version: current.version + 1,
      })
      .where(eq(kbQuestions.id, id))
      .returning();
    if (!updated) throw new Error('update returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'kb.question_published',
      entityType: 'kb_question',
      entityId: id,
      projectId: updated.projectId,
      before: { status: current.status },
      after: { status: updated.status, articleId: article.id },
    });
    return { question: presentQuestion(auth, updated), article: presentArticle(article) };
  });
}
