import { describe, expect, it } from 'vitest';
import { ageHours, overdueOpen, type ReplyFacts, replyLate } from './overdue';

const NOW = new Date('2026-12-06T10:00:00Z');
const h = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const base: ReplyFacts = { status: '处理中', replyDueAt: h(-1), resolvedAt: null, closedAt: null };

describe('reply deadline (Q50)', () => {
  const cases: [string, ReplyFacts, boolean, boolean][] = [
    ['open, past due', base, true, true],
    ['open, not yet due', { ...base, replyDueAt: h(1) }, false, false],
    ['resolved in time', { ...base, status: '待回访', resolvedAt: h(-2) }, false, false],
    ['resolved late', { ...base, status: '待回访', resolvedAt: h(-0.5) }, true, false],
    ['closed late without resolution', { ...base, status: '已关闭', closedAt: h(-0.5) }, true, false],
    ['cancelled', { ...base, status: '已取消' }, false, false],
    ['no clock', { ...base, replyDueAt: null }, false, false],
  ];
  it.each(cases)('%s', (_n, facts, late, open) => {
    expect(replyLate(facts, NOW)).toBe(late);
    expect(overdueOpen(facts, NOW)).toBe(open);
  });

  it('age in whole hours', () => {
    expect(ageHours(h(-25.5), null, NOW)).toBe(25);
    expect(ageHours(h(-25.5), h(-20), NOW)).toBe(5);
  });
});
