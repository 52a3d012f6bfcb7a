/**
 * Whether a mass send may go out now. Above the project's threshold a second person has to agree,
 * except for an emergency outage: Q60 gives those ten minutes, no time to wait for a signature.
 */
export interface ApprovalFacts {
  recipients: number;
  threshold: number;
  emergency: boolean;
  /** Who starts the send (the author of the outage, the publisher of the notice). */
  initiatorId: number | null;
  /** Who already agreed (the notice's W-30 approver, the approver of a held request), if anyone. */
  approverId: number | null;
}

export type ApprovalDecision =
  | { go: true; why: 'below_threshold' | 'emergency' | 'approved' }
  | { go: false; why: 'approval_required' };

export function approvalDecision(f: ApprovalFacts): ApprovalDecision {
  if (f.recipients <= f.threshold) return { go: true, why: 'below_threshold' };
  if (f.emergency) return { go: true, why: 'emergency' };
  if (f.approverId !== null && f.approverId !== f.initiatorId) return { go: true, why: 'approved' };
  return { go: false, why: 'approval_required' };
}

/** The approver of a held send must be someone else than who asked for it. */
export function mayApprove(requesterId: number, approverId: number): boolean {
  return requesterId !== approverId;
}
