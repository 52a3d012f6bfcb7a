import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '@guanjia/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defectFor } from './defects';

describe('one open work order per equipment and item', () => {
  it.each<[string, { id: number; workOrderStatus: WorkOrderStatus | null }[], ReturnType<typeof defectFor>]>([
    ['no defect yet → a new work order', [], { create: true }],
    ['an open repair is joined', [{ id: 7, workOrderStatus: '处理中' }], { join: 7 }],
    ['a repair being written (no order yet) is joined', [{ id: 8, workOrderStatus: null }], { join: 8 }],
    ['a finished repair → a new one', [{ id: 7, workOrderStatus: '已完成' }], { create: true }],
    ['a cancelled repair → a new one', [{ id: 7, workOrderStatus: '已取消' }], { create: true }],
    [
      'the open one among finished ones',
      [
        { id: 1, workOrderStatus: '已完成' },
        { id: 2, workOrderStatus: '已派单' },
      ],
      { join: 2 },
    ],
  ])('%s', (_name, known, expected) => {
    expect(defectFor(known)).toEqual(expected);
  });

  it('never creates while any repair is still open', () => {
    const status = fc.constantFrom(...WORK_ORDER_STATUSES);
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.nat(), workOrderStatus: status })), (known) => {
        const anyOpen = known.some((k) => k.workOrderStatus !== '已完成' && k.workOrderStatus !== '已取消');
        expect('join' in defectFor(known)).toBe(anyOpen);
      }),
    );
  });
});
