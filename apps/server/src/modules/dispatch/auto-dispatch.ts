import { fallbackOrder, isAutoMode, isEligible } from '../tickets/rules/dispatch-choice';
import type { WorkOrderRow } from '../tickets/ticket-rows';
import type { TicketWrite } from '../tickets/ticket-write';
import { runWorkOrderAction } from '../tickets/transitions';
import { handTo, patchWorkOrder } from './assign';
import { lockTechnician, technicianCandidates, tryLockTechnician } from './candidates';

export interface AssignedTechnician {
  id: number;
  displayName: string;
}

/**
 * Round-robin / least-load: pick an eligible technician (on duty, under cap, with the skill) and
 * dispatch. Returns the technician, or null when nobody can take it now (the order waits in 待派单;
 * the minute sweep retries and the dispatch clock escalates to the 班长).
 */
export async function tryAutoDispatch(
  w: TicketWrite,
  wo: WorkOrderRow,
  options: { exclude?: number[]; mode?: 'round-robin' | 'least-load' } = {},
): Promise<AssignedTechnician | null> {
  const mode = options.mode ?? wo.dispatchMode;
  if (wo.status !== '待派单' || !isAutoMode(mode)) return null;
  const exclude = options.exclude ?? [];
  const t = w.bundle.ticket;
  const cap = w.sla.settings.dispatchOpenCap;
  const all = await technicianCandidates(w.tx, t.companyId, t.projectId, cap);
  // Whoever just returned the order is not offered it again straight away.
  const request = { candidates: all.filter((c) => !exclude.includes(c.id)), requiredSkill: wo.skill, mode };
  const chosen = await lockFirstFree(w, fallbackOrder(request));
  if (chosen === null) return null;
  // Locked: re-read the load, another dispatch may have filled the last slot meanwhile.
  const [fresh] = await technicianCandidates(w.tx, t.companyId, t.projectId, cap, { onlyIds: [chosen] });
  if (!fresh || !isEligible(fresh, wo.skill)) return null;
  await assignTechnician(w, wo, chosen, 'dispatched');
  return { id: fresh.id, displayName: fresh.displayName };
}

/**
 * Lock the first technician of `order` that no concurrent dispatch is busy with (they would all queue
 * on the same row otherwise, one commit at a time), else wait for the first one.
 */
async function lockFirstFree(w: TicketWrite, order: readonly { id: number }[]): Promise<number | null> {
  const [first] = order;
  if (!first) return null;
  for (const c of order) if (await tryLockTechnician(w.tx, c.id)) return c.id;
  await lockTechnician(w.tx, w.bundle.ticket.companyId, first.id);
  return first.id;
}

/** The dispatch transition itself, shared by automatic and manual dispatch. */
export async function assignTechnician(
  w: TicketWrite,
  wo: WorkOrderRow,
  technicianId: number,
  reason: 'dispatched' | 'grabbed',
): Promise<void> {
  const next = runWorkOrderAction(wo, { type: reason === 'grabbed' ? 'grab' : 'dispatch', technicianId });
  await patchWorkOrder(w, wo, {
    status: next.status,
    technicianId,
    dispatchedAt: wo.dispatchedAt ?? w.now,
    acceptedAt: reason === 'grabbed' ? w.now : wo.acceptedAt,
  });
  await handTo(w, wo, technicianId, reason);
  await w.event({
    action: reason === 'grabbed' ? 'workorder.grabbed' : 'workorder.dispatched',
    entityType: 'work_order',
    entityId: wo.id,
    after: { status: next.status, technicianId, mode: wo.dispatchMode, ticketId: wo.ticketId },
  });
  w.outbox.push({
    type: 'workorder.updated',
    companyId: wo.companyId,
    projectId: wo.projectId,
    entityType: 'work_order',
    entityId: wo.id,
    data: { status: next.status, technicianId, ticketId: wo.ticketId },
  });
}
