import { describe, expect, it } from 'vitest';
import { badgeAt, durationParts, formatDuration, splitMinutes } from './sla';

const now = Date.parse('2026-11-22T08:00:00Z');
const inMinutes = (m: number) => new Date(now + m * 60_000).toISOString();

describe('badgeAt', () => {
  it.each([
    ['ok far from the deadline', 'ok', inMinutes(30), 'ok'],
    ['amber within five minutes', 'ok', inMinutes(4), 'warning'],
    ['amber when the server warned', 'warning', inMinutes(60), 'warning'],
    ['red once the deadline passed', 'ok', inMinutes(-1), 'breached'],
    ['red when the server says so', 'breached', inMinutes(60), 'breached'],
    ['nothing running', 'ok', null, null],
    ['a breach stays visible without a running clock', 'breached', null, 'breached'],
  ] as const)('%s', (_name, state, due, expected) => {
    expect(badgeAt(state, due, now)).toBe(expected);
  });
});

describe('durations', () => {
  const words = { day: 'd', hour: 'h', minute: 'm' };
  it.each([
    [59_000, '00:59'],
    [5 * 60_000 + 3_000, '05:03'],
    [3 * 3_600_000 + 5 * 60_000, '3h05m'],
    [2 * 86_400_000 + 3 * 3_600_000, '2d3h'],
    [-90_000, '01:30'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms, words)).toBe(text));

  it('knows the sign', () => {
    expect(durationParts(-1000).negative).toBe(true);
    expect(durationParts(1000).negative).toBe(false);
  });

  it('splits targets into whole units', () => {
    expect(splitMinutes(15)).toEqual({ value: 15, unit: 'minutes' });
    expect(splitMinutes(360)).toEqual({ value: 6, unit: 'hours' });
    expect(splitMinutes(2880)).toEqual({ value: 2, unit: 'days' });
    expect(splitMinutes(90)).toEqual({ value: 90, unit: 'minutes' });
  });
});
