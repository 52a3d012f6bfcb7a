import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escalationLevel, MAX_SUPERVISION_LEVEL, nextEscalationAt, rolesForLevel } from './supervision';

const DEADLINE = new Date('2026-12-06T18:00:00+08:00');
const at = (hours: number) => new Date(DEADLINE.getTime() + hours * 3_600_000);

describe('督办 escalation', () => {
  const cases: [number, number][] = [
    [-5, 0],
    [-0.01, 0],
    [0, 1],
    [23.9, 1],
    [24, 2],
    [47, 2],
    [48, 3],
    [500, 3],
  ];
  it.each(cases)('%s h after the deadline → level %s', (hours, level) => {
    expect(escalationLevel(DEADLINE, at(hours), 24)).toBe(level);
  });

  it('next step times', () => {
    expect(nextEscalationAt(DEADLINE, 0, 24)).toEqual(DEADLINE);
    expect(nextEscalationAt(DEADLINE, 1, 24)).toEqual(at(24));
    expect(nextEscalationAt(DEADLINE, 2, 24)).toEqual(at(48));
    expect(nextEscalationAt(DEADLINE, 3, 24)).toBeNull();
  });

  it('climbs the SLA chain', () => {
    const chain = { warning: ['cs_lead'], lastWarning: ['cs_supervisor'], breach: ['project_manager'] };
    expect([0, 1, 2, 3].map((l) => rolesForLevel(chain, l))).toEqual([
      [],
      ['cs_lead'],
      ['cs_supervisor'],
      ['project_manager'],
    ]);
  });

  it('never goes down as time passes, and reaching a level happens at its step time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 200 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 72 }),
        (h, more, step) => {
          const a = escalationLevel(DEADLINE, at(h), step);
          const b = escalationLevel(DEADLINE, at(h + more), step);
          expect(b).toBeGreaterThanOrEqual(a);
          expect(b).toBeLessThanOrEqual(MAX_SUPERVISION_LEVEL);
          const next = nextEscalationAt(DEADLINE, a, step);
          if (next) expect(escalationLevel(DEADLINE, next, step)).toBe(a + 1);
        },
      ),
    );
  });
});
