import type { ResidentRelation } from '@guanjia/shared';

export type BindingKind = 'bind' | 'member' | 'removal';

/** What the portal knows when a resident asks for a binding, a household addition or a removal. */
export interface BindingFacts {
  kind: BindingKind;
  relation: ResidentRelation;
  /** YYYY-MM-DD, tenants only. */
  leaseEndsOn: string | null;
  /** YYYY-MM-DD in the project's time zone. */
  today: string;
  /** The requester holds the unit as 业主 (household changes are the owner's to ask). */
  requesterIsOwner: boolean;
  /** bind/member: the person is already linked to the unit; removal: the target is linked to it. */
  linked: boolean;
  /** removal: the target is the requester's own archive record. */
  targetIsRequester: boolean;
}

export type BindingRefusal =
  | 'not_owner'
  | 'owner_needs_desk'
  | 'lease_required'
  | 'lease_past'
  | 'lease_not_tenant'
  | 'already_bound'
  | 'not_member'
  | 'self_removal';

/** Why the request cannot be queued, or null when the desk should see it. */
export function bindingRefusal(f: BindingFacts): BindingRefusal | null {
  if (f.kind !== 'bind' && !f.requesterIsOwner) return 'not_owner';
  if (f.kind === 'removal') {
    if (f.targetIsRequester) return 'self_removal';
    return f.linked ? null : 'not_member';
  }
  // A second owner proves ownership at the desk (property certificate), not through another owner.
  if (f.kind === 'member' && f.relation === '业主') return 'owner_needs_desk';
  if (f.leaseEndsOn !== null && f.relation !== '租户') return 'lease_not_tenant';
  if (f.kind === 'member' && f.relation === '租户' && f.leaseEndsOn === null) return 'lease_required';
  if (f.leaseEndsOn !== null && f.leaseEndsOn <= f.today) return 'lease_past';
  if (f.linked) return 'already_bound';
  return null;
}

export const REFUSAL_MESSAGES: Record<BindingRefusal, string> = {
  not_owner: 'Only the owner (业主) of the unit can change its household',
  owner_needs_desk: 'Another owner is registered at the service desk, not from the portal',
  lease_required: 'A tenant needs the lease end date',
  lease_past: 'The lease end date must be in the future',
  lease_not_tenant: 'Only tenants have a lease end date',
  already_bound: 'This person is already bound to the unit',
  not_member: 'This person is not in the household of the unit',
  self_removal: 'Ask the service desk to remove yourself from a unit',
};

/** Refusals that describe the current state rather than a wrong form: answered 409, not 400. */
export const isStateConflict = (r: BindingRefusal) =>
  r === 'already_bound' || r === 'not_member' || r === 'not_owner';

/** A decided request is final: approving twice would link twice, rejecting an approved one lies. */
export const canDecide = (status: string) => status === '待审核';

/** Today's date (YYYY-MM-DD) where the project is, for lease dates a resident typed. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
