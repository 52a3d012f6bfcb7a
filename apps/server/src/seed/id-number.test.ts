import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validIdNumber } from '../modules/residents/inputs';
import { idCheckDigit, makeIdNumber, randomBirthDate, randomIdNumber, SHANGHAI_REGIONS } from './id-number';
import { createRng } from './prng';

describe('idCheckDigit', () => {
  it.each([
    // The worked example of GB 11643-1999 and a few hand-checked numbers.
    ['11010519491231002', 'X'],
    ['11010119900307123', '3'],
    ['44052418800101001', '4'],
    ['31010419800101001', '7'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckDigit(first17)).toBe(check);
  });

  it('rejects anything but 17 digits', () => {
    expect(() => idCheckDigit('1234')).toThrow();
  });
});

describe('makeIdNumber', () => {
  it('encodes region, birth date and gender parity', () => {
    const id = makeIdNumber('310115', '1985-07-09', 123, '女');
    expect(id.slice(0, 6)).toBe('310115');
    expect(id.slice(6, 14)).toBe('19850709');
    expect(Number(id[16]) % 2).toBe(0);
    expect(validIdNumber(id)).toBe(true);
  });

  it('always passes the check digit, with the gender in the 17th digit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHANGHAI_REGIONS),
        fc.date({
          min: new Date('1940-01-01T00:00:00Z'),
          max: new Date('2000-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('男' as const, '女' as const),
        (region, date, seq, gender) => {
          const id = makeIdNumber(region, date.toISOString().slice(0, 10), seq, gender);
          return validIdNumber(id) && id.length === 18 && Number(id[16]) % 2 === (gender === '男' ? 1 : 0);
        },
      ),
    );
  });
});

describe('randomBirthDate / randomIdNumber', () => {
  it('produce calendar dates in range and valid numbers for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = createRng(seed);
        const date = randomBirthDate(rng, 1940, 2000);
        const parsed = new Date(`${date}T00:00:00Z`);
        const id = randomIdNumber(rng, date, '男');
        return (
          parsed.toISOString().slice(0, 10) === date &&
          date >= '1940-01-01' &&
          date <= '2000-12-31' &&
          validIdNumber(id) &&
          id.startsWith('310')
        );
      }),
    );
  });
});
