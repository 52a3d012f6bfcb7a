import { describe, expect, it } from 'vitest';
import { isIanaTimeZone, zonedStamp } from './zoned';

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

describe('zonedStamp', () => {
  it.each([
    ['2026-12-05T18:10:00Z', 'Asia/Shanghai', '2026-12-06 02:10'],
    ['2026-12-05T16:00:00Z', 'Asia/Shanghai', '2026-12-06 00:00'],
    ['2026-07-01T12:05:00Z', 'Europe/London', '2026-07-01 13:05'],
  ])('%s in %s reads %s', (at, zone, stamp) => {
    expect(zonedStamp(at, zone)).toBe(stamp);
  });
});
