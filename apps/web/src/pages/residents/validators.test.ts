import { describe, expect, it } from 'vitest';
import { validIdNumber, validPhone } from './validators';

describe('resident form validators', () => {
  it('checks the ID number check digit', () => {
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false);
    expect(validIdNumber('123')).toBe(false);
  });
  it('accepts mobiles and landlines with area code', () => {
    expect(validPhone('13812345678')).toBe(true);
    expect(validPhone('021-68881234')).toBe(true);
    expect(validPhone('12345')).toBe(false);
  });
});
