import type { WorkOrderStatus } from '@guanjia/shared';
import { allowedActions, type MachineRules, runTransition, type TransitionResult } from './state-machine';

export { WORK_ORDER_STATUSES, type WorkOrderStatus } from '@guanjia/shared';

/** Statuses in which the resolve clock is paused (waiting for parts, the resident, a vendor). */
export const WORK_ORDER_PAUSE_STATUSES: readonly WorkOrderStatus[] = ['挂起'];

export interface WorkOrderState {
  status: WorkOrderStatus;
  technicianId: number | null;
  /** 退单 count: a quality signal for dispatch (HC 小区 keeps every hand-off). */
  returnCount: number;
  transferCount: number;
}

export type WorkOrderAction =
  | { type: 'dispatch'; technicianId: number }
  /** A technician takes an order from the grab pool: assignment and acceptance in one step. */
  | { type: 'grab'; technicianId: number }
  | { type: 'accept' }
  | { type: 'arrive' }
  | { type: 'start' }
  | { type: 'pause'; reason: string }
  | { type: 'resume' }
  | { type: 'complete' }
  /** 退单: back to the pool with a reason. */
  | { type: 'return'; reason: string }
  /** 转单: to another technician, who must accept again. */
  | { type: 'transfer'; technicianId: number }
  | { type: 'cancel' };
export type WorkOrderActionName = WorkOrderAction['type'];

/** Held by a technician and not finished. */
const HELD: readonly WorkOrderStatus[] = ['已派单', '已接单', '已到场', '处理中', '挂起'];
const needsReason = (_s: WorkOrderState, a: { reason: string }) =>
  a.reason.trim() ? null : 'a reason is required';

export const WORK_ORDER_RULES: MachineRules<WorkOrderState, WorkOrderAction> = {
  dispatch: { from: ['待派单'], apply: (s, a) => ({ ...s, status: '已派单', technicianId: a.technicianId }) },
  grab: { from: ['待派单'], apply: (s, a) => ({ ...s, status: '已接单', technicianId: a.technicianId }) },
  accept: { from: ['已派单'], apply: (s) => ({ ...s, status: '已接单' }) },
  // Arrival is its own step because it stops the arrive clock (Q31, Q33).
  arrive: { from: ['已接单'], apply: (s) => ({ ...s, status: '已到场' }) },
  start: { from: ['已到场'], apply: (s) => ({ ...s, status: '处理中' }) },
  pause: { from: ['处理中'], validate: needsReason, apply: (s) => ({ ...s, status: '挂起' }) },
  resume: { from: ['挂起'], apply: (s) => ({ ...s, status: '处理中' }) },
  // Completing straight from 已到场 is allowed: a two-minute fix should not need a separate "start"
  // tap; the work is taken to have started on arrival. From 挂起 one must resume first, so the
  // paused time is closed by an explicit event.
  complete: { from: ['已到场', '处理中'], apply: (s) => ({ ...s, status: '已完成' }) },
  return: {
    from: HELD,
    validate: needsReason,
    apply: (s) => ({ ...s, status: '待派单', technicianId: null, returnCount: s.returnCount + 1 }),
  },
  transfer: {
    from: HELD,
    validate: (s, a) => (a.technicianId === s.technicianId ? 'transfer needs a different technician' : null),
    apply: (s, a) => ({
      ...s,
      status: '已派单',
      technicianId: a.technicianId,
      transferCount: s.transferCount + 1,
    }),
  },
  cancel: { from: ['待派单', ...HELD], apply: (s) => ({ ...s, status: '已取消' }) },
};

/** Also exported as `transition`. */
export function workOrderTransition(
  state: WorkOrderState,
  action: WorkOrderAction,
): TransitionResult<WorkOrderState, WorkOrderActionName> {
  return runTransition(WORK_ORDER_RULES, state, action);
}

export function workOrderActions(state: WorkOrderState): WorkOrderActionName[] {
  return allowedActions(WORK_ORDER_RULES, state);
}

export const isWorkOrderOpen = (status: WorkOrderStatus) => status !== '已完成' && status !== '已取消';

/** Feeds TicketState.openWorkOrders: the ticket may resolve once this is 0. */
export const countOpenWorkOrders = (statuses: readonly WorkOrderStatus[]) =>
  statuses.filter(isWorkOrderOpen).length;

export { workOrderTransition as transition };
