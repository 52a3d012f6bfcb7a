import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countOpenWorkOrders,
  transition,
  type WorkOrderAction,
  type WorkOrderActionName,
  type WorkOrderState,
  type WorkOrderStatus,
  workOrderActions,
} from './work-order-status';

const wo = (status: WorkOrderStatus, over: Partial<WorkOrderState> = {}): WorkOrderState => ({
  status,
  technicianId: status === '待派单' ? null : 1,
  returnCount: 0,
  transferCount: 0,
  ...over,
});

describe('work order status machine', () => {
  const ok: [string, WorkOrderState, WorkOrderAction, Partial<WorkOrderState>][] = [
    ['dispatch', wo('待派单'), { type: 'dispatch', technicianId: 5 }, { status: '已派单', technicianId: 5 }],
    [
      'grab assigns and accepts',
      wo('待派单'),
      { type: 'grab', technicianId: 6 },
      { status: '已接单', technicianId: 6 },
    ],
    ['accept', wo('已派单'), { type: 'accept' }, { status: '已接单' }],
    ['arrive', wo('已接单'), { type: 'arrive' }, { status: '已到场' }],
    ['start', wo('已到场'), { type: 'start' }, { status: '处理中' }],
    ['pause (挂起)', wo('处理中'), { type: 'pause', reason: '等配件' }, { status: '挂起' }],
    ['resume', wo('挂起'), { type: 'resume' }, { status: '处理中' }],
    ['complete', wo('处理中'), { type: 'complete' }, { status: '已完成' }],
    [
      'complete straight after arriving (implicit start)',
      wo('已到场'),
      { type: 'complete' },
      { status: '已完成' },
    ],
    [
      'return with reason',
      wo('已接单'),
      { type: 'return', reason: '不会修' },
      { status: '待派单', technicianId: null, returnCount: 1 },
    ],
    [
      'return while suspended',
      wo('挂起'),
      { type: 'return', reason: '需要外包' },
      { status: '待派单', technicianId: null, returnCount: 1 },
    ],
    [
      'transfer',
      wo('处理中'),
      { type: 'transfer', technicianId: 9 },
      { status: '已派单', technicianId: 9, transferCount: 1 },
    ],
    ['cancel unassigned', wo('待派单'), { type: 'cancel' }, { status: '已取消' }],
    ['cancel suspended', wo('挂起'), { type: 'cancel' }, { status: '已取消' }],
  ];
  it.each(ok)('%s', (_name, from, action, expected) => {
    expect(transition(from, action)).toEqual({ ok: true, next: { ...from, ...expected } });
  });

  const refused: [string, WorkOrderState, WorkOrderAction, WorkOrderActionName[], RegExp][] = [
    [
      'cannot arrive before accepting',
      wo('已派单'),
      { type: 'arrive' },
      ['accept', 'return', 'transfer', 'cancel'],
      /not possible/,
    ],
    [
      'cannot complete from 挂起 without resuming',
      wo('挂起'),
      { type: 'complete' },
      ['resume', 'return', 'transfer', 'cancel'],
      /not possible/,
    ],
    [
      'cannot complete before arriving',
      wo('已接单'),
      { type: 'complete' },
      ['arrive', 'return', 'transfer', 'cancel'],
      /not possible/,
    ],
    [
      'return needs a reason',
      wo('已接单'),
      { type: 'return', reason: '  ' },
      ['arrive', 'return', 'transfer', 'cancel'],
      /reason/,
    ],
    [
      'pause needs a reason',
      wo('处理中'),
      { type: 'pause', reason: '' },
      ['pause', 'complete', 'return', 'transfer', 'cancel'],
      /reason/,
    ],
    [
      'transfer needs another technician',
      wo('已到场'),
      { type: 'transfer', technicianId: 1 },
      ['start', 'complete', 'return', 'transfer', 'cancel'],
      /different/,
    ],
    ['completed is final', wo('已完成'), { type: 'cancel' }, [], /not possible/],
    ['cancelled is final', wo('已取消'), { type: 'dispatch', technicianId: 2 }, [], /not possible/],
  ];
  it.each(refused)('%s', (_name, from, action, allowed, reason) => {
    const r = transition(from, action);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.allowed).toEqual(allowed);
      expect(r.reason).toMatch(reason);
    }
  });

  it('counts open work orders for the ticket', () => {
    expect(countOpenWorkOrders(['已完成', '已取消', '挂起', '待派单'])).toBe(2);
    expect(countOpenWorkOrders(['已完成', '已取消'])).toBe(0);
  });

  it('properties: a held or finished order has a technician, an unassigned one has none', () => {
    const tech = fc.integer({ min: 1, max: 3 });
    const actionArb: fc.Arbitrary<WorkOrderAction> = fc.oneof(
      fc.constantFrom<WorkOrderAction>(
        { type: 'accept' },
        { type: 'arrive' },
        { type: 'start' },
        { type: 'resume' },
        { type: 'complete' },
        { type: 'cancel' },
      ),
      tech.map((technicianId): WorkOrderAction => ({ type: 'dispatch', technicianId })),
      tech.map((technicianId): WorkOrderAction => ({ type: 'grab', technicianId })),
      tech.map((technicianId): WorkOrderAction => ({ type: 'transfer', technicianId })),
      fc.constantFrom('', '等配件').map((reason): WorkOrderAction => ({ type: 'pause', reason })),
      fc.constantFrom('', '不会修').map((reason): WorkOrderAction => ({ type: 'return', reason })),
    );
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        let s: WorkOrderState = Object.freeze(wo('待派单'));
        for (const action of actions) {
          const r = transition(s, action);
          if (!r.ok) {
            expect(r.allowed).toEqual(workOrderActions(s));
            continue;
          }
          expect(workOrderActions(s)).toContain(action.type);
          s = Object.freeze(r.next);
          if (s.status === '待派单') expect(s.technicianId).toBeNull();
          else if (s.status !== '已取消') expect(s.technicianId).not.toBeNull();
        }
      }),
    );
  });
});
