import { formatHumanTime, wallClockTime } from '@guanjia/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { notify } from '../notifications/notify';
import type { WorkOrderRow } from '../tickets/ticket-rows';
import type { TicketWrite } from '../tickets/ticket-write';
import { type HandoffReason, workOrderHandoffs, workOrders } from '../workorders/schema';
import { technicianStatus } from './schema';

/** Close the open hand-off row of a work order with the reason it left that holder. */
export async function closeHandoff(
  w: TicketWrite,
  wo: WorkOrderRow,
  reason: HandoffReason,
  note?: string | null,
) {
  await w.tx
    .update(workOrderHandoffs)
    .set({ toAt: w.now, leftReason: reason, note: note ?? null })
    .where(and(eq(workOrderHandoffs.workOrderId, wo.id), isNull(workOrderHandoffs.toAt)));
}

/** Open a hand-off row: the pool (technicianId null) or a technician now holds the order. */
export async function openHandoff(w: TicketWrite, wo: WorkOrderRow, technicianId: number | null) {
  await w.tx.insert(workOrderHandoffs).values({
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
  // Round-robin order: the technician who got an order last goes to the back of the queue.
  await w.tx
    .update(technicianStatus)
    .set({ lastAssignedAt: w.now })
    .where(eq(technicianStatus.userId, technicianId));
  if (w.actor.userId === technicianId) return;
  const t = w.bundle.ticket;
  // The appointment on the project's clock; the technician's phone view is Chinese like this text.
  const at = wo.appointmentAt;
  const until = wo.appointmentUntil ? `–${wallClockTime(wo.appointmentUntil, w.sla.timezone)}` : '';
  const appointment = at
    ? `，预约 ${formatHumanTime(at, { timeZone: w.sla.timezone, now: w.now })}${until}`
    : '';
  await notify(w, [
    {
      companyId: t.companyId,
      userId: technicianId,
      projectId: t.projectId,
      kind: 'workorder.assigned',
      // The number may still be a placeholder here (numbering.ts): name the job instead.
      title: `新派工单${wo.priority === '急' ? '（急修）' : ''}：${t.title}`,
      body: `${wo.description}${appointment}`,
      ticketId: t.id,
      workOrderId: wo.id,
      dedupeKey: `assigned:${wo.id}:${w.now.getTime()}`,
    },
  ]);
}

/** Update a work order and the bundle's copy of it, bumping the version the console must send next. */
export async function patchWorkOrder(
  w: TicketWrite,
  wo: WorkOrderRow,
  patch: Partial<typeof workOrders.$inferInsert>,
) {
  const [row] = await w.tx
    .update(workOrders)
    .set({ ...patch, version: wo.version + 1, updatedAt: w.now })
    .where(eq(workOrders.id, wo.id))
    .returning();
  if (!row) throw new Error('work order vanished inside its transaction');
  return Object.assign(wo, row);
}
