import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { addWorkOrder, type NewWorkOrder } from '../workorders/add-work-order';
import { usableSkill } from '../workorders/skill';
import { patchTicket, statusEvent } from './ticket-ops';
import { type Ctx, writeTicket } from './ticket-write';
import { invalidTransition } from './transitions';

/** Another work order under an open ticket (a complaint needing 工程部 and 保洁, a second trade). */
export async function addWorkOrderToTicket(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  input: NewWorkOrder,
) {
  return writeTicket(ctx, auth, id, async (w) => {
    const t = checkVersion(w.bundle.ticket, version, 'Ticket');
    if (t.status !== '待受理' && t.status !== '处理中') {
      throw invalidTransition('Ticket', `work orders cannot be added in ${t.status}`, []);
    }
    const from = t.status;
    // Dispatching work means someone took the request: an unaccepted ticket is accepted by the dispatcher.
    await patchTicket(
      w,
      t.status === '待受理' ? { status: '处理中', acceptedAt: w.now, ownerId: auth.userId } : {},
    );
    if (from !== w.bundle.ticket.status)
      await statusEvent(w, 'ticket.accepted', from, { ownerId: auth.userId });
    await addWorkOrder(w, input, input.skill ?? (await usableSkill(w)));
  });
}
