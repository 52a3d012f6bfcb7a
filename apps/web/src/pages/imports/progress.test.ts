import { describe, expect, it } from 'vitest';
import { latest, percent } from './progress';

const p = (state: 'pending' | 'running' | 'done' | 'failed', processedRows: number) => ({
  state,
  processedRows,
  totalRows: 10,
  createdCount: 0,
  updatedCount: 0,
  errorCount: 0,
});

describe('import progress', () => {
  it('keeps the furthest progress and lets a finished state win', () => {
    expect(latest(p('running', 3), p('running', 5))?.processedRows).toBe(5);
    expect(latest(p('running', 7), p('running', 5))?.processedRows).toBe(7);
    expect(latest(p('done', 10), p('running', 9))?.state).toBe('done');
    expect(latest(null, p('pending', 0))?.state).toBe('pending');
  });
  it('reaches 100% only when done', () => {
    expect(percent(p('running', 10))).toBe(99);
    expect(percent(p('done', 10))).toBe(100);
    expect(percent(p('running', 5))).toBe(50);
  });
});
