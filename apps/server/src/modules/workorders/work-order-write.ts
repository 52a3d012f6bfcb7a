import { type AuthContext, can } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors';
import { patchWorkOrder } from '../dispatch/assign';
import { lockTechnician, technicianCandidates } from '../dispatch/candidates';
import { ticketIdOfWorkOrder } from '../tickets/load';
import { ineligibility } from '../tickets/rules/dispatch-choice';
import type { WorkOrderAction } from '../tickets/rules/work-order-status';
import type { WorkOrderRow } from '../tickets/ticket-rows';
import { type Ctx, type TicketWrite, writeTicket } from '../tickets/ticket-write';
import { runWorkOrderAction } from '../tickets/transitions';
import type { workOrders } from './schema';

/** Lock the work order's ticket (the aggregate), find the order, check its version, run `fn`. */
export async function writeWorkOrder<T>(
  ctx: Ctx,
  auth: AuthContext,
  workOrderId: number,
  version: number,
  fn: (w: TicketWrite, wo: WorkOrderRow) => Promise<T>,
): Promise<T> {
  const ticketId = await ticketIdOfWorkOrder(ctx.database.db, workOrderId);
  return writeTicket(ctx, auth, ticketId, async (w) => {
    const wo = w.bundle.workOrders.find((o) => o.id === workOrderId);
    if (!wo) throw notFound('Work order');
    checkVersion(wo, version, 'Work order');
    return fn(w, wo);
  });
}

/** The technician holding the order acts on it; a dispatcher may act on anyone's behalf. */
export function assertHolderOrDispatcher(auth: AuthContext, wo: WorkOrderRow): void {
  if (can(auth, 'tickets.dispatch')) return;
  if (can(auth, 'workorders.execute') && wo.technicianId === auth.userId) return;
  throw forbidden('tickets.dispatch');
}

/** Run a transition, store the new status with extra fields, and record it on the timeline. */
export async function stepWorkOrder(
  w: TicketWrite,
  wo: WorkOrderRow,
  action: WorkOrderAction,
  patch: Partial<typeof workOrders.$inferInsert> = {},
  extra: Record<string, unknown> = {},
): Promise<void> {
  const from = wo.status;
  const next = runWorkOrderAction(wo, action);
  await patchWorkOrder(w, wo, {
    status: next.status,
    technicianId: next.technicianId,
    returnCount: next.returnCount,
    transferCount: next.transferCount,
    ...patch,
  });
  await w.event({
    action: `workorder.${action.type}`,
    entityType: 'work_order',
    entityId: wo.id,
    before: { status: from },
    after: { status: next.status, technicianId: next.technicianId, ticketId: wo.ticketId, ...extra },
  });
  w.outbox.push({
    type: 'workorder.updated',
    companyId: wo.companyId,
    projectId: wo.projectId,
    entityType: 'work_order',
    entityId: wo.id,
    data: { status: next.status, technicianId: next.technicianId, ticketId: wo.ticketId },
  });
}

/** A named technician must be of the project, on duty, under cap and skilled: 409 with the reasons. */
export async function assertCanTake(w: TicketWrite, wo: WorkOrderRow, technicianId: number): Promise<void> {
  const t = w.bundle.ticket;
  await lockTechnician(w.tx, t.companyId, technicianId);
  const [c] = await technicianCandidates(w.tx, t.companyId, t.projectId, w.sla.settings.dispatchOpenCap, {
    onlyIds: [technicianId],
  });
  if (!c) throw badRequest('Not a technician of this project', { technicianId });
  const reasons = ineligibility(c, wo.skill);
  if (reasons.length) {
    throw new AppError(409, 'technician_unavailable', `${c.displayName} cannot take this order now`, {
      technicianId,
      reasons,
    });
  }
}
