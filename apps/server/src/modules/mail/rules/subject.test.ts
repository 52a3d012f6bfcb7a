import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replySubject, stripReplyPrefixes, ticketNumberIn, titleFrom } from './subject';

const ticketNumber = fc
  .tuple(
    fc.constantFrom('BX', 'TS', 'ZX', 'JY'),
    fc.stringMatching(/^[A-Z0-9]{1,16}$/),
    fc.integer({ min: 20200101, max: 20991231 }),
    fc.nat(9999),
  )
  .map(([p, code, d, n]) => `${p}-${code}-${d}-${String(n).padStart(4, '0')}`);

describe('ticketNumberIn', () => {
  it.each<[string, string | null]>([
    ['Re: 厨房漏水 [BX-JXHY-20261122-0007]', 'BX-JXHY-20261122-0007'],
    ['[TS-JXHY-20260101-0123] 投诉', 'TS-JXHY-20260101-0123'],
    ['回复：电梯异响 [BX-JXHY-20261122-12345]', 'BX-JXHY-20261122-12345'],
    ['BX-JXHY-20261122-0007 without brackets', null],
    ['[bx-20261122-0007] lower case', null],
    ['厨房漏水', null],
  ])('%s → %s', (subject, expected) => expect(ticketNumberIn(subject)).toBe(expected));
});

describe('stripReplyPrefixes', () => {
  it.each([
    ['Re: 漏水', '漏水'],
    ['RE: Fwd: re: 漏水', '漏水'],
    ['回复：答复: 漏水', '漏水'],
    ['Re[2]: 漏水', '漏水'],
    ['Repair of the gate', 'Repair of the gate'],
  ])('%s → %s', (subject, expected) => expect(stripReplyPrefixes(subject)).toBe(expected));
});

describe('replySubject', () => {
  it.each([
    ['厨房漏水', 'BX-JXHY-20261122-0007', 'Re: 厨房漏水 [BX-JXHY-20261122-0007]'],
    ['Re: 厨房漏水 [BX-JXHY-20261122-0007]', 'BX-JXHY-20261122-0007', 'Re: 厨房漏水 [BX-JXHY-20261122-0007]'],
    ['', 'ZX-JXHY-20261122-0001', 'Re: [ZX-JXHY-20261122-0001]'],
  ])('%s → %s', (original, number, expected) => expect(replySubject(original, number)).toBe(expected));

  it('always carries the number, once, and is stable when replied to again', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), ticketNumber, (original, number) => {
        const once = replySubject(original, number);
        expect(ticketNumberIn(once)).toBe(number);
        expect(once.split(`[${number}]`).length).toBe(2);
        expect(replySubject(`Re: ${once}`, number)).toBe(once);
      }),
    );
  });
});

describe('titleFrom', () => {
  it.each([
    ['Re: 厨房漏水', 'body', '厨房漏水'],
    ['', '  楼上\n渗水到我家  ', '楼上 渗水到我家'],
    ['', '', '(无主题邮件)'],
  ])('%s / %s → %s', (subject, body, expected) => expect(titleFrom(subject, body)).toBe(expected));

  it('never exceeds the maximum length in characters', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 1, max: 100 }), (s, b, max) => {
        expect([...titleFrom(s, b, max)].length).toBeLessThanOrEqual(max);
      }),
    );
  });
});
