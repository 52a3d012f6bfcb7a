import { describe, expect, it } from 'vitest';
import { availabilityRate, downHours } from './availability';

const from = new Date('2026-11-30T16:00:00Z');
const to = new Date('2026-12-31T16:00:00Z');
const at = (iso: string) => new Date(iso);

describe('downtime within a month', () => {
  it.each<[string, Parameters<typeof downHours>[0], number]>([
    ['always running', [], 0],
    [
      'down 10 hours inside the month',
      [
        { toStatus: '维修中', at: at('2026-12-05T00:00:00Z') },
        { toStatus: '运行', at: at('2026-12-05T10:00:00Z') },
      ],
      10,
    ],
    [
      'down before the month, back on day one',
      [
        { toStatus: '停用', at: at('2026-11-20T00:00:00Z') },
        { toStatus: '运行', at: at('2026-11-30T22:00:00Z') },
      ],
      6,
    ],
    ['down at the month end counts to the end', [{ toStatus: '维修中', at: at('2026-12-31T06:00:00Z') }], 10],
    ['changes after the month are ignored', [{ toStatus: '维修中', at: at('2027-01-02T00:00:00Z') }], 0],
  ])('%s', (_name, changes, hours) => {
    expect(downHours(changes, from, to)).toBeCloseTo(hours, 5);
  });

  it('availability rate', () => {
    expect(availabilityRate(10, 744, 0)).toBe(1);
    expect(availabilityRate(2, 100, 50)).toBe(0.75);
    expect(availabilityRate(0, 744, 0)).toBe(1);
  });
});
