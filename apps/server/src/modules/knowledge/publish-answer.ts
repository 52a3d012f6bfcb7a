import { eq } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { tickets } from '../tickets/schema';
import { createArticle } from './article-commands';
import type { FromTicketInput } from './inputs';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * "No answer found" → the question goes to an expert as a ticket (专家席) → the expert's answer
 * becomes the standard answer: the ticket's description is the question, its answer the body.
 */
export async function publishTicketAnswer(ctx: Ctx, auth: AuthContext, input: FromTicketInput) {
  const [ticket] = await ctx.database.db
    .select({
      projectId: tickets.projectId,
      number: tickets.number,
      title: tickets.title,
      description: tickets.description,
      answer: tickets.answer,
    })
    .from(tickets)
    .where(eq(tickets.id, input.ticketId));
  if (!ticket) throw notFound('Ticket');
  assertInScope(auth, ticket.projectId, 'Ticket');
  if (!ticket.answer?.trim())
    throw badRequest('The ticket has no answer to publish yet', { ticketId: input.ticketId });
  return createArticle(ctx, auth, {
    projectId: input.companyWide ? null : ticket.projectId,
    category: input.category,
    tags: input.tags,
    title: input.title ?? ticket.title,
    body: `问：${ticket.description}\n\n答：${ticket.answer}\n\n（来源工单 ${ticket.number}）`,
    visibility: input.visibility,
    status: 'published',
  });
}
