import type { zh } from './delivery';

export const en: typeof zh = {
  staffChannels: {
    title: 'My notification settings',
    subtitle: 'Besides the in-app notification, SLA warnings and breaches reach you on these channels',
    staffTitle: "{{name}}'s notification channels",
    staffAction: 'Channels',
    inapp: 'In-app notifications (always on)',
    channels: 'Also send by',
    email: 'E-mail address',
    emailHint: "Leave empty to use the staff profile's e-mail",
    mobile: 'Mobile number',
    mobileHint: "SMS and WeChat template messages go to this number; empty uses the staff profile's phone",
    quietHours:
      'Warnings wait during quiet hours (21:00–08:00) until morning; a breach of an urgent ticket bypasses quiet hours.',
    saved: 'Notification settings saved',
    channel: {
      email: 'E-mail',
      sms: 'SMS',
      wechat: 'WeChat',
      webhook: 'Webhook (project integration)',
    },
  },
  webhook: {
    title: 'Outgoing webhook',
    hint: 'Messages on the webhook channel (or with a channel provider set to webhook) are POSTed here as JSON with x-guanjia-timestamp and x-guanjia-signature (HMAC-SHA256 over "timestamp.body"). Failures are retried with backoff.',
    badUrl: 'Enter an http(s) URL',
    saved: 'Webhook URL saved',
    secretSet: 'Signing secret set',
    noSecret: 'No signing secret (nothing can be sent)',
    rotate: 'Generate new secret',
    rotateConfirm: 'The old secret stops working at once. Continue?',
    secretOnce: 'Copy the signing secret now: it is shown only this once',
  },
};
