import type { AuthContext } from '../../platform/auth/context';
import { closeHandoff, openHandoff } from '../dispatch/assign';
import { tryAutoDispatch } from '../dispatch/auto-dispatch';
import { notify, usersWithRoles } from '../notifications/notify';
import type { Ctx } from '../tickets/ticket-write';
import { assertHolderOrDispatcher, stepWorkOrder, writeWorkOrder } from './work-order-write';

/** 退单 with a reason: back to the pool; automatic modes offer it to someone else, the 班长 is told. */
export async function returnWorkOrder(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  reason: string,
) {
  return writeWorkOrder(ctx, auth, id, version, async (w, wo) => {
    assertHolderOrDispatcher(auth, wo);
    const previous = wo.technicianId;
    await closeHandoff(w, wo, 'returned', reason);
    await stepWorkOrder(
      w,
      wo,
      { type: 'return', reason },
      { lastReason: reason },
      { reason, from: previous },
    );
    await openHandoff(w, wo, null);
    const t = w.bundle.ticket;
    const leads = await usersWithRoles(w.tx, t.companyId, t.projectId, w.sla.settings.escalation.dispatch);
    await notify(
      w,
      leads.map((l) => ({
        companyId: t.companyId,
        userId: l.userId,
        projectId: t.projectId,
        kind: 'dispatch.escalated' as const,
        level: 1,
        title: `退单 ${wo.number}`,
        body: `${t.title}：${reason}`,
        ticketId: t.id,
        workOrderId: wo.id,
        dedupeKey: `returned:${wo.id}:${w.now.getTime()}`,
      })),
    );
    await tryAutoDispatch(w, wo, { exclude: previous ? [previous] : [] });
  });
}
