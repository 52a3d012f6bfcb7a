import { afterEach, describe, expect, it } from 'vitest';
import { displayTimeZone, formatDateTime, formatHumanDateTime, setDisplayTimeZone } from './format';

const AT = '2026-03-02T00:35:07.000Z';

afterEach(() => setDisplayTimeZone(null));

describe('console time formatting', () => {
  it('reads Shanghai until a project is chosen, then that project’s clock', () => {
    expect(displayTimeZone()).toBe('Asia/Shanghai');
    expect(formatDateTime(AT)).toBe('2026-03-02 08:35:07');
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatDateTime(AT)).toBe('2026-03-02 09:35:07');
    expect(formatHumanDateTime(AT, 'zh-CN')).toMatch(/^(2026年)?3月2日 09:35$/);
    expect(formatHumanDateTime(AT, 'en')).toMatch(/^Mar 2, (2026, )?09:35$/);
  });

  it('an explicit zone (the portal’s estate) wins, and a missing value is a dash', () => {
    setDisplayTimeZone('Asia/Tokyo');
    expect(formatDateTime(AT, 'America/New_York')).toBe('2026-03-01 19:35:07');
    expect(formatHumanDateTime(AT, 'zh-CN', 'America/New_York')).toMatch(/^(2026年)?3月1日 19:35$/);
    expect(formatHumanDateTime(null, 'zh-CN')).toBe('—');
  });
});
