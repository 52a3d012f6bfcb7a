import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest } from '../../platform/http/errors';
import { tickets } from '../tickets/schema';
import type { AskInput } from './inputs';
import { presentQuestion } from './question-queries';
import { kbQuestions } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

/** "没找到答案，转专家": the question joins the expert queue; the experts' consoles hear of it. */
export async function askQuestion(ctx: Ctx, auth: AuthContext, input: AskInput) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    let callerPhone = input.callerPhone ?? null;
    if (input.ticketId) {
      const [ticket] = await tx
        .select({ id: tickets.id, contactPhone: tickets.contactPhone })
        .from(tickets)
        .where(and(eq(tickets.id, input.ticketId), eq(tickets.projectId, input.projectId)));
      if (!ticket) throw badRequest('Ticket not in this project', { ticketId: input.ticketId });
      callerPhone ??= ticket.contactPhone;
    }
    const [created] = await tx
      .insert(kbQuestions)
      .values({
        companyId: auth.companyId,
        projectId: input.projectId,
        ticketId: input.ticketId ?? null,
        callerPhone,
        question: input.question,
        askedById: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    const after = { questionId: created.id, question: created.question };
    await recordEvent(tx, userActor(auth), now, {
      action: 'kb.question_asked',
      entityType: 'kb_question',
      entityId: created.id,
      projectId: created.projectId,
      after: { ...after, ticketId: created.ticketId },
    });
    // On the ticket's timeline too: whoever picks the ticket up sees it is with an expert.
    if (created.ticketId)
      await recordEvent(tx, userActor(auth), now, {
        action: 'kb.question_asked',
        entityType: 'ticket',
        entityId: created.ticketId,
        projectId: created.projectId,
        after,
      });
    return created;
  });
  await ctx.bus.publish({
    type: 'kb.question',
    companyId: row.companyId,
    projectId: row.projectId,
    entityType: 'kb_question',
    entityId: row.id,
    data: { status: row.status },
  });
  return presentQuestion(auth, row);
}
