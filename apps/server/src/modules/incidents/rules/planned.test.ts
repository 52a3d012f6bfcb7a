import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedProblems, plannedSchedule } from './planned';

const H = 3_600_000;
const now = new Date('2026-03-02T10:00:00+08:00');
const at = (hours: number) => new Date(now.getTime() + hours * H);

describe('planned outage times', () => {
  it.each([
    ['fine', at(24), at(30), []],
    ['no start', null, at(30), ['startsAt']],
    ['start in the past', at(-1), at(3), ['startsAt']],
    ['no end', at(24), null, ['expectedEndAt']],
    ['end before start', at(24), at(20), ['expectedEndAt']],
    ['end equal to start', at(24), at(24), ['expectedEndAt']],
  ])('%s', (_n, startsAt, expectedEndAt, fields) => {
    expect(Object.keys(plannedProblems({ now, startsAt, expectedEndAt }))).toEqual(fields);
  });
});

describe('planned outage schedule', () => {
  it.each([
    ['far ahead: announce at the lead time, both reminders', 71, 48, [24, 2], 23, [47, 69]],
    ['soon: announce now, the earlier reminder dropped', 23, 48, [24, 2], 0, [21]],
    ['very soon: no reminders left', 1, 48, [24, 2], 0, []],
    ['duplicate leads count once', 71, 48, [2, 2], 23, [69]],
  ])('%s', (_n, startIn, announce, leads, announceIn, remindersIn) => {
    const s = plannedSchedule(now, at(startIn), announce, leads);
    expect(s.announceAt).toEqual(at(announceIn));
    expect(s.reminders.map((r) => r.at)).toEqual(remindersIn.map(at));
  });

  it('everything happens from now on, before the start, in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 5 }),
        (startIn, announce, leads) => {
          const s = plannedSchedule(now, at(startIn), announce, leads);
          expect(s.announceAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
          let last = s.announceAt.getTime();
          for (const r of s.reminders) {
            expect(r.at.getTime()).toBeGreaterThan(last);
            expect(r.at.getTime()).toBeLessThan(at(startIn).getTime());
            last = r.at.getTime();
          }
        },
      ),
    );
  });
});
