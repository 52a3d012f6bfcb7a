import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNewUid, nextMark, startMark, uidRangeAfter } from './imap-uids';

describe('IMAP UID bookkeeping', () => {
  it.each<[number, string | null, string | null, number]>([
    [41, '7', '7', 41],
    [41, null, '7', 41],
    [41, '7', null, 41],
    [41, '7', '8', 0],
  ])('startMark(%s, stored %s, current %s) = %s', (last, stored, current, expected) =>
    expect(startMark(last, { stored, current })).toBe(expected),
  );

  it.each<[number, string]>([
    [0, '1:*'],
    [41, '42:*'],
  ])('uidRangeAfter(%s) = %s', (mark, range) => expect(uidRangeAfter(mark)).toBe(range));

  it('drops the highest old message that `n:*` returns on an idle mailbox', () => {
    expect(isNewUid(41, 41)).toBe(false);
    expect(isNewUid(42, 41)).toBe(true);
  });

  it('the mark never moves backwards and covers everything taken in', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.array(fc.nat(20_000)), (mark, uids) => {
        const taken = uids.filter((u) => isNewUid(u, mark));
        const next = nextMark(mark, taken);
        expect(next).toBeGreaterThanOrEqual(mark);
        for (const u of taken) expect(isNewUid(u, next)).toBe(false);
      }),
    );
  });
});
