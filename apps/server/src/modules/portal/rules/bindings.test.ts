import { RESIDENT_RELATIONS } from '@guanjia/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BindingFacts, bindingRefusal, canDecide, localDate } from './bindings';

const base: BindingFacts = {
  kind: 'bind',
  relation: '业主',
  leaseEndsOn: null,
  today: '2026-03-02',
  requesterIsOwner: false,
  linked: false,
  targetIsRequester: false,
};

describe('binding requests', () => {
  it.each<[string, Partial<BindingFacts>, string | null]>([
    ['a stranger asks to bind as owner', {}, null],
    ['a stranger asks to bind as tenant without a lease date', { relation: '租户' }, null],
    ['already bound', { linked: true }, 'already_bound'],
    ['lease date on a family member', { relation: '家属', leaseEndsOn: '2027-01-01' }, 'lease_not_tenant'],
    ['lease ended yesterday', { relation: '租户', leaseEndsOn: '2026-03-01' }, 'lease_past'],
    ['lease ends today', { relation: '租户', leaseEndsOn: '2026-03-02' }, 'lease_past'],
    ['owner adds family', { kind: 'member', relation: '家属', requesterIsOwner: true }, null],
    ['family member adds family', { kind: 'member', relation: '家属' }, 'not_owner'],
    [
      'owner adds another owner',
      { kind: 'member', relation: '业主', requesterIsOwner: true },
      'owner_needs_desk',
    ],
    [
      'owner adds tenant without lease',
      { kind: 'member', relation: '租户', requesterIsOwner: true },
      'lease_required',
    ],
    [
      'owner adds tenant until next year',
      { kind: 'member', relation: '租户', requesterIsOwner: true, leaseEndsOn: '2027-02-28' },
      null,
    ],
    [
      'owner adds someone already there',
      { kind: 'member', relation: '家属', requesterIsOwner: true, linked: true },
      'already_bound',
    ],
    [
      'owner removes a member',
      { kind: 'removal', relation: '家属', requesterIsOwner: true, linked: true },
      null,
    ],
    ['owner removes a stranger', { kind: 'removal', relation: '家属', requesterIsOwner: true }, 'not_member'],
    [
      'owner removes himself',
      { kind: 'removal', requesterIsOwner: true, linked: true, targetIsRequester: true },
      'self_removal',
    ],
    ['tenant removes the owner', { kind: 'removal', linked: true }, 'not_owner'],
  ])('%s', (_name, facts, want) => {
    expect(bindingRefusal({ ...base, ...facts })).toBe(want);
  });

  it('only a non-owner may never change a household, whatever else is true', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('member' as const, 'removal' as const),
        fc.constantFrom(...RESIDENT_RELATIONS),
        fc.boolean(),
        fc.boolean(),
        (kind, relation, linked, targetIsRequester) => {
          expect(
            bindingRefusal({ ...base, kind, relation, linked, targetIsRequester, requesterIsOwner: false }),
          ).toBe('not_owner');
        },
      ),
    );
  });

  it('never accepts a lease that ends on or before today', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2026-03-02T12:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('bind' as const, 'member' as const),
        (end, kind) => {
          const leaseEndsOn = end.toISOString().slice(0, 10);
          expect(
            bindingRefusal({ ...base, kind, relation: '租户', requesterIsOwner: true, leaseEndsOn }),
          ).not.toBeNull();
        },
      ),
    );
  });

  it('decides only pending requests', () => {
    expect([canDecide('待审核'), canDecide('已通过'), canDecide('已驳回')]).toEqual([true, false, false]);
  });

  it('takes today in the project time zone', () => {
    const lateUtc = new Date('2026-03-01T18:30:00Z');
    expect(localDate(lateUtc, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(localDate(lateUtc, 'Europe/London')).toBe('2026-03-01');
  });
});
