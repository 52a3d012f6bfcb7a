import type { TicketStatus } from '@guanjia/shared';
import { allowedActions, type MachineRules, runTransition, type TransitionResult } from './state-machine';
import { ANSWERABLE_TYPES, type CallbackPolicy, type TicketType } from './ticket-kinds';

export { TICKET_STATUSES, type TicketStatus } from '@guanjia/shared';

export interface TicketState {
  status: TicketStatus;
  type: TicketType;
  /** Times the ticket came back from 待回访/已关闭; a quality metric (Q44: never make them ask twice). */
  reopenCount: number;
  /** Work orders not yet 已完成/已取消. */
  openWorkOrders: number;
  callbackPolicy: CallbackPolicy;
}

export type TicketAction =
  /** An agent takes ownership. */
  | { type: 'accept' }
  /** 咨询/表扬/建议 answered (and closed) at first contact. */
  | { type: 'answer' }
  /** The work is done: fired when the last work order completes, or by the agent for work-order-less tickets. */
  | { type: 'resolve' }
  /** A callback reached the resident. Satisfied closes (Q39); unsatisfied reopens. */
  | { type: 'callback'; satisfied: boolean }
  /** Close without a satisfied callback: only where the callback policy is 'optional'. */
  | { type: 'close' }
  | { type: 'reopen' }
  | { type: 'cancel' };
export type TicketActionName = TicketAction['type'];

const noOpenWork = (s: TicketState) =>
  s.openWorkOrders > 0 ? `${s.openWorkOrders} work order(s) still open` : null;

export const TICKET_RULES: MachineRules<TicketState, TicketAction> = {
  accept: { from: ['待受理'], apply: (s) => ({ ...s, status: '处理中' }) },
  answer: {
    from: ['待受理', '处理中'],
    guard: (s) =>
      ANSWERABLE_TYPES.includes(s.type) ? noOpenWork(s) : `a ${s.type} ticket cannot be closed by an answer`,
    apply: (s) => ({ ...s, status: '已关闭' }),
  },
  resolve: {
    from: ['处理中'],
    guard: noOpenWork,
    apply: (s) => ({ ...s, status: s.callbackPolicy === 'never' ? '已关闭' : '待回访' }),
  },
  callback: {
    from: ['待回访'],
    apply: (s, a) =>
      a.satisfied ? { ...s, status: '已关闭' } : { ...s, status: '处理中', reopenCount: s.reopenCount + 1 },
  },
  close: {
    from: ['待回访'],
    guard: (s) =>
      s.callbackPolicy === 'optional' ? null : 'a satisfied callback is required to close (Q39)',
    apply: (s) => ({ ...s, status: '已关闭' }),
  },
  reopen: {
    from: ['待回访', '已关闭'],
    apply: (s) => ({ ...s, status: '处理中', reopenCount: s.reopenCount + 1 }),
  },
  // Open work orders are cancelled with the ticket by the command; the rule does not block on them.
  cancel: { from: ['待受理', '处理中'], apply: (s) => ({ ...s, status: '已取消' }) },
};

/** Also exported as `transition`. */
export function ticketTransition(
  state: TicketState,
  action: TicketAction,
): TransitionResult<TicketState, TicketActionName> {
  return runTransition(TICKET_RULES, state, action);
}

export function ticketActions(state: TicketState): TicketActionName[] {
  return allowedActions(TICKET_RULES, state);
}

/** 已取消 is final; 已关闭 can still be reopened. */
export const isTicketOpen = (status: TicketStatus) => status !== '已关闭' && status !== '已取消';

export { ticketTransition as transition };
