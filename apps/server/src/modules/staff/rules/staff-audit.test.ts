import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskStaffPii } from './staff-audit';

describe('maskStaffPii', () => {
  it.each([
    [
      'after',
      { phone: '13700001111', email: 'a@b.cn', department: '工程部' },
      { phone: 'changed', email: 'changed', department: '工程部' },
    ],
    ['before', { phone: '13700001111', email: 'a@b.cn' }, { phone: '***', email: '***' }],
    ['after', { phone: null, email: null }, { phone: null, email: null }],
    ['before', { phone: '13700001111' }, { phone: '***' }],
    ['after', { displayName: '赵师傅', skills: ['水'] }, { displayName: '赵师傅', skills: ['水'] }],
    ['after', {}, {}],
  ] as const)('%s %j → %j', (side, values, expected) => {
    expect(maskStaffPii(values, side)).toEqual(expected);
  });

  it('never lets a phone or e-mail through, and keeps every other field as it was', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.option(fc.string({ minLength: 1 }), { nil: null }),
        fc.option(fc.string({ minLength: 1 }), { nil: null }),
        fc.constantFrom('before' as const, 'after' as const),
        (rest, phone, email, side) => {
          const masked = maskStaffPii({ ...rest, phone, email }, side);
          const mark = side === 'before' ? '***' : 'changed';
          expect(masked.phone).toBe(phone === null ? null : mark);
          expect(masked.email).toBe(email === null ? null : mark);
          for (const key of Object.keys(rest))
            if (key !== 'phone' && key !== 'email') expect(masked[key]).toEqual(rest[key]);
        },
      ),
    );
  });
});
