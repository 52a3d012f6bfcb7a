import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { cancelOpenCallbacks } from '../callbacks/open-callback';
import { addWorkOrder } from '../workorders/add-work-order';
import { usableSkill } from '../workorders/skill';
import { patchTicket, stateOf, statusEvent } from './ticket-ops';
import { type Ctx, type TicketWrite, writeTicket } from './ticket-write';
import { runTicketAction } from './transitions';

/**
 * Back to 处理中 (counted: Q44 never make them ask twice). A repair gets a rework order (返修) so the
 * job goes back on the dispatch board with fresh arrive/fix clocks.
 */
export async function reopenInWrite(
  w: TicketWrite,
  reason: string,
  action: 'reopen' | 'callback',
): Promise<void> {
  const from = w.bundle.ticket.status;
  const next = runTicketAction(
    stateOf(w),
    action === 'reopen' ? { type: 'reopen' } : { type: 'callback', satisfied: false },
  );
  await cancelOpenCallbacks(w);
  await patchTicket(w, { status: next.status, reopenCount: next.reopenCount, closedAt: null });
  await statusEvent(w, 'ticket.reopened', from, { reason, reopenCount: next.reopenCount });
  if (w.bundle.ticket.type === '报修') {
    const skill = await usableSkill(w);
    await addWorkOrder(w, { description: `返修：${reason}` }, skill);
  }
}

export async function reopenTicket(ctx: Ctx, auth: AuthContext, id: number, version: number, reason: string) {
  return writeTicket(ctx, auth, id, async (w) => {
    checkVersion(w.bundle.ticket, version, 'Ticket');
    await reopenInWrite(w, reason, 'reopen');
  });
}
