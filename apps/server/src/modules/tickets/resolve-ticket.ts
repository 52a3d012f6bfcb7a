import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { badRequest } from '../../platform/http/errors';
import { openCallbackRound } from '../callbacks/open-callback';
import { submitForReview, tellWorkDone } from '../complaints/submit-result';
import { flagWritten } from './flag-written';
import { patchTicket, stateOf, statusEvent } from './ticket-ops';
import { type Ctx, type TicketWrite, writeTicket } from './ticket-write';
import { runTicketAction } from './transitions';

/**
 * All work is done: to 待回访 with a callback round, or straight to 已关闭 where the callback rule
 * says never. Runs when the last work order completes, or by hand for tickets without work orders.
 */
export async function resolveInWrite(w: TicketWrite, reply?: string): Promise<void> {
  const from = w.bundle.ticket.status;
  const next = runTicketAction(stateOf(w), { type: 'resolve' });
  await patchTicket(w, {
    status: next.status,
    resolvedAt: w.now,
    closedAt: next.status === '已关闭' ? w.now : null,
    ...(reply ? { answer: reply } : {}),
  });
  if (next.status === '待回访') await openCallbackRound(w);
  const forbidden = reply ? await flagWritten(w, 'answer', reply) : [];
  await statusEvent(
    w,
    'ticket.resolved',
    from,
    reply ? { answer: reply, ...(forbidden.length ? { forbidden } : {}) } : undefined,
  );
}

/**
 * After a work order finished: resolve the ticket once nothing is open and something was done — but
 * a complaint's handling result still goes through review (W-09), so its people are told instead.
 */
export async function resolveIfDone(w: TicketWrite): Promise<void> {
  const { ticket, workOrders } = w.bundle;
  if (ticket.status !== '处理中') return;
  const open = workOrders.some((o) => o.status !== '已完成' && o.status !== '已取消');
  const done = workOrders.some((o) => o.status === '已完成');
  if (open || !done) return;
  if (ticket.type === '投诉') await tellWorkDone(w);
  else await resolveInWrite(w);
}

/**
 * By hand, for tickets without work orders. A complaint is resolved by replying to the resident
 * (the reply stops its Q50 clock), so it needs the reply text, kept on the ticket like an answer; the
 * 班长/主管 reviews that handling result first (W-09, complaints/review-ticket.ts).
 */
export async function resolveTicket(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  reply?: string,
) {
  return writeTicket(ctx, auth, id, async (w) => {
    const t = checkVersion(w.bundle.ticket, version, 'Ticket');
    if (t.type === '投诉' && !reply)
      throw badRequest('A complaint is resolved with the reply given to the resident', { field: 'reply' });
    if (t.type === '投诉' && reply) return submitForReview(w, reply);
    await resolveInWrite(w, reply);
  });
}
