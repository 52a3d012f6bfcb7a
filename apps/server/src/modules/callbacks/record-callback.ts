import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { usableCategory } from '../tickets/categories';
import { reopenInWrite } from '../tickets/reopen-ticket';
import { patchTicket, stateOf, statusEvent } from '../tickets/ticket-ops';
import type { Ctx } from '../tickets/ticket-write';
import { writeTicket } from '../tickets/ticket-write';
import { runTicketAction } from '../tickets/transitions';
import type { CallbackBody } from './inputs';
import { createLinkedComplaint } from './linked-complaint';
import { callbacks } from './schema';

/**
 * 回访: not reached → counted, the round stays open (retry); satisfied → closed (Q39); not satisfied →
 * reopened (a repair gets a rework order) and a linked 投诉 is raised.
 */
export async function recordCallback(ctx: Ctx, auth: AuthContext, ticketId: number, body: CallbackBody) {
  return writeTicket(ctx, auth, ticketId, async (w) => {
    checkVersion(w.bundle.ticket, body.version, 'Ticket');
    const satisfied = body.satisfied ?? false;
    // Validate against the machine first: outside 待回访 this is a 409 with the allowed actions.
    runTicketAction(stateOf(w), { type: 'callback', satisfied });
    const round = w.bundle.callbacks.find((c) => c.status === '待回访');
    if (!round) throw new Error('ticket in 待回访 without an open callback round');
    const base = {
      attempts: round.attempts + 1,
      lastAttemptAt: w.now,
      agentId: auth.userId,
      updatedAt: w.now,
      version: round.version + 1,
    };
    if (!body.reached) {
      const [row] = await w.tx
        .update(callbacks)
        .set({ ...base, reached: false })
        .where(eq(callbacks.id, round.id))
        .returning();
      Object.assign(round, row);
      await patchTicket(w, {});
      await w.event({
        action: 'callback.unreached',
        entityType: 'callback',
        entityId: round.id,
        after: { ticketId, attempts: base.attempts },
      });
      return;
    }
    const [row] = await w.tx
      .update(callbacks)
      .set({
        ...base,
        status: '已完成',
        reached: true,
        satisfied,
        scoreOverall: body.scores?.overall ?? null,
        scoreSpeed: body.scores?.speed ?? null,
        scoreAttitude: body.scores?.attitude ?? null,
        comment: body.comment ?? null,
        completedAt: w.now,
      })
      .where(eq(callbacks.id, round.id))
      .returning();
    Object.assign(round, row);
    await w.event({
      action: 'callback.recorded',
      entityType: 'callback',
      entityId: round.id,
      after: { ticketId, satisfied, scores: body.scores ?? null, comment: body.comment ?? null },
    });
    if (satisfied) {
      const from = w.bundle.ticket.status;
      await patchTicket(w, { status: '已关闭', closedAt: w.now });
      await statusEvent(w, 'ticket.closed', from, { by: 'callback' });
      return;
    }
    const category = body.categoryId
      ? (
          await usableCategory(
            w.ctx.database,
            w.tx,
            w.bundle.ticket.companyId,
            w.bundle.ticket.projectId,
            body.categoryId,
          )
        ).row
      : null;
    const complaintId = await createLinkedComplaint(w, body.comment ?? null, category);
    await w.tx.update(callbacks).set({ complaintTicketId: complaintId }).where(eq(callbacks.id, round.id));
    round.complaintTicketId = complaintId;
    await reopenInWrite(w, body.comment || '回访不满意', 'callback');
  });
}
