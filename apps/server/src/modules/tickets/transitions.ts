import { AppError } from '../../platform/http/errors';
import type { CallbackPolicy } from './rules/ticket-kinds';
import {
  type TicketAction,
  type TicketState,
  ticketActions,
  transition as ticketTransition,
} from './rules/ticket-status';
import {
  isWorkOrderOpen,
  type WorkOrderAction,
  type WorkOrderState,
  workOrderActions,
  transition as woTransition,
} from './rules/work-order-status';
import type { TicketRow, WorkOrderRow } from './ticket-rows';

/** 409 with the actions that are possible now, so the console can offer them. */
export const invalidTransition = (what: string, reason: string, allowed: string[]) =>
  new AppError(409, 'invalid_transition', `${what}: ${reason}`, { allowed, reason });

/** A closed or cancelled ticket is a record of what happened: it is reopened first, then corrected. */
export const ticketNotEditable = (status: string) =>
  new AppError(409, 'ticket_not_editable', `Ticket: a ${status} ticket cannot be edited`, { status });

/** The callback rule the ticket's state machine runs by (category rule, resident rating, Q39). */
export function callbackPolicyOf(ticket: TicketRow, policyDefault: CallbackPolicy): CallbackPolicy {
  if (ticket.callbackRule === 'never') return 'never';
  // "Only if the resident did not rate": a portal rating makes the callback unnecessary.
  if (ticket.callbackRule === 'unrated' && ticket.residentRating) return 'never';
  return policyDefault;
}

export function ticketState(
  ticket: TicketRow,
  workOrders: WorkOrderRow[],
  policy: CallbackPolicy,
): TicketState {
  return {
    status: ticket.status,
    type: ticket.type,
    reopenCount: ticket.reopenCount,
    openWorkOrders: workOrders.filter((w) => isWorkOrderOpen(w.status)).length,
    callbackPolicy: policy,
  };
}

export function runTicketAction(state: TicketState, action: TicketAction): TicketState {
  const r = ticketTransition(state, action);
  if (!r.ok) throw invalidTransition('Ticket', r.reason, r.allowed);
  return r.next;
}

export const workOrderState = (wo: WorkOrderRow): WorkOrderState => ({
  status: wo.status,
  technicianId: wo.technicianId,
  returnCount: wo.returnCount,
  transferCount: wo.transferCount,
});

export function runWorkOrderAction(wo: WorkOrderRow, action: WorkOrderAction): WorkOrderState {
  const r = woTransition(workOrderState(wo), action);
  if (!r.ok) throw invalidTransition('Work order', r.reason, r.allowed);
  return r.next;
}

export { ticketActions, workOrderActions };
