import { describe, expect, it } from 'vitest';
import { visibleBody } from './queries';

describe('visibleBody', () => {
  const body = '【管家】您的登录验证码为123456,5分钟内有效。';
  it.each([
    ['portal_code', 'log', body],
    ['portal_code', null, body],
    ['portal_code', 'http', '【管家】您的登录验证码为******,5分钟内有效。'],
    ['notice', 'http', body],
  ] as const)('%s via %s', (sourceType, provider, want) => {
    expect(visibleBody({ sourceType, provider, body })).toBe(want);
  });
});
