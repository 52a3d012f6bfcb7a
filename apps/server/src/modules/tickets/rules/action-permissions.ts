import type { Permission } from '@guanjia/shared';
import type { TicketActionName } from './ticket-status';
import type { WorkOrderActionName } from './work-order-status';

/** Who may take each ticket action: the guards of POST /api/tickets/:id/<action> and the callbacks route. */
export const TICKET_ACTION_PERMISSIONS: Record<TicketActionName, readonly Permission[]> = {
  accept: ['tickets.write'],
  answer: ['tickets.write'],
  resolve: ['tickets.write'],
  callback: ['callbacks.write'],
  close: ['tickets.write'],
  reopen: ['tickets.write'],
  cancel: ['tickets.write'],
};

/** Field steps are the technician's (or a dispatcher acting for him); dispatch and cancel are the desk's. */
const FIELD: readonly Permission[] = ['tickets.dispatch', 'workorders.execute'];
export const WORK_ORDER_ACTION_PERMISSIONS: Record<WorkOrderActionName, readonly Permission[]> = {
  dispatch: ['tickets.dispatch'],
  grab: ['workorders.execute'],
  accept: FIELD,
  arrive: FIELD,
  start: FIELD,
  pause: FIELD,
  resume: FIELD,
  complete: FIELD,
  return: FIELD,
  transfer: FIELD,
  cancel: ['tickets.dispatch'],
};

/**
 * The actions the state allows that this caller may also take (any one of the listed permissions):
 * the console shows only buttons that will not answer 403.
 */
export function permittedActions<A extends string>(
  allowed: readonly A[],
  required: Record<A, readonly Permission[]>,
  held: ReadonlySet<string>,
): A[] {
  return allowed.filter((a) => required[a].some((p) => held.has(p)));
}
