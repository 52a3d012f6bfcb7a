import { WORK_ORDER_STATUSES } from '@guanjia/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onSiteCheck } from './on-site-check';

describe('onSiteCheck (Q40)', () => {
  it.each([
    ['已完成', '/api/uploads/3', 'waived'],
    ['已完成', null, 'required'],
    ['已完成', '', 'required'],
    ['处理中', '/api/uploads/3', null],
    ['已取消', null, null],
  ] as const)('%s signed=%s → %s', (status, signature, expected) => {
    expect(onSiteCheck({ status, signature })).toBe(expected);
  });

  it('only a completed order ever asks for or waives the check', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORK_ORDER_STATUSES), fc.option(fc.string()), (status, signature) => {
        const check = onSiteCheck({ status, signature });
        expect(check === null).toBe(status !== '已完成');
      }),
    );
  });
});
