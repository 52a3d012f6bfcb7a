import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLBACK_POLICIES, TICKET_TYPES, type TicketType } from './ticket-kinds';
import {
  isTicketOpen,
  TICKET_STATUSES,
  type TicketAction,
  type TicketActionName,
  type TicketState,
  type TicketStatus,
  ticketActions,
  transition,
} from './ticket-status';

const state = (status: TicketStatus, over: Partial<TicketState> = {}): TicketState => ({
  status,
  type: '报修',
  reopenCount: 0,
  openWorkOrders: 0,
  callbackPolicy: 'required',
  ...over,
});

describe('ticket status machine', () => {
  const ok: [string, TicketState, TicketAction, TicketStatus, number][] = [
    ['accept', state('待受理'), { type: 'accept' }, '处理中', 0],
    ['咨询 answered at first contact', state('待受理', { type: '咨询' }), { type: 'answer' }, '已关闭', 0],
    ['表扬 answered while in progress', state('处理中', { type: '表扬' }), { type: 'answer' }, '已关闭', 0],
    ['建议 answered', state('待受理', { type: '建议' }), { type: 'answer' }, '已关闭', 0],
    ['all work done → callback due', state('处理中'), { type: 'resolve' }, '待回访', 0],
    [
      "callback policy 'never' closes directly",
      state('处理中', { callbackPolicy: 'never' }),
      { type: 'resolve' },
      '已关闭',
      0,
    ],
    ['satisfied callback closes (Q39)', state('待回访'), { type: 'callback', satisfied: true }, '已关闭', 0],
    [
      'unsatisfied callback reopens',
      state('待回访', { reopenCount: 1 }),
      { type: 'callback', satisfied: false },
      '处理中',
      2,
    ],
    [
      "'optional' policy may close without callback",
      state('待回访', { callbackPolicy: 'optional' }),
      { type: 'close' },
      '已关闭',
      0,
    ],
    ['reopen from 待回访', state('待回访'), { type: 'reopen' }, '处理中', 1],
    ['reopen from 已关闭', state('已关闭', { reopenCount: 2 }), { type: 'reopen' }, '处理中', 3],
    ['cancel before acceptance', state('待受理'), { type: 'cancel' }, '已取消', 0],
    ['cancel in progress', state('处理中', { openWorkOrders: 2 }), { type: 'cancel' }, '已取消', 0],
  ];
  it.each(ok)('%s', (_name, from, action, status, reopenCount) => {
    const r = transition(from, action);
    expect(r).toEqual({ ok: true, next: { ...from, status, reopenCount } });
  });

  const refused: [string, TicketState, TicketAction, TicketActionName[], RegExp][] = [
    [
      '报修 cannot be answered',
      state('待受理'),
      { type: 'answer' },
      ['accept', 'cancel'],
      /cannot be closed by an answer/,
    ],
    [
      'resolve waits for open work orders',
      state('处理中', { openWorkOrders: 1 }),
      { type: 'resolve' },
      ['cancel'],
      /still open/,
    ],
    [
      'answer waits for open work orders',
      state('处理中', { type: '咨询', openWorkOrders: 1 }),
      { type: 'answer' },
      ['cancel'],
      /still open/,
    ],
    ['closing needs a satisfied callback', state('待回访'), { type: 'close' }, ['callback', 'reopen'], /Q39/],
    ['cancelled is final', state('已取消'), { type: 'reopen' }, [], /not possible/],
    ['closed cannot be cancelled', state('已关闭'), { type: 'cancel' }, ['reopen'], /not possible/],
    [
      'cannot resolve before accepting',
      state('待受理'),
      { type: 'resolve' },
      ['accept', 'cancel'],
      /not possible/,
    ],
  ];
  it.each(refused)('%s', (_name, from, action, allowed, reason) => {
    const r = transition(from, action);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.allowed).toEqual(allowed);
      expect(r.reason).toMatch(reason);
    }
  });

  it('walks a repair through an unsatisfied callback to closure', () => {
    let s = state('待受理', { openWorkOrders: 1 });
    const step = (a: TicketAction) => {
      const r = transition(s, a);
      if (!r.ok) throw new Error(r.reason);
      s = r.next;
    };
    step({ type: 'accept' });
    expect(ticketActions(s)).toEqual(['cancel']);
    s = { ...s, openWorkOrders: 0 }; // the work order completed
    step({ type: 'resolve' });
    step({ type: 'callback', satisfied: false });
    step({ type: 'resolve' });
    step({ type: 'callback', satisfied: true });
    expect(s).toMatchObject({ status: '已关闭', reopenCount: 1 });
    expect(isTicketOpen(s.status)).toBe(false);
  });

  it('properties: allowed actions succeed, others fail, nothing mutates, reopens only grow', () => {
    const actionArb: fc.Arbitrary<TicketAction> = fc.oneof(
      fc.constantFrom<TicketAction>(
        { type: 'accept' },
        { type: 'answer' },
        { type: 'resolve' },
        { type: 'close' },
        { type: 'reopen' },
        { type: 'cancel' },
      ),
      fc.boolean().map((satisfied): TicketAction => ({ type: 'callback', satisfied })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom<TicketType>(...TICKET_TYPES),
        fc.constantFrom(...CALLBACK_POLICIES),
        fc.array(fc.tuple(actionArb, fc.integer({ min: 0, max: 2 })), { maxLength: 30 }),
        (type, callbackPolicy, steps) => {
          let s: TicketState = Object.freeze(state('待受理', { type, callbackPolicy }));
          for (const [action, openWorkOrders] of steps) {
            s = Object.freeze({ ...s, openWorkOrders });
            const allowed = ticketActions(s);
            const r = transition(s, action);
            expect(r.ok).toBe(allowed.includes(action.type));
            if (!r.ok) continue;
            expect(TICKET_STATUSES).toContain(r.next.status);
            expect(r.next.reopenCount).toBeGreaterThanOrEqual(s.reopenCount);
            if (r.next.status === '已关闭' && s.status === '待回访' && action.type !== 'callback') {
              expect(callbackPolicy).toBe('optional');
            }
            s = Object.freeze(r.next);
          }
          if (s.status === '已取消') expect(ticketActions(s)).toEqual([]);
        },
      ),
    );
  });
});
