import { CONTACT_CHANNELS } from '@guanjia/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseChannel } from './channel';

describe('chooseChannel', () => {
  it.each([
    ['sms', true, true, 'sms'],
    ['wechat', true, false, 'wechat'],
    ['email', true, true, 'email'],
    ['email', true, false, 'sms'],
    ['phone', true, false, 'sms'],
    ['app', true, true, 'inapp'],
    ['wechat', false, true, 'email'],
    [null, false, true, 'email'],
    [null, true, true, 'sms'],
    [null, false, false, 'inapp'],
    ['sms', false, false, 'inapp'],
  ] as const)('prefers %s (mobile=%s email=%s) → %s', (pref, mobile, email, want) => {
    expect(chooseChannel(pref, { mobile, email })).toBe(want);
  });

  it('never picks a channel the resident cannot be reached on', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom(...CONTACT_CHANNELS), { nil: null }),
        fc.boolean(),
        fc.boolean(),
        (pref, mobile, email) => {
          const c = chooseChannel(pref, { mobile, email });
          if (c === 'sms' || c === 'wechat') expect(mobile).toBe(true);
          if (c === 'email') expect(email).toBe(true);
        },
      ),
    );
  });
});
