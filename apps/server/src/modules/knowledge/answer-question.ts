import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { presentQuestion, questionRow } from './question-queries';
import { questionAfter, questionMay } from './rules/question-flow';
import { kbQuestions } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

/**
 * The expert answers: the asking agent gets a live event addressed to them alone, and the answer
 * shows on the originating ticket's timeline.
 */
export async function answerQuestion(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  input: { answer: string; version: number },
) {
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = checkVersion(await questionRow(tx, auth, id, true), input.version, 'Question');
    if (!questionMay(current.status, 'answer'))
      throw conflict('This question is already published', { status: current.status });
    const [updated] = await tx
      .update(kbQuestions)
      .set({
        answer: input.answer,
        status: questionAfter('answer'),
        answeredById: auth.userId,
        answeredAt: now,
        updatedAt: now,
        version: current.version + 1,
      })
      .where(eq(kbQuestions.id, id))
      .returning();
    if (!updated) throw new Error('update returned nothing');
    const after = { questionId: id, answer: updated.answer };
    await recordEvent(tx, userActor(auth), now, {
      action: 'kb.question_answered',
      entityType: 'kb_question',
      entityId: id,
      projectId: updated.projectId,
      before: { status: current.status, answer: current.answer },
      after: { status: updated.status, answer: updated.answer },
    });
    // The asking ticket, or every consultation an automatic candidate stands for: one answer for all.
    const onTickets = updated.ticketId ? [updated.ticketId] : updated.memberTicketIds;
    for (const ticketId of onTickets)
      await recordEvent(tx, userActor(auth), now, {
        action: 'kb.question_answered',
        entityType: 'ticket',
        entityId: ticketId,
        projectId: updated.projectId,
        after,
      });
    return updated;
  });
  // An automatic candidate has no asker to tell.
  if (row.askedById)
    await ctx.bus.publish({
      type: 'kb.answer',
      companyId: row.companyId,
      projectId: row.projectId,
      userId: row.askedById,
      entityType: 'kb_question',
      entityId: row.id,
      data: { ticketId: row.ticketId },
    });
  return presentQuestion(auth, row);
}
