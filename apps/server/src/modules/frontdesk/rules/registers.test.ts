import { DESK_STATUSES, type DeskRegister, type DeskStatus } from '@guanjia/shared/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeFromScan,
  type DeskAction,
  type DeskActor,
  gateVerdict,
  makeCode,
  nextStatus,
  parcelDue,
  REGISTER_TYPES,
  registerOfCode,
} from './registers';

const t0 = new Date('2026-12-06T02:00:00Z');
const h = (n: number) => new Date(t0.getTime() + n * 3_600_000);

describe('each register’s state machine', () => {
  const cases: [DeskRegister, DeskStatus, DeskAction, DeskActor, DeskStatus | string][] = [
    ['visitor', '待确认', 'confirm', 'resident', '有效'],
    ['visitor', '有效', 'confirm', 'resident', 'not_from_here'],
    ['visitor', '有效', 'revoke', 'desk', '已作废'],
    ['visitor', '已用完', 'revoke', 'desk', 'not_from_here'],
    ['visitor', '有效', 'expire', 'job', '已过期'],
    ['visitor', '有效', 'expire', 'desk', 'not_yours'],
    ['visitor', '有效', 'pickup', 'desk', 'no_such_move'],
    ['parcel', '待取', 'pickup', 'desk', '已取件'],
    ['parcel', '待取', 'deliver', 'desk', '已送达'],
    ['parcel', '已取件', 'pickup', 'desk', 'not_from_here'],
    ['parcel', '待取', 'abandon', 'job', '已弃置'],
    ['parcel', '待取', 'pickup', 'resident', 'not_yours'],
    ['release', '待审批', 'approve', 'desk', '已批准'],
    ['release', '待审批', 'approve', 'resident', 'not_yours'],
    ['release', '待审批', 'reject', 'desk', '已驳回'],
    ['release', '已批准', 'reject', 'desk', 'not_from_here'],
    ['release', '已批准', 'cancel', 'resident', '已取消'],
    ['release', '已放行', 'cancel', 'resident', 'not_from_here'],
    ['release', '已批准', 'expire', 'job', '已过期'],
    ['key', '借出', 'return', 'desk', '已归还'],
    ['key', '已归还', 'return', 'desk', 'not_from_here'],
    ['loan', '借出', 'return', 'desk', '已归还'],
  ];
  it.each(cases)('%s %s —%s by %s→ %s', (register, status, action, by, expected) => {
    const r = nextStatus(register, status, action, by);
    expect(r.ok ? r.to : r.why).toBe(expected);
  });

  it('only ever moves within a register’s own states, and final states have no way out', () => {
    const registers = Object.keys(REGISTER_TYPES) as DeskRegister[];
    const actions: DeskAction[] = [
      'confirm',
      'revoke',
      'expire',
      'pickup',
      'deliver',
      'abandon',
      'approve',
      'reject',
      'cancel',
      'release',
      'return',
    ];
    const actors: DeskActor[] = ['desk', 'gate', 'resident', 'job'];
    fc.assert(
      fc.property(
        fc.constantFrom(...registers),
        fc.constantFrom(...DESK_STATUSES),
        fc.constantFrom(...actions),
        fc.constantFrom(...actors),
        (register, status, action, by) => {
          const type = REGISTER_TYPES[register];
          const r = nextStatus(register, status, action, by);
          if (!r.ok) return;
          expect(type.states).toContain(status);
          expect(type.states).toContain(r.to);
          expect(type.final).not.toContain(status);
          expect(r.final).toBe(type.final.includes(r.to));
        },
      ),
    );
  });
});

describe('the gate verdict', () => {
  const pass = {
    status: '有效' as DeskStatus,
    validFrom: h(0),
    validUntil: h(4),
    usesAllowed: 2,
    usesCount: 0,
  };
  it.each([
    ['valid inside the window with uses left', pass, h(1), null],
    ['expired after the window', pass, h(4), 'expired'],
    ['not yet before the window', pass, h(-1), 'not_yet_valid'],
    ['used up once the uses are spent', { ...pass, usesCount: 2 }, h(1), 'used_up'],
    ['used up when the status says so', { ...pass, status: '已用完' as DeskStatus }, h(1), 'used_up'],
    ['revoked', { ...pass, status: '已作废' as DeskStatus }, h(1), 'revoked'],
    ['waiting for the host', { ...pass, status: '待确认' as DeskStatus }, h(1), 'pending'],
    ['unlimited long-term pass', { ...pass, usesAllowed: null, usesCount: 999 }, h(1), null],
  ] as const)('%s', (_name, view, now, reason) => {
    const v = gateVerdict('visitor', view, now);
    expect(v.valid ? null : v.reason).toBe(reason);
  });

  it('reads a release slip by its own states, and refuses registers the gate does not check', () => {
    const slip = {
      status: '已批准' as DeskStatus,
      validFrom: h(0),
      validUntil: h(24),
      usesAllowed: 1,
      usesCount: 0,
    };
    expect(gateVerdict('release', slip, h(1))).toEqual({ valid: true });
    expect(gateVerdict('release', { ...slip, status: '待审批' }, h(1))).toEqual({
      valid: false,
      reason: 'pending',
    });
    expect(gateVerdict('release', { ...slip, status: '已放行' }, h(1))).toEqual({
      valid: false,
      reason: 'used_up',
    });
    expect(gateVerdict('release', { ...slip, status: '已驳回' }, h(1))).toEqual({
      valid: false,
      reason: 'revoked',
    });
    expect(gateVerdict('parcel', { ...slip, status: '待取' }, h(1))).toEqual({
      valid: false,
      reason: 'unknown',
    });
  });

  it('never lets through more uses than allowed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 40 }), (allowed, used) => {
        const v = gateVerdict('visitor', { ...pass, usesAllowed: allowed, usesCount: used }, h(1));
        expect(v.valid).toBe(used < allowed);
      }),
    );
  });
});

describe('codes', () => {
  it('carry their register’s prefix and read back from a scan, a link or lower case', () => {
    const code = makeCode('V');
    expect(code).toMatch(/^V-[2-9A-HJ-NP-Z]{8}$/);
    expect(registerOfCode(code)).toBe('visitor');
    expect(registerOfCode('R-ABCDEFGH')).toBe('release');
    expect(registerOfCode('W-ABCDEFGH')).toBeNull();
    expect(codeFromScan(` ${code.toLowerCase()} `)).toBe(code);
    expect(codeFromScan(`https://x.example/portal?pass=${code}&a=1`)).toBe(code);
  });
});

describe('parcel reminders', () => {
  const d = (n: number) => new Date(t0.getTime() + n * 86_400_000);
  it.each([
    [0, false, 'none'],
    [2, false, 'none'],
    [3, false, 'remind'],
    [5, true, 'none'],
    [30, true, 'abandon'],
    [31, false, 'abandon'],
  ] as const)('after %i days (reminded %s): %s', (days, reminded, due) => {
    expect(parcelDue(t0, reminded, d(days), 3, 30)).toBe(due);
  });
});
