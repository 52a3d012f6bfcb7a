import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  permittedActions,
  TICKET_ACTION_PERMISSIONS,
  WORK_ORDER_ACTION_PERMISSIONS,
} from './action-permissions';
import type { WorkOrderActionName } from './work-order-status';

const WO_ACTIONS = Object.keys(WORK_ORDER_ACTION_PERMISSIONS) as WorkOrderActionName[];

describe('permittedActions', () => {
  it.each([
    [
      'a technician: field steps and grabbing, never dispatch or cancel',
      ['workorders.execute'],
      ['grab', 'accept', 'arrive', 'complete', 'return', 'transfer'],
    ],
    [
      'a dispatcher: everything but grabbing',
      ['tickets.dispatch'],
      ['dispatch', 'accept', 'arrive', 'complete', 'return', 'transfer', 'cancel'],
    ],
    ['a reader: nothing', ['tickets.read'], []],
  ] as const)('%s', (_, held, expected) => {
    const allowed: WorkOrderActionName[] = [
      'dispatch',
      'grab',
      'accept',
      'arrive',
      'complete',
      'return',
      'transfer',
      'cancel',
    ];
    expect(permittedActions(allowed, WORK_ORDER_ACTION_PERMISSIONS, new Set<string>(held))).toEqual(expected);
  });

  it('keeps ticket actions for the desk and the callback for who may record one', () => {
    const allowed = ['accept', 'callback', 'cancel'] as const;
    expect(permittedActions(allowed, TICKET_ACTION_PERMISSIONS, new Set(['tickets.write']))).toEqual([
      'accept',
      'cancel',
    ]);
    expect(permittedActions(allowed, TICKET_ACTION_PERMISSIONS, new Set(['callbacks.write']))).toEqual([
      'callback',
    ]);
  });

  it('property: a subset of the allowed actions, each backed by a held permission, order kept', () => {
    const perms = [...new Set(Object.values(WORK_ORDER_ACTION_PERMISSIONS).flat())];
    fc.assert(
      fc.property(fc.subarray(WO_ACTIONS), fc.subarray(perms), (allowed, held) => {
        const out = permittedActions(allowed, WORK_ORDER_ACTION_PERMISSIONS, new Set<string>(held));
        expect(allowed.filter((a) => out.includes(a))).toEqual(out);
        for (const a of out)
          expect(WORK_ORDER_ACTION_PERMISSIONS[a].some((p) => held.includes(p))).toBe(true);
        if (held.length === perms.length) expect(out).toEqual(allowed);
      }),
    );
  });
});
