import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';
import { formatPhone } from './phone-format';

describe('formatPhone', () => {
  it.each([
    ['13812345678', '138 1234 5678'],
    ['+8613812345678', '138 1234 5678'],
    ['008613812345678', '138 1234 5678'],
    ['138-1234-5678', '138 1234 5678'],
    ['021-68881234', '021-6888 1234'],
    ['02168881234', '021-6888 1234'],
    ['+862168881234', '021-6888 1234'],
    ['0571-8881234', '0571-888 1234'],
    ['057188812345', '0571-8881 2345'],
    ['021-68881234-8001', '021-6888 1234 转 8001'],
    ['13812345678转8001', '138 1234 5678 转 8001'],
    ['4001234567', '400-123-4567'],
    ['95588', '95588'],
    ['138****5678', '138 **** 5678'],
    ['+1 415 555 0100', '+1 415 555 0100'],
    ['前台', '前台'],
    ['', ''],
    [null, ''],
  ])('%s → %s', (raw, shown) => {
    expect(formatPhone(raw)).toBe(shown);
  });

  const mobile = fc
    .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), fc.stringMatching(/^\d{9}$/))
    .map(([second, rest]) => `1${second}${rest}`);

  it('a mainland mobile reads 3-4-4 without +86, in whichever form it was typed', () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '+86', '0086', '+86 '), (n, prefix) => {
        const shown = formatPhone(`${prefix}${n}`);
        expect(shown).toMatch(/^1\d{2} \d{4} \d{4}$/);
        expect(shown).not.toContain('+86');
        expect(shown.replace(/ /g, '')).toBe(n);
      }),
    );
  });

  it('never loses a digit of a number it understands, and formatting twice changes nothing', () => {
    const landline = fc
      .tuple(fc.constantFrom('010', '021', '0571', '0755', '0931'), fc.stringMatching(/^[2-8]\d{6,7}$/))
      .map(([area, sub]) => `${area}${sub}`);
    fc.assert(
      fc.property(fc.oneof(mobile, landline), (n) => {
        const shown = formatPhone(n);
        expect(normalizePhone(shown)?.national).toBe(normalizePhone(n)?.national);
        expect(formatPhone(shown)).toBe(shown);
      }),
    );
  });
});
