import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { AppError } from '../../platform/http/errors';
import { insertDeliveries } from '../delivery/queue-deliveries';
import { resolveAudience } from '../delivery/recipients';
import { chooseChannel } from '../delivery/rules/channel';
import { deliveries } from '../delivery/schema';
import { tickets } from '../tickets/schema';
import { type Ctx, type TicketWrite, writeTicket } from '../tickets/ticket-write';
import { ticketReplies } from './schema';

/**
 * Q54: tell the resident how the complaint is going, at the first opportunity. Each reply is logged on
 * the ticket and sent through the resident's own channel (their preference, else SMS, else the portal
 * inbox); an unknown caller gets an SMS to the number they called from. Adds only, so no version: a
 * colleague's edit never blocks a reply. The first reply is the one the ledger compares with the promise.
 */
export async function addTicketReply(ctx: Ctx, auth: AuthContext, id: number, body: string) {
  return writeTicket(ctx, auth, id, async (w) => {
    const t = w.bundle.ticket;
    if (t.status === '已取消')
      throw new AppError(409, 'ticket_not_editable', 'Ticket: a cancelled ticket takes no replies', {
        status: t.status,
      });
    const [reply] = await w.tx
      .insert(ticketReplies)
      .values({ projectId: t.projectId, ticketId: t.id, body, authorId: auth.userId, createdAt: w.now })
      .returning();
    if (!reply) throw new Error('insert returned nothing');
    const sent = await sendToResident(w, reply.id, body);
    if (sent)
      await w.tx
        .update(ticketReplies)
        .set({ channel: sent.channel, deliveryId: sent.id })
        .where(eq(ticketReplies.id, reply.id));
    // A display column, not a correction: the agent's open form stays valid (no version bump).
    if (!t.firstReplyAt) {
      await w.tx.update(tickets).set({ firstReplyAt: w.now }).where(eq(tickets.id, t.id));
      t.firstReplyAt = w.now;
    }
    await w.event({
      action: 'ticket.replied',
      entityType: 'ticket',
      entityId: t.id,
      after: { replyId: reply.id, body, channel: sent?.channel ?? null },
    });
    return reply.id;
  });
}

async function sendToResident(w: TicketWrite, replyId: number, body: string) {
  const t = w.bundle.ticket;
  const subject = `【投诉处理进展】${t.number}`;
  const base = {
    companyId: t.companyId,
    projectId: t.projectId,
    sourceType: 'complaint_reply' as const,
    sourceId: replyId,
    subject,
    urgent: false,
    createdAt: w.now,
    updatedAt: w.now,
  };
  const [r] = t.residentId
    ? await resolveAudience(w.tx, { projectId: t.projectId, residentIds: [t.residentId] })
    : [];
  if (r) {
    const channel = chooseChannel(r.preferredChannel, { mobile: !!r.mobile, email: !!r.email });
    const recipient =
      channel === 'sms' || channel === 'wechat'
        ? (r.mobile ?? '')
        : channel === 'email'
          ? (r.email ?? '')
          : String(r.residentId);
    await insertDeliveries(w.tx, w.ctx, [
      { ...base, residentId: r.residentId, channel, recipient, body: `尊敬的${r.name || '住户'}：${body}` },
    ]);
  } else if (t.contactPhone) {
    await insertDeliveries(w.tx, w.ctx, [
      { ...base, channel: 'sms', recipient: t.contactPhone, body: `您好：${body}` },
    ]);
  } else return null;
  const [d] = await w.tx
    .select({ id: deliveries.id, channel: deliveries.channel })
    .from(deliveries)
    .where(and(eq(deliveries.sourceType, 'complaint_reply'), eq(deliveries.sourceId, replyId)));
  return d ?? null;
}
