import { describe, expect, it } from 'vitest';
import { isIanaTimeZone } from './zoned';

describe('isIanaTimeZone', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['Asia/Urumqi', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Etc/GMT-8', true],
    ['Mars/Olympus', false],
    ['', false],
    ['   ', false],
    [' Asia/Shanghai', false],
    // Offsets: Intl may take them, PostgreSQL reads them with the opposite sign.
    ['+08:00', false],
    ['UTC+8', false],
    ['Asia/Shanghai; drop table projects', false],
    [`Asia/${'x'.repeat(60)}`, false],
  ])('%j → %s', (zone, expected) => {
    expect(isIanaTimeZone(zone)).toBe(expected);
  });
});
