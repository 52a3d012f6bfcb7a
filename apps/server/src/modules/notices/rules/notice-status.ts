import { type MachineRules, runTransition, type TransitionResult } from '../../tickets/rules/state-machine';
import type { NoticeStatus } from '../schema';

export interface NoticeState {
  status: NoticeStatus;
  urgent: boolean;
}

export type NoticeAction =
  | { type: 'edit' }
  | { type: 'submit' }
  /** 客服班长 (notices.review): pass on to the 项目负责人 or send back. */
  | { type: 'review'; approve: boolean }
  /** 项目负责人 (notices.approve). */
  | { type: 'approve'; approve: boolean }
  | { type: 'publish' }
  | { type: 'withdraw' };
export type NoticeActionName = NoticeAction['type'];

/** W-30 as data. Emergencies (停水停电 now) skip the two-step approval and publish straight from 草稿. */
export const NOTICE_RULES: MachineRules<NoticeState, NoticeAction> = {
  edit: { from: ['草稿'], apply: (s) => s },
  submit: {
    from: ['草稿'],
    apply: (s) => ({ ...s, status: '待审核' }),
  },
  review: {
    from: ['待审核'],
    apply: (s, a) => ({ ...s, status: a.approve ? '待批准' : '草稿' }),
  },
  approve: {
    from: ['待批准'],
    apply: (s, a) => ({ ...s, status: a.approve ? '已批准' : '草稿' }),
  },
  publish: {
    from: ['草稿', '已批准'],
    guard: (s) =>
      s.status === '草稿' && !s.urgent
        ? 'a non-emergency notice needs review and approval first (W-30)'
        : null,
    apply: (s) => ({ ...s, status: '已发布' }),
  },
  withdraw: { from: ['已发布'], apply: (s) => ({ ...s, status: '已撤回' }) },
};

export function noticeTransition(
  state: NoticeState,
  action: NoticeAction,
): TransitionResult<NoticeState, NoticeActionName> {
  return runTransition(NOTICE_RULES, state, action);
}
