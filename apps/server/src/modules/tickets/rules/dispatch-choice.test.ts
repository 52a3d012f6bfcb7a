import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseTechnician,
  type DispatchMode,
  fallbackOrder,
  ineligibility,
  isEligible,
  rankCandidates,
  type TechnicianCandidate,
} from './dispatch-choice';

const at = (hhmm: string) => new Date(`2025-09-22T${hhmm}:00+08:00`);
const tech = (id: number, over: Partial<TechnicianCandidate> = {}): TechnicianCandidate => ({
  id,
  onDuty: true,
  skills: ['水电'],
  openCount: 0,
  cap: 5,
  lastAssignedAt: null,
  ...over,
});

const team = [
  tech(1, { openCount: 3, lastAssignedAt: at('08:00') }),
  tech(2, { openCount: 1, lastAssignedAt: at('10:00') }),
  tech(3, { openCount: 0, onDuty: false }), // off duty: never picked
  tech(4, { openCount: 5, cap: 5, lastAssignedAt: at('07:00') }), // at cap
  tech(5, { openCount: 0, skills: ['木工'] }), // wrong skill
  tech(6, { openCount: 2, lastAssignedAt: at('09:00'), cap: null }),
];

describe('chooseTechnician', () => {
  const cases: [string, DispatchMode, string | null, number | null | undefined, number | null][] = [
    ['round-robin: least recently assigned', 'round-robin', '水电', undefined, 1],
    ['least-load: fewest open orders', 'least-load', '水电', undefined, 2],
    ['no skill needed: the idle carpenter wins least-load', 'least-load', null, undefined, 5],
    ['round-robin: never-assigned goes first', 'round-robin', null, undefined, 5],
    ['nobody has the skill', 'round-robin', '电梯', undefined, null],
    ['assign: eligible pick is confirmed', 'assign', '水电', 6, 6],
    ['assign: off-duty pick refused', 'assign', '水电', 3, null],
    ['assign: pick at cap refused', 'assign', '水电', 4, null],
    ['assign: nobody picked yet', 'assign', '水电', undefined, null],
    ['grab: wrong skill refused', 'grab', '水电', 5, null],
    ['grab: eligible grabber', 'grab', '水电', 2, 2],
    ['grab: unknown technician', 'grab', '水电', 42, null],
  ];
  it.each(cases)('%s', (_name, mode, requiredSkill, pickedId, expected) => {
    expect(chooseTechnician({ candidates: team, requiredSkill, mode, pickedId })).toBe(expected);
  });

  it('ties break by lower id', () => {
    const twins = [tech(8), tech(7)];
    expect(chooseTechnician({ candidates: twins, requiredSkill: '水电', mode: 'least-load' })).toBe(7);
    expect(chooseTechnician({ candidates: twins, requiredSkill: '水电', mode: 'round-robin' })).toBe(7);
  });

  it('round-robin rotates through the eligible team', () => {
    let people = [tech(1), tech(2), tech(3), tech(4, { onDuty: false })];
    const picked: (number | null)[] = [];
    for (let i = 0; i < 6; i++) {
      const id = chooseTechnician({ candidates: people, requiredSkill: '水电', mode: 'round-robin' });
      picked.push(id);
      people = people.map((p) => (p.id === id ? { ...p, lastAssignedAt: new Date(1_000 + i) } : p));
    }
    expect(picked).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it('explains ineligibility', () => {
    expect(ineligibility(tech(1, { onDuty: false, skills: [], openCount: 2, cap: 2 }), '水电')).toEqual([
      'missing-skill',
      'off-duty',
      'at-cap',
    ]);
    expect(ineligibility(tech(1, { cap: 0 }), null)).toEqual(['at-cap']);
  });

  it('properties: automatic picks are eligible, and null only when nobody is', () => {
    const candidate = fc.record({
      id: fc.integer({ min: 1, max: 1000 }),
      onDuty: fc.boolean(),
      skills: fc.subarray(['水电', '木工', '电梯']),
      openCount: fc.integer({ min: 0, max: 6 }),
      cap: fc.option(fc.integer({ min: 0, max: 6 })),
      lastAssignedAt: fc.option(fc.integer({ min: 0, max: 1e6 }).map((ms) => new Date(ms))),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 8 }),
        fc.constantFrom(null, '水电', '电梯'),
        fc.constantFrom<DispatchMode>('round-robin', 'least-load'),
        (candidates, requiredSkill, mode) => {
          const id = chooseTechnician({ candidates, requiredSkill, mode });
          const eligible = candidates.filter((c) => isEligible(c, requiredSkill));
          if (id === null) {
            expect(eligible).toEqual([]);
            return;
          }
          const chosen = candidates.find((c) => c.id === id)!;
          expect(isEligible(chosen, requiredSkill)).toBe(true);
          if (mode === 'least-load') {
            expect(chosen.openCount).toBe(Math.min(...eligible.map((c) => c.openCount)));
          }
          // The assign list puts every eligible technician above every ineligible one.
          const ranked = rankCandidates(candidates, requiredSkill).map((r) => r.eligible);
          expect(ranked).toEqual([...ranked].sort((a, b) => Number(b) - Number(a)));
        },
      ),
    );
  });
});

describe('rankCandidates', () => {
  it('orders by skill, then on duty, then under cap, then load', () => {
    const ranked = rankCandidates(team, '水电');
    expect(ranked.map((r) => r.candidate.id)).toEqual([2, 6, 1, 4, 3, 5]);
    expect(ranked.find((r) => r.candidate.id === 4)).toMatchObject({ eligible: false, reasons: ['at-cap'] });
  });
});

describe('fallbackOrder (first choice busy with a concurrent dispatch)', () => {
  const tech = (id: number, openCount: number, last: string | null = null) => ({
    id,
    onDuty: true,
    skills: ['水电'],
    openCount,
    cap: 5,
    lastAssignedAt: last ? new Date(last) : null,
  });
  it('round-robin: everyone eligible, in rotation order', () => {
    const candidates = [tech(1, 0, '2026-01-02'), tech(2, 3, '2026-01-01'), tech(3, 5, null)];
    expect(
      fallbackOrder({ candidates, requiredSkill: '水电', mode: 'round-robin' }).map((c) => c.id),
    ).toEqual([2, 1]);
  });
  it('least-load: only those no busier than the first choice plus the order he is getting', () => {
    const candidates = [tech(1, 2), tech(2, 3), tech(3, 4), tech(4, 1)];
    expect(fallbackOrder({ candidates, requiredSkill: '水电', mode: 'least-load' }).map((c) => c.id)).toEqual(
      [4, 1],
    );
    expect(fallbackOrder({ candidates: [], requiredSkill: null, mode: 'least-load' })).toEqual([]);
  });
});
