import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '+8613812345678', '13812345678', 'mobile', undefined],
    ['138 1234 5678', '+8613812345678', '13812345678', 'mobile', undefined],
    ['+86 138-1234-5678', '+8613812345678', '13812345678', 'mobile', undefined],
    ['008613812345678', '+8613812345678', '13812345678', 'mobile', undefined],
    ['8613812345678', '+8613812345678', '13812345678', 'mobile', undefined],
    ['021-68881234', '+862168881234', '02168881234', 'landline', undefined],
    ['(021) 6888 1234', '+862168881234', '02168881234', 'landline', undefined],
    ['+86 21 6888 1234', '+862168881234', '02168881234', 'landline', undefined],
    ['010-88886666', '+861088886666', '01088886666', 'landline', undefined],
    ['0755-2345678', '+867552345678', '07552345678', 'landline', undefined],
    ['021-68881234-8001', '+862168881234', '02168881234', 'landline', '8001'],
    ['021-68881234转8001', '+862168881234', '02168881234', 'landline', '8001'],
    ['02168881234 ext 12', '+862168881234', '02168881234', 'landline', '12'],
    ['4008123123', '+864008123123', '4008123123', 'service', undefined],
    ['95511', '+8695511', '95511', 'service', undefined],
  ])('%s → %s', (raw, e164, national, kind, extension) => {
    const n = normalizePhone(raw);
    expect(n).toEqual(extension ? { e164, national, kind, extension } : { e164, national, kind });
  });

  it.each(['', '12345', '12812345678', 'abc', '+1 415 555 0100', '138123456789', '021-1234'])(
    'rejects %j',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );

  it('completes a local landline with the project area code', () => {
    expect(normalizePhone('68881234', { areaCode: '021' })?.e164).toBe('+862168881234');
    expect(normalizePhone('68881234')).toBeNull();
  });

  it('every formatting of a mobile gives the same key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.stringMatching(/^\d{9}$/),
        fc.constantFrom('', '+86', '0086', '+86 '),
        (second, rest, prefix) => {
          const national = `1${second}${rest}`;
          const spaced = `${prefix}${national.slice(0, 3)} ${national.slice(3, 7)}-${national.slice(7)}`;
          expect(normalizePhone(spaced)?.national).toBe(national);
          expect(normalizePhone(national)?.e164).toBe(`+86${national}`);
        },
      ),
    );
  });
});

describe('masking', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '138****5678'],
    ['021-68881234', '021****1234'],
    ['123', '****'],
  ])('maskPhone(%s) = %s', (raw, masked) => expect(maskPhone(raw)).toBe(masked));

  it('masks ID numbers keeping region and last four', () => {
    expect(maskIdNumber('110101199003071233')).toBe('110101********1233');
    expect(maskIdNumber('1234')).toBe('****');
  });
});
