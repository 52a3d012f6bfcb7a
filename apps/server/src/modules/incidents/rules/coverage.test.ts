import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coversCategory, coversPlace, type IncidentScope, incidentMatches } from './coverage';

const now = new Date('2026-03-02T10:00:00+08:00');
const base: IncidentScope = {
  status: '进行中',
  startsAt: new Date('2026-03-02T09:00:00+08:00'),
  buildingIds: [3],
  unitIds: [],
  categoryIds: [],
};
const unit31 = { unitId: 31, buildingId: 3 };
const unit41 = { unitId: 41, buildingId: 4 };

describe('incident coverage', () => {
  it.each([
    ['building 3 covers its unit', base, unit31, true],
    ['building 3 does not cover building 4', base, unit41, false],
    ['whole project covers any unit', { ...base, buildingIds: [] }, unit41, true],
    ['a named unit', { ...base, buildingIds: [], unitIds: [41] }, unit41, true],
    ['another named unit', { ...base, buildingIds: [], unitIds: [42] }, unit41, false],
    ['resolved never matches', { ...base, status: '已恢复' as const }, unit31, false],
    ['not started yet', { ...base, startsAt: new Date('2026-03-02T11:00:00+08:00') }, unit31, false],
    [
      'category under the incident',
      { ...base, categoryIds: [7] },
      { ...unit31, categoryPathIds: [1, 7, 9] },
      true,
    ],
    ['other category', { ...base, categoryIds: [7] }, { ...unit31, categoryPathIds: [1, 8] }, false],
    ['no category chosen yet', { ...base, categoryIds: [7] }, { ...unit31, categoryPathIds: null }, true],
  ])('%s', (_name, incident, place, want) => {
    expect(incidentMatches(incident, place, now)).toBe(want);
  });

  const idsArb = fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 5 });
  // An empty scope means the whole project, so widening is only monotonic once something is named.
  it('naming more buildings never loses a place of a named scope; an empty scope covers everything', () => {
    fc.assert(
      fc.property(
        idsArb,
        idsArb,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (b, u, extra, unitId) => {
          const place = { unitId, buildingId: unitId % 5 };
          if ((b.length || u.length) && coversPlace({ buildingIds: b, unitIds: u }, place))
            expect(coversPlace({ buildingIds: [...b, extra], unitIds: u }, place)).toBe(true);
          expect(coversPlace({ buildingIds: [], unitIds: [] }, place)).toBe(true);
        },
      ),
    );
  });

  it('an incident without categories matches every category path', () => {
    fc.assert(
      fc.property(fc.option(idsArb, { nil: null }), (path) => {
        expect(coversCategory({ categoryIds: [] }, path)).toBe(true);
      }),
    );
  });
});
