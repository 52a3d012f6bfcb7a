import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countGrades, gradeOf, patrolStatusOf } from './grade';

const at = (hhmm: string) => new Date(`2026-12-06T${hhmm}:00+08:00`);
const window = { windowFrom: at('20:20'), windowTo: at('20:40') };
const closes = at('22:00');

describe('a point’s grade', () => {
  it.each([
    ['scanned before the window', '20:10', '21:00', '提前'],
    ['scanned at the window’s start', '20:20', '21:00', '按时'],
    ['scanned inside', '20:31', '21:00', '按时'],
    ['scanned at the window’s end', '20:40', '21:00', '按时'],
    ['scanned after the window', '20:41', '21:00', '迟到'],
    ['scanned in the grace period', '21:59', '23:00', '迟到'],
    ['not scanned, patrol still open', null, '21:00', null],
    ['not scanned, patrol closed', null, '22:00', '漏检'],
    ['not scanned, long after', null, '23:30', '漏检'],
  ] as const)('%s', (_what, scanned, now, grade) => {
    expect(gradeOf({ ...window, scannedAt: scanned ? at(scanned) : null }, closes, at(now))).toBe(grade);
  });

  it('a scanned point’s grade does not change with the time it is asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -600, max: 600 }),
        fc.integer({ min: 0, max: 3000 }),
        (scanMin, nowMin) => {
          const scannedAt = new Date(at('20:30').getTime() + scanMin * 60_000);
          const now = new Date(at('20:00').getTime() + nowMin * 60_000);
          const g = gradeOf({ ...window, scannedAt }, closes, now);
          expect(g).toBe(gradeOf({ ...window, scannedAt }, closes, closes));
          expect(g).not.toBe('漏检');
        },
      ),
    );
  });
});

describe('a patrol’s status', () => {
  it.each([
    [0, 8, false, '待巡'],
    [3, 8, false, '进行中'],
    [8, 8, false, '已完成'],
    [8, 8, true, '已完成'],
    [7, 8, true, '漏检'],
    [0, 8, true, '漏检'],
  ] as const)('%i of %i scanned, closed %s → %s', (scanned, planned, closed, status) => {
    expect(patrolStatusOf(scanned, planned, closed)).toBe(status);
  });

  it('counts add up to the points planned', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('按时', '提前', '迟到', '漏检', null)), (grades) => {
        const c = countGrades(grades as never);
        expect(c.onTime + c.early + c.late + c.missed + grades.filter((g) => g === null).length).toBe(
          c.planned,
        );
        expect(c.scanned).toBe(c.onTime + c.early + c.late);
      }),
    );
  });
});
