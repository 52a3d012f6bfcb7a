import { formatHumanTime } from '@guanjia/shared';
import type { WorkOrderRow } from '../sla/engine';
import { notify } from '../sla/notify';
import type { TicketWrite } from '../tickets/ticket-write';
import type { HandoffReason, workOrders } from '../workorders/schema';

/** Close the open hand-off row of a work order with the reason it left that holder (batched). */
export async function closeHandoff(
  w: TicketWrite,
  wo: WorkOrderRow,
  reason: HandoffReason,
  note?: string | null,
) {
  w.batch.closeHandoff(wo.id, { toAt: w.now, leftReason: reason, note: note ?? null });
}

/** Open a hand-off row: the pool (technicianId null) or a technician now holds the order (batched). */
export async function openHandoff(w: TicketWrite, wo: WorkOrderRow, technicianId: number | null) {
  w.batch.openHandoff({
    workOrderId: wo.id,
    projectId: wo.projectId,
    technicianId,
    fromAt: w.now,
    byUserId: w.actor.userId,
  });
}

/**
 * Give a work order to a technician (dispatch, grab, transfer): hand-off rows, the round-robin
 * stamp, and an in-app notification unless the technician acted himself.
 */
export async function handTo(
  w: TicketWrite,
  wo: WorkOrderRow,
  technicianId: number,
  reason: HandoffReason,
  note?: string | null,
): Promise<void> {
  await closeHandoff(w, wo, reason, note);
  await openHandoff(w, wo, technicianId);
  w.batch.stampTechnician(technicianId, w.now);
  if (w.actor.userId === technicianId) return;
  const t = w.bundle.ticket;
  // The appointment on the project's clock, in Chinese like the rest of this text: handTo runs inside
  // the intake's write batch, which must not wait on a read for the technician's language.
  const at = wo.appointmentAt;
  const appointment = at ? `，预约 ${formatHumanTime(at, { timeZone: w.sla.timezone, now: w.now })}` : '';
  notify(w, [
    {
      companyId: t.companyId,
      userId: technicianId,
      projectId: t.projectId,
      kind: 'workorder.assigned',
      // The number may still be a placeholder here (deferred.ts): name the job instead.
      title: `新派工单${wo.priority === '急' ? '（急修）' : ''}：${t.title}`,
      body: `${wo.description}${appointment}`,
      ticketId: t.id,
      workOrderId: wo.id,
      dedupeKey: `assigned:${wo.id}:${w.now.getTime()}`,
    },
  ]);
}

/** Apply a patch to a work order in the bundle, bumping its version; the row goes out with the batch. */
export async function patchWorkOrder(
  w: TicketWrite,
  wo: WorkOrderRow,
  patch: Partial<typeof workOrders.$inferInsert>,
) {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  Object.assign(wo, defined, { version: wo.version + 1, updatedAt: w.now });
  w.batch.saveWorkOrder(wo);
  return wo;
}
