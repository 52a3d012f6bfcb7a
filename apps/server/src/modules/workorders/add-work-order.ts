import { badRequest } from '../../platform/http/errors';
import { openHandoff } from '../dispatch/assign';
import { assignTechnician } from '../dispatch/auto-dispatch';
import { lockTechnician, technicianCandidates } from '../dispatch/candidates';
import { dispatchModeFor } from '../dispatch/mode';
import type { WorkOrderRow } from '../sla/engine';
import { placeholderNumber } from '../tickets/deferred';
import { isEligible } from '../tickets/rules/dispatch-choice';
import type { TicketWrite } from '../tickets/ticket-write';
import { workOrders } from './schema';

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
 * A work order under the write's ticket, in the pool; dispatched at once when a technician was named,
 * else (automatic modes) by the caller's finishWrite(), which also numbers it and starts its clocks.
 */
export async function addWorkOrder(
  w: TicketWrite,
  input: NewWorkOrder,
  defaultSkill: string | null,
): Promise<WorkOrderRow> {
  const t = w.bundle.ticket;
  const number = placeholderNumber();
  const mode = await dispatchModeFor(
    w.ctx.database,
    w.tx,
    t.companyId,
    t.projectId,
    w.bundle.categoryPath,
    w.sla.settings.dispatchDefaultMode,
  );
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
  if (input.technicianId) await dispatchNamed(w, wo, input.technicianId);
  else if (input.autoDispatch !== false) w.deferred.dispatch.push(wo);
  return wo;
}

/** The intake form named a technician: same eligibility rules as a dispatcher's assign. */
async function dispatchNamed(w: TicketWrite, wo: WorkOrderRow, technicianId: number): Promise<void> {
  const t = w.bundle.ticket;
  await lockTechnician(w.tx, t.companyId, technicianId);
  const [candidate] = await technicianCandidates(
    w.tx,
    t.companyId,
    t.projectId,
    w.sla.settings.dispatchOpenCap,
    {
      onlyIds: [technicianId],
    },
  );
  if (!candidate) throw badRequest('Not a technician of this project', { technicianId });
  if (!isEligible(candidate, wo.skill)) {
    throw badRequest('The technician cannot take this order now (off duty, at cap or missing the skill)', {
      technicianId,
    });
  }
  await assignTechnician(w, wo, technicianId, 'dispatched');
}
