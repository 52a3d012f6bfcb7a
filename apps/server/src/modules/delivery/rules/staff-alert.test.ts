import { TICKET_PRIORITIES } from '@guanjia/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_CHANNELS } from '../schema';
import { staffAlertUrgent, staffTargets } from './staff-alert';

describe('staffTargets', () => {
  const cases = [
    { name: 'no channels: in-app only', channels: [], email: 'a@x.cn', mobile: '+8613800000000', want: [] },
    {
      name: 'email to the address',
      channels: ['email'],
      email: 'lead@x.cn',
      mobile: null,
      want: [{ channel: 'email', recipient: 'lead@x.cn' }],
    },
    { name: 'sms without a mobile is left out', channels: ['sms'], email: 'a@x.cn', mobile: null, want: [] },
    {
      name: 'wechat and sms both use the mobile, webhook the user id',
      channels: ['wechat', 'sms', 'webhook'],
      email: null,
      mobile: '+8613800000001',
      want: [
        { channel: 'wechat', recipient: '+8613800000001' },
        { channel: 'sms', recipient: '+8613800000001' },
        { channel: 'webhook', recipient: '7' },
      ],
    },
  ] as const;
  it.each(cases)('$name', ({ channels, email, mobile, want }) => {
    expect(staffTargets(7, { channels: [...channels], email, mobile })).toEqual(want);
  });

  it('never repeats a channel and only answers chosen, reachable ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...STAFF_CHANNELS), { maxLength: 8 }),
        fc.option(fc.emailAddress(), { nil: null }),
        fc.option(fc.constant('+8613912345678'), { nil: null }),
        (channels, email, mobile) => {
          const out = staffTargets(3, { channels, email, mobile });
          const used = out.map((t) => t.channel);
          expect(new Set(used).size).toBe(used.length);
          for (const t of out) {
            expect(channels).toContain(t.channel);
            expect(t.recipient).not.toBe('');
          }
          if (channels.includes('webhook')) expect(used).toContain('webhook');
        },
      ),
    );
  });
});

describe('staffAlertUrgent', () => {
  it.each([
    ['breach', '急', true],
    ['breach', '一般', false],
    ['breach', '预约', false],
    ['warning', '急', false],
    ['warning', '一般', false],
  ] as const)('%s of a %s ticket → %s', (event, priority, want) => {
    expect(staffAlertUrgent(event, priority)).toBe(want);
  });

  it('a warning never bypasses quiet hours', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_PRIORITIES), (p) => staffAlertUrgent('warning', p) === false),
    );
  });
});
