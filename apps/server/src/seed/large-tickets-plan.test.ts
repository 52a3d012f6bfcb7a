import { describe, expect, it } from 'vitest';
import { LARGE_TICKETS, largeTicket } from './large-tickets-plan';

const END = new Date('2026-11-23T10:00:00+08:00');
const N = 20_000;
const all = Array.from({ length: N }, (_, i) => largeTicket(i, N, END));

describe('largeTicket', () => {
  it('is a pure function of its index (a stopped seeding resumes with the same tickets)', () => {
    expect(largeTicket(1234, N, END)).toEqual(all[1234]);
  });

  it('spreads two years evenly up to the end, in id order', () => {
    const first = all[0]!.createdAt.getTime();
    const last = all[N - 1]!.createdAt.getTime();
    expect(END.getTime() - first).toBeGreaterThan((LARGE_TICKETS.days - 1) * 86_400_000);
    expect(last).toBeLessThanOrEqual(END.getTime());
    expect(all.every((t, i) => i === 0 || t.createdAt >= all[i - 1]!.createdAt)).toBe(true);
  });

  it('mixes types, priorities and channels as configured', () => {
    const share = (f: (t: (typeof all)[number]) => boolean) => all.filter(f).length / N;
    expect(share((t) => t.type === '报修')).toBeCloseTo(0.55, 1);
    expect(share((t) => t.type === '投诉')).toBeCloseTo(0.1, 1);
    expect(share((t) => t.priority === '急')).toBeGreaterThan(0.05);
    expect(share((t) => t.channel === 'phone')).toBeCloseTo(0.5, 1);
    expect(share((t) => t.cancelled !== null)).toBeCloseTo(0.04, 1);
  });

  it('gives repairs a work order whose steps come in order, and only repairs', () => {
    // One assertion over all tickets: an expect() per field of tens of thousands of rows takes seconds.
    const wrong = all.filter((t) => {
      const wo = t.workOrder;
      if (Boolean(wo) !== (t.type === '报修')) return true;
      if (!wo) return false;
      return (
        wo.dispatched < t.accepted ||
        wo.accepted < wo.dispatched ||
        wo.arrived < wo.accepted ||
        (wo.completed !== null && wo.completed <= wo.arrived)
      );
    });
    expect(wrong.slice(0, 3)).toEqual([]);
  });
});
