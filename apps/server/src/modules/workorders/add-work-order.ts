import { openHandoff } from '../dispatch/assign';
import { assignTechnician, tryAutoDispatch } from '../dispatch/auto-dispatch';
import { dispatchModeFor } from '../dispatch/mode';
import { placeholderNumber } from '../tickets/numbering';
import { isAutoMode } from '../tickets/rules/dispatch-choice';
import type { WorkOrderRow } from '../tickets/ticket-rows';
import type { TicketWrite } from '../tickets/ticket-write';
import { workOrders } from './schema';
import { assertCanTake } from './work-order-write';

export interface NewWorkOrder {
  description?: string | null;
  skill?: string | null;
  team?: string | null;
  technicianId?: number | null;
  vendorName?: string | null;
  /** false = leave it in 待派单 even in an automatic mode (the dispatcher wants to look first). */
  autoDispatch?: boolean;
}

/**
 * A work order under the write's ticket, in the pool, then dispatched: to the technician named (who
 * must be able to take it: 409 with the reasons otherwise), or by the project's automatic mode — when
 * nobody is free it waits in the pool for the minute sweep. The caller's finishWrite() numbers it and
 * starts its clocks.
 */
export async function addWorkOrder(
  w: TicketWrite,
  input: NewWorkOrder,
  defaultSkill: string | null,
): Promise<WorkOrderRow> {
  const t = w.bundle.ticket;
  const number = placeholderNumber();
  const ruled = await dispatchModeFor(
    w.ctx.database,
    w.tx,
    t.companyId,
    t.projectId,
    w.bundle.categoryPath,
    w.sla.settings.dispatchDefaultMode,
  );
  // "Let me look first": the order waits for a dispatcher's assign, and the minute sweep (which retries
  // the automatic modes) leaves it alone too.
  const mode = input.autoDispatch === false && isAutoMode(ruled) ? 'assign' : ruled;
  const [wo] = await w.tx
    .insert(workOrders)
    .values({
      companyId: t.companyId,
      projectId: t.projectId,
      ticketId: t.id,
      number,
      status: '待派单',
      categoryId: t.categoryId,
      skill: input.skill ?? defaultSkill,
      dispatchMode: mode,
      priority: t.priority,
      appointmentAt: t.appointmentAt,
      appointmentUntil: t.appointmentUntil,
      description: input.description?.trim() || t.description,
      team: input.team ?? null,
      vendorName: input.vendorName ?? null,
      createdAt: w.now,
      updatedAt: w.now,
    })
    .returning();
  if (!wo) throw new Error('insert returned nothing');
  w.bundle.workOrders.push(wo);
  await openHandoff(w, wo, null);
  await w.event({
    action: 'workorder.created',
    entityType: 'work_order',
    entityId: wo.id,
    after: { ticketId: t.id, mode, skill: wo.skill },
  });
  if (input.technicianId) {
    await assertCanTake(w, wo, input.technicianId);
    await assignTechnician(w, wo, input.technicianId, 'dispatched');
  } else if (input.autoDispatch !== false) await tryAutoDispatch(w, wo);
  return wo;
}
