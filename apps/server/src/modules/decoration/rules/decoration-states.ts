import type { DecorationAction, DecorationState } from '@guanjia/shared/api';

/**
 * 装修 states (W-14, after java110 MicroCommunity's 装修申请 flow), table-driven: each action has the
 * states it leaves and the one it reaches, and the facts that must hold first. The command only feeds in
 * facts; the table decides.
 */
export interface DecorationFacts {
  agreementSigned: boolean;
  depositPaid: boolean;
  seepagePassed: boolean;
  /** The closed-water test ended with a pass and lasted at least the required hours. */
  waterTestPassed: boolean;
  /** 整改通知单 of this site still open. */
  openRectifications: number;
  depositRefunded: boolean;
}

export type DecorationRefusal =
  | 'agreement_missing'
  | 'deposit_missing'
  | 'seepage_missing'
  | 'water_test_missing'
  | 'rectifications_open'
  | 'already_refunded';

interface Move {
  from: DecorationState[];
  to: DecorationState;
  needs: (f: DecorationFacts) => DecorationRefusal | null;
}
const none = () => null;

export const DECORATION_MOVES: Record<DecorationAction, Move> = {
  // The permit (装修许可证) is issued on approval: the agreement signed and the deposit paid first.
  approve: {
    from: ['applied'],
    to: 'approved',
    needs: (f) => (!f.agreementSigned ? 'agreement_missing' : !f.depositPaid ? 'deposit_missing' : null),
  },
  reject: { from: ['applied'], to: 'rejected', needs: none },
  cancel: { from: ['applied', 'approved'], to: 'cancelled', needs: none },
  // Work starts only after the floor-drain seepage test passed with the owner (W-14 step 2).
  start: {
    from: ['approved'],
    to: 'in_progress',
    needs: (f) => (f.seepagePassed ? null : 'seepage_missing'),
  },
  request_acceptance: { from: ['in_progress'], to: 'acceptance', needs: none },
  accept: {
    from: ['acceptance'],
    to: 'accepted',
    needs: (f) =>
      !f.waterTestPassed ? 'water_test_missing' : f.openRectifications > 0 ? 'rectifications_open' : null,
  },
  fail_acceptance: { from: ['acceptance'], to: 'in_progress', needs: none },
  refund: {
    from: ['accepted'],
    to: 'refunded',
    needs: (f) => (f.depositRefunded ? 'already_refunded' : null),
  },
};

export type DecorationDecision =
  | { ok: true; to: DecorationState }
  | { ok: false; reason: 'wrong_state' | DecorationRefusal };

export function decideDecoration(
  state: DecorationState,
  action: DecorationAction,
  facts: DecorationFacts,
): DecorationDecision {
  const m = DECORATION_MOVES[action];
  if (!m.from.includes(state)) return { ok: false, reason: 'wrong_state' };
  const refusal = m.needs(facts);
  return refusal ? { ok: false, reason: refusal } : { ok: true, to: m.to };
}

/** The actions offered in a state (the console shows these buttons; the facts still decide). */
export const actionsIn = (state: DecorationState): DecorationAction[] =>
  (Object.keys(DECORATION_MOVES) as DecorationAction[]).filter((a) =>
    DECORATION_MOVES[a].from.includes(state),
  );

/** Sites inspected daily. */
export const ACTIVE_SITE_STATES: DecorationState[] = ['in_progress', 'acceptance'];

/** The 48-hour closed-water test passes only when it ran its full length and ended with a pass. */
export function waterTestPassed(
  t: { startedAt: Date | null; endedAt: Date | null; result: 'pass' | 'fail' | null },
  hours: number,
): boolean {
  if (!t.startedAt || !t.endedAt || t.result !== 'pass') return false;
  return t.endedAt.getTime() - t.startedAt.getTime() >= hours * 3_600_000;
}

/** A worker pass at the gate: valid while the site is approved or active and not past its end date. */
export type PassReason = 'ok' | 'expired' | 'revoked' | 'not_active' | 'unknown';
export function workerPassVerdict(
  p: { revoked: boolean; state: DecorationState; endsOn: string } | null,
  today: string,
): PassReason {
  if (!p) return 'unknown';
  if (p.revoked) return 'revoked';
  if (today > p.endsOn) return 'expired';
  if (p.state !== 'approved' && p.state !== 'in_progress' && p.state !== 'acceptance') return 'not_active';
  return 'ok';
}
