import { describe, expect, it } from 'vitest';
import { diff } from './record-event';

describe('diff', () => {
  it('keeps only the fields that changed', () => {
    expect(diff({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [1] })).toEqual({
      before: { b: 'x' },
      after: { b: 'y' },
    });
  });
  it('returns null when nothing changed', () => {
    expect(diff({ a: 1, tags: ['VIP'] }, { tags: ['VIP'] })).toBeNull();
  });
  it('treats null and a value as a change', () => {
    expect(diff({ notes: null as string | null }, { notes: '新备注' })).toEqual({
      before: { notes: null },
      after: { notes: '新备注' },
    });
  });
});
