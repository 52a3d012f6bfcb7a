import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKET_PRIORITIES, TICKET_TYPES } from '../../tickets/rules/ticket-kinds';
import { CALENDAR_24X7, DEFAULT_OFFICE_CALENDAR } from './business-calendar';
import {
  clockParams,
  matchPolicy,
  type PolicySubject,
  resolveTargets,
  type SlaPolicy,
  specificity,
} from './policy-match';
import { computeSlaClock } from './sla-clock';

const policy = (id: number, fields: Partial<Omit<SlaPolicy, 'id'>> = {}): SlaPolicy => ({
  id,
  projectId: null,
  ticketType: null,
  categoryId: null,
  priority: null,
  targets: {},
  ...fields,
});

// Category tree: 10 公共区域 › 11 水电 › 12 漏水
const repair: PolicySubject = {
  projectId: 7,
  ticketType: '报修',
  categoryPath: [10, 11, 12],
  priority: '一般',
};

describe('matchPolicy', () => {
  const cases: [string, SlaPolicy[], PolicySubject, number | null][] = [
    ['nothing configured', [], repair, null],
    ['catch-all matches', [policy(1)], repair, 1],
    ['other project does not match', [policy(1, { projectId: 8 })], repair, null],
    ['category off the path does not match', [policy(1, { categoryId: 99 })], repair, null],
    ['wrong priority does not match', [policy(1, { priority: '急' })], repair, null],
    [
      'project beats deep category',
      [policy(1, { categoryId: 12, ticketType: '报修', priority: '一般' }), policy(2, { projectId: 7 })],
      repair,
      2,
    ],
    [
      'deeper category beats shallower',
      [policy(1, { categoryId: 10 }), policy(2, { categoryId: 11 })],
      repair,
      2,
    ],
    [
      'category beats type and priority',
      [policy(1, { ticketType: '报修', priority: '一般' }), policy(2, { categoryId: 10 })],
      repair,
      2,
    ],
    ['type beats priority', [policy(1, { priority: '一般' }), policy(2, { ticketType: '报修' })], repair, 2],
    ['priority beats catch-all', [policy(1), policy(2, { priority: '一般' })], repair, 2],
    [
      'tie broken by lower id',
      [policy(5, { ticketType: '报修' }), policy(3, { ticketType: '报修' })],
      repair,
      3,
    ],
    [
      'shallow path: level-3 policy does not match a level-1 ticket',
      [policy(1, { categoryId: 12 })],
      { ...repair, categoryPath: [10] },
      null,
    ],
  ];
  it.each(cases)('%s', (_name, policies, subject, expected) => {
    expect(matchPolicy(policies, subject)?.id ?? null).toBe(expected);
  });

  it('specificity reports the depth of the matched category', () => {
    expect(specificity(policy(1, { categoryId: 11, projectId: 7 }), repair)).toEqual([1, 2, 0, 0]);
  });

  it('the winner is at least as specific as every other match (property)', () => {
    const policyArb = fc.record({
      id: fc.integer({ min: 1, max: 50 }),
      projectId: fc.constantFrom(null, 7, 8),
      ticketType: fc.constantFrom(null, ...TICKET_TYPES),
      categoryId: fc.constantFrom(null, 10, 11, 12, 99),
      priority: fc.constantFrom(null, ...TICKET_PRIORITIES),
      targets: fc.constant({}),
    });
    fc.assert(
      fc.property(fc.array(policyArb, { maxLength: 12 }), (policies) => {
        const winner = matchPolicy(policies, repair);
        const matching = policies.filter((p) => specificity(p, repair));
        expect(winner === null).toBe(matching.length === 0);
        if (!winner) return;
        const w = specificity(winner, repair)!.join(',');
        for (const p of matching) {
          const k = specificity(p, repair)!;
          const cmp = k.map((v, i) => v - specificity(winner, repair)![i]!).find((d) => d !== 0) ?? 0;
          expect(cmp <= 0, `${k.join(',')} beats winner ${w}`).toBe(true);
          if (cmp === 0) expect(p.id).toBeGreaterThanOrEqual(winner.id);
        }
      }),
    );
  });
});

describe('resolveTargets with the seed defaults', () => {
  it('urgent repair: 15 min arrival and 6 h fix on 24x7 (Q31, Q33), callback 48 h (Q37), required (Q39)', () => {
    const r = resolveTargets([], { ...repair, priority: '急' });
    expect(r.targets.arrive?.target).toEqual({ minutes: 15, calendar: '24x7' });
    expect(r.targets.resolve?.target).toEqual({ minutes: 360, calendar: '24x7' });
    expect(r.targets.callback?.target).toEqual({ minutes: 2880, calendar: '24x7' });
    expect(r.callbackPolicy).toBe('required');
  });

  it('ordinary repair: 30 business min arrival (Q33), 1 business day or appointment (Q32)', () => {
    const r = resolveTargets([], repair);
    expect(r.targets.arrive?.target).toMatchObject({
      minutes: 30,
      calendar: 'business',
      appointmentOverrides: true,
    });
    expect(r.targets.resolve?.target).toMatchObject({ businessDays: 1, appointmentOverrides: true });
    expect(r.targets.reply).toBeUndefined();
  });

  it('complaint: reply within 4 working days (Q50)', () => {
    const r = resolveTargets([], { ...repair, ticketType: '投诉' });
    const params = clockParams(r.targets.reply!.target, DEFAULT_OFFICE_CALENDAR);
    expect(params.targetMinutes).toBe(4 * 450);
    const clock = computeSlaClock({
      ...params,
      startedAt: new Date('2025-09-22T10:00:00+08:00'),
      now: new Date('2025-09-22T10:00:00+08:00'),
    });
    expect(clock.deadline.toISOString()).toBe(new Date('2025-09-26T10:00:00+08:00').toISOString());
  });

  it('a project policy overrides one clock and inherits the rest', () => {
    const mine = policy(1, {
      projectId: 7,
      ticketType: '报修',
      targets: { arrive: { minutes: 20, calendar: 'business' } },
    });
    const r = resolveTargets([mine], repair);
    expect(r.targets.arrive).toEqual({ target: { minutes: 20, calendar: 'business' }, policyId: 1 });
    expect(r.targets.resolve?.policyId).toBe(-3);
    expect(r.targets.callback?.policyId).toBe(-4);
  });

  it('a configured policy beats a default of equal specificity; a catch-all does not beat urgent', () => {
    const companyRepair = policy(9, {
      ticketType: '报修',
      targets: { arrive: { minutes: 45, calendar: 'business' } },
    });
    const catchAll = policy(2, {
      targets: { arrive: { minutes: 60, calendar: 'business' } },
      callbackPolicy: 'never',
    });
    expect(resolveTargets([companyRepair], repair).targets.arrive?.policyId).toBe(9);
    const urgent = resolveTargets([catchAll, companyRepair], { ...repair, priority: '急' });
    expect(urgent.targets.arrive?.policyId).toBe(-2);
    // The catch-all is configured, so it beats the default catch-all's callback policy.
    expect(urgent.callbackPolicy).toBe('never');
  });

  it('clockParams picks the 24x7 calendar or the project calendar', () => {
    expect(clockParams({ minutes: 15, calendar: '24x7' }, DEFAULT_OFFICE_CALENDAR).calendar).toBe(
      CALENDAR_24X7,
    );
    expect(clockParams({ businessDays: 2, calendar: '24x7' }, DEFAULT_OFFICE_CALENDAR).targetMinutes).toBe(
      2880,
    );
    expect(clockParams({ businessDays: 1, calendar: 'business' }, DEFAULT_OFFICE_CALENDAR)).toEqual({
      calendar: DEFAULT_OFFICE_CALENDAR,
      targetMinutes: 450,
    });
  });
});
