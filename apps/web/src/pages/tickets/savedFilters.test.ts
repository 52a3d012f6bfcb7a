import { describe, expect, it } from 'vitest';
import { BUILTIN_FILTERS, filtersOf, ME, sameFilters } from './savedFilters';

describe('ticket list filters in the URL', () => {
  it('reads only filter parameters', () => {
    const params = new URLSearchParams('status=处理中,待回访&sla=warning&page=3&pageSize=50&junk=1');
    expect(filtersOf(params)).toEqual({ status: '处理中,待回访', sla: 'warning' });
  });

  it('recognises a saved filter whatever the order, with "me" as the user', () => {
    const mine = BUILTIN_FILTERS.find((f) => f.key === 'mine')!;
    expect(mine.params.assigneeId).toBe(ME);
    expect(sameFilters(mine.params, { open: 'true', assigneeId: '42' }, 42)).toBe(true);
    expect(sameFilters(mine.params, { open: 'true', assigneeId: '7' }, 42)).toBe(false);
    expect(sameFilters({}, {}, 42)).toBe(true);
    expect(sameFilters({ sla: 'breached' }, {}, 42)).toBe(false);
  });
});
