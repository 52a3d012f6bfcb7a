import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  displayTimeZone,
  formatDateTime,
  formatExactDateTime,
  formatHumanDateTime,
  setDisplayTimeZone,
} from './format';

const AT = '2026-03-02T00:35:07.000Z';
const NOW_2026 = new Date('2026-12-06T00:35:00Z');

afterEach(() => setDisplayTimeZone(null));

describe('console time formatting', () => {
  it('reads Shanghai until a project is chosen, then that project’s clock', () => {
    expect(displayTimeZone()).toBe('Asia/Shanghai');
    expect(formatDateTime(AT, undefined, NOW_2026)).toBe('03-02 08:35');
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatDateTime(AT, undefined, NOW_2026)).toBe('03-02 09:35');
    expect(formatHumanDateTime(AT, 'zh-CN')).toMatch(/^(2026年)?3月2日 09:35$/);
    expect(formatHumanDateTime(AT, 'en')).toMatch(/^Mar 2, (2026, )?09:35$/);
  });

  it('an explicit zone (the portal’s estate) wins, and a missing value is a dash', () => {
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatDateTime(AT, 'America/New_York', NOW_2026)).toBe('03-01 19:35');
    expect(formatHumanDateTime(AT, 'zh-CN', 'America/New_York')).toMatch(/^(2026年)?3月1日 19:35$/);
    expect(formatHumanDateTime(null, 'zh-CN')).toBe('—');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a time')).toBe('—');
  });

  it.each([
    ['2026-12-06T00:35:07Z', '12-06 08:35'],
    ['2026-01-01T00:00:00Z', '01-01 08:00'],
    // New Year's Eve in UTC is already the next year in Shanghai: the year is the wall clock's.
    ['2025-12-31T16:30:00Z', '01-01 00:30'],
    ['2025-12-31T15:59:00Z', '2025-12-31 23:59'],
    ['2024-02-29T04:05:00Z', '2024-02-29 12:05'],
  ])('table form of %s in Shanghai, in 2026: %s', (at, shown) => {
    expect(formatDateTime(at, 'Asia/Shanghai', NOW_2026)).toBe(shown);
  });

  it('is always `MM-DD HH:mm` this year or `YYYY-MM-DD HH:mm` another, never with seconds', () => {
    const instant = fc.date({
      min: new Date('2000-01-01Z'),
      max: new Date('2099-12-31Z'),
      noInvalidDate: true,
    });
    const zone = fc.constantFrom('Asia/Shanghai', 'Asia/Tokyo', 'America/New_York', 'UTC');
    fc.assert(
      fc.property(instant, instant, zone, (at, now, tz) => {
        const shown = formatDateTime(at, tz, now);
        const exact = formatExactDateTime(at, tz);
        const sameYear = exact.slice(0, 4) === formatExactDateTime(now, tz).slice(0, 4);
        expect(shown).toBe(sameYear ? exact.slice(5, 16) : exact.slice(0, 16));
        expect(shown).toMatch(sameYear ? /^\d{2}-\d{2} \d{2}:\d{2}$/ : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      }),
    );
  });
});
