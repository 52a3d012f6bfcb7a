import type { DecorationAction, DecorationState } from '@guanjia/shared/api';
import { DECORATION_ACTIONS, DECORATION_STATES } from '@guanjia/shared/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionsIn,
  type DecorationFacts,
  decideDecoration,
  waterTestPassed,
  workerPassVerdict,
} from './decoration-states';

const all: DecorationFacts = {
  agreementSigned: true,
  depositPaid: true,
  seepagePassed: true,
  waterTestPassed: true,
  openRectifications: 0,
  depositRefunded: false,
};

describe('decoration state machine', () => {
  it.each([
    ['applied', 'approve', {}, 'approved'],
    ['applied', 'approve', { agreementSigned: false }, 'agreement_missing'],
    ['applied', 'approve', { depositPaid: false }, 'deposit_missing'],
    ['applied', 'reject', {}, 'rejected'],
    ['approved', 'start', {}, 'in_progress'],
    ['approved', 'start', { seepagePassed: false }, 'seepage_missing'],
    ['in_progress', 'request_acceptance', {}, 'acceptance'],
    ['acceptance', 'accept', {}, 'accepted'],
    ['acceptance', 'accept', { waterTestPassed: false }, 'water_test_missing'],
    ['acceptance', 'accept', { openRectifications: 2 }, 'rectifications_open'],
    ['acceptance', 'fail_acceptance', {}, 'in_progress'],
    ['accepted', 'refund', {}, 'refunded'],
    ['accepted', 'refund', { depositRefunded: true }, 'already_refunded'],
    ['in_progress', 'cancel', {}, 'wrong_state'],
    ['refunded', 'refund', {}, 'wrong_state'],
  ] as const)('%s + %s %o → %s', (state, action, facts, expected) => {
    const d = decideDecoration(state, action, { ...all, ...facts });
    expect(d.ok ? d.to : d.reason).toBe(expected);
  });

  it('offers exactly the actions the table allows from each state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DECORATION_STATES),
        fc.constantFrom(...DECORATION_ACTIONS),
        (s: DecorationState, a: DecorationAction) => {
          const offered = actionsIn(s).includes(a);
          const d = decideDecoration(s, a, all);
          return offered === d.ok;
        },
      ),
    );
  });
});

describe('the 48-hour closed-water test', () => {
  const start = new Date('2026-12-01T00:00:00Z');
  it.each([
    [48, 'pass', true],
    [47.9, 'pass', false],
    [72, 'fail', false],
  ] as const)('%s h ending %s → %s', (hours, result, passed) => {
    expect(
      waterTestPassed(
        { startedAt: start, endedAt: new Date(start.getTime() + hours * 3_600_000), result },
        48,
      ),
    ).toBe(passed);
  });
  it('is not passed while running', () => {
    expect(waterTestPassed({ startedAt: start, endedAt: null, result: null }, 48)).toBe(false);
  });
});

describe('worker pass at the gate', () => {
  it.each([
    [null, 'unknown'],
    [{ revoked: true, state: 'in_progress', endsOn: '2026-12-31' }, 'revoked'],
    [{ revoked: false, state: 'in_progress', endsOn: '2026-12-01' }, 'expired'],
    [{ revoked: false, state: 'applied', endsOn: '2026-12-31' }, 'not_active'],
    [{ revoked: false, state: 'approved', endsOn: '2026-12-31' }, 'ok'],
    [{ revoked: false, state: 'in_progress', endsOn: '2026-12-06' }, 'ok'],
  ] as const)('%o → %s', (p, reason) => {
    expect(workerPassVerdict(p, '2026-12-06')).toBe(reason);
  });
});
