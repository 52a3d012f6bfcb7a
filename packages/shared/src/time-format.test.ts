import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHumanDay, formatHumanTime, humanLocale } from './time-format';
import { zonedParts } from './zoned';

const NOW = new Date('2025-12-10T04:00:00Z');

describe('formatHumanTime', () => {
  it.each([
    // instant, zone, locale, expected
    ['2025-12-06T00:35:00Z', 'Asia/Shanghai', 'zh-CN', '12月6日 08:35'],
    ['2025-12-06T00:35:00Z', 'Asia/Shanghai', 'en', 'Dec 6, 08:35'],
    ['2025-12-06T00:35:00Z', 'Asia/Urumqi', 'zh-CN', '12月6日 06:35'],
    ['2025-12-06T00:35:00Z', 'America/New_York', 'zh-CN', '12月5日 19:35'],
    ['2025-12-06T00:35:00Z', 'Asia/Tokyo', 'en', 'Dec 6, 09:35'],
    ['2025-03-01T16:00:00Z', 'Asia/Shanghai', 'zh-CN', '3月2日 00:00'],
    ['2025-03-01T16:00:00Z', 'Asia/Shanghai', 'en-US', 'Mar 2, 00:00'],
    // Another year in that zone names it.
    ['2024-12-31T15:59:00Z', 'Asia/Shanghai', 'zh-CN', '2024年12月31日 23:59'],
    ['2024-12-31T15:59:00Z', 'Asia/Shanghai', 'en', 'Dec 31, 2024, 23:59'],
    ['2026-01-01T00:00:00Z', 'Asia/Shanghai', 'zh-CN', '2026年1月1日 08:00'],
    // Residents and unknown locales read Chinese.
    ['2025-07-04T02:05:00Z', 'Asia/Shanghai', null, '7月4日 10:05'],
    ['2025-07-04T02:05:00Z', 'Asia/Shanghai', 'fr', '7月4日 10:05'],
  ])('%s in %s (%s) → %s', (at, timeZone, locale, expected) => {
    expect(formatHumanTime(new Date(at), { timeZone, locale, now: NOW })).toBe(expected);
  });

  it('judges "this year" in the project zone, not UTC', () => {
    // 2026-01-01 01:00 in Shanghai is still 2025 in UTC: the same year as `now` there.
    const now = new Date('2026-01-01T03:00:00+08:00');
    const at = new Date('2025-12-31T17:00:00Z');
    expect(formatHumanTime(at, { timeZone: 'Asia/Shanghai', now })).toBe('1月1日 01:00');
    // …and 23:00 on Dec 31 in Shanghai is last year there, though UTC calls both instants 2025.
    const eve = new Date('2025-12-31T15:00:00Z');
    expect(formatHumanTime(eve, { timeZone: 'Asia/Shanghai', now })).toBe('2025年12月31日 23:00');
  });

  it('lets the caller force the year on or off, and accepts an ISO string', () => {
    const at = '2025-12-06T00:35:00.000Z';
    expect(formatHumanTime(at, { timeZone: 'Asia/Shanghai', now: NOW, withYear: true })).toBe(
      '2025年12月6日 08:35',
    );
    expect(formatHumanTime('2020-01-02T03:04:00Z', { timeZone: 'UTC', now: NOW, withYear: false })).toBe(
      '1月2日 03:04',
    );
  });
});

describe('formatHumanDay', () => {
  it.each([
    ['2025-06-30', 'zh-CN', '6月30日'],
    ['2025-06-30', 'en', 'Jun 30'],
    ['2026-01-05', 'zh-CN', '2026年1月5日'],
    ['2026-01-05', 'en', 'Jan 5, 2026'],
  ])('%s (%s) → %s', (day, locale, expected) => {
    expect(formatHumanDay(day, { timeZone: 'Asia/Shanghai', locale, now: NOW })).toBe(expected);
  });
});

describe('humanLocale', () => {
  it('reads English for en*, Chinese otherwise', () => {
    expect([humanLocale('en'), humanLocale('en-GB'), humanLocale('zh-CN'), humanLocale(undefined)]).toEqual([
      'en',
      'en',
      'zh-CN',
      'zh-CN',
    ]);
  });
});

const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'UTC'];
const ZH = /^(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}):(\d{2})$/;
const EN = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}), (\d{2}):(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('formatHumanTime properties', () => {
  const instant = fc.date({
    min: new Date('2000-01-01Z'),
    max: new Date('2099-12-31Z'),
    noInvalidDate: true,
  });
  const zone = fc.constantFrom(...ZONES);

  it('never carries ISO markers (T, Z, a dash-date) whatever the zone, locale or year', () => {
    fc.assert(
      fc.property(instant, instant, zone, fc.constantFrom('zh-CN', 'en'), (at, now, timeZone, locale) => {
        const text = formatHumanTime(at, { timeZone, locale, now });
        expect(text).not.toMatch(/[TZ]|\d{4}-\d{2}|:\d{2}:\d{2}/);
      }),
    );
  });

  it('round-trips the zoned minute in both languages', () => {
    fc.assert(
      fc.property(instant, zone, (at, timeZone) => {
        const p = zonedParts(at, timeZone);
        const zh = ZH.exec(formatHumanTime(at, { timeZone, locale: 'zh-CN', withYear: true }));
        expect(zh?.slice(1).map(Number)).toEqual([p.year, p.month, p.day, p.hour, p.minute]);
        const en = EN.exec(formatHumanTime(at, { timeZone, locale: 'en', withYear: true }));
        expect(en && [MONTHS.indexOf(en[1] ?? '') + 1, ...en.slice(2).map(Number)]).toEqual([
          p.month,
          p.day,
          p.year,
          p.hour,
          p.minute,
        ]);
      }),
    );
  });
});
