import { HELD_WORK_ORDER_STATUSES, OPEN_TICKET_STATUSES } from '@guanjia/shared';
import type { AuthContext } from '../../platform/auth/context';
import { AppError } from '../../platform/http/errors';
import { notify } from '../notifications/notify';
import { linkCallTicketIn } from '../telephony/link-call-ticket';
import { patchTicket } from './ticket-ops';
import { type Ctx, writeTicket } from './ticket-write';
import type { UrgeTicketBody } from './urge-ticket.types';

const HELD: readonly string[] = HELD_WORK_ORDER_STATUSES;
const OPEN: readonly string[] = OPEN_TICKET_STATUSES;

/**
 * 催单 (Q44 "不得等业主向我们二次反映问题"): count the chase on the ticket, log it on the timeline and
 * tell the people who can act — the ticket's owner (首问负责) and every technician holding one of its
 * work orders. A closed or cancelled ticket cannot be chased: the agent opens a new one or reopens it.
 */
export async function urgeTicket(ctx: Ctx, auth: AuthContext, id: number, body: UrgeTicketBody) {
  return writeTicket(ctx, auth, id, async (w) => {
    const t = w.bundle.ticket;
    if (!OPEN.includes(t.status))
      throw new AppError(409, 'ticket_not_open', 'Only an open ticket can be chased', { status: t.status });
    const urgeCount = t.urgeCount + 1;
    await patchTicket(w, { urgeCount, lastUrgedAt: w.now });
    if (body.callId) await linkCallTicketIn(w.tx, auth, body.callId, t.id, w.now);
    await w.event({
      action: 'ticket.urged',
      entityType: 'ticket',
      entityId: t.id,
      after: { urgeCount, note: body.note ?? null, callId: body.callId ?? null },
    });
    const technicians = w.bundle.workOrders
      .filter((wo) => wo.technicianId !== null && HELD.includes(wo.status))
      .map((wo) => ({ userId: wo.technicianId as number, workOrderId: wo.id }));
    const recipients = new Map<number, number | null>(technicians.map((x) => [x.userId, x.workOrderId]));
    if (t.ownerId !== null && !recipients.has(t.ownerId)) recipients.set(t.ownerId, null);
    recipients.delete(auth.userId);
    // The technician's phone view and the owner's bell read Chinese texts like every notification.
    const note = body.note ? `：${body.note}` : '';
    await notify(
      w,
      [...recipients].map(([userId, workOrderId]) => ({
        companyId: t.companyId,
        userId,
        projectId: t.projectId,
        kind: 'ticket.urged' as const,
        level: urgeCount >= 2 ? 1 : 0,
        title: `业主催单（第 ${urgeCount} 次）：${t.title}`,
        body: `${t.number}${note}`,
        ticketId: t.id,
        workOrderId,
        dedupeKey: `urged:${t.id}:${urgeCount}`,
      })),
    );
    return urgeCount;
  });
}
