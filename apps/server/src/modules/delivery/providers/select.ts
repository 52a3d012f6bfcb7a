import type { DeliveryChannel } from '../schema';
import type { ProviderSettings } from '../settings';
import { HTTP_SECRET_ENV, httpProvider } from './http';
import { inAppProvider, logProvider, type Provider } from './provider';
import { smtpProvider } from './smtp';
import { webhookProvider } from './webhook';

/** A project's outgoing webhook, when one is set up. */
export interface WebhookTarget {
  url: string | null;
  secret: string | null;
}

/** The provider for a channel under the project's settings; a misconfigured one fails the attempt. */
export function providerFor(
  channel: DeliveryChannel,
  s: ProviderSettings,
  now: () => Date,
  webhook: WebhookTarget | null = null,
): { provider: Provider; templateId?: string } {
  if (channel === 'inapp') return { provider: inAppProvider };
  const kind = channel === 'webhook' ? 'webhook' : s[channel];
  if (kind === 'log') return { provider: logProvider };
  if (kind === 'webhook') {
    if (!webhook?.url || !webhook.secret) throw new Error('webhook is not configured (url and secret)');
    return { provider: webhookProvider(webhook.url, webhook.secret, now) };
  }
  if (channel === 'email') {
    if (kind !== 'smtp' || !s.smtpUrl) throw new Error(`email provider ${kind} is not configured (smtpUrl)`);
    return { provider: smtpProvider(s.smtpUrl, s.mailFrom ?? 'guanjia@localhost') };
  }
  if (kind !== 'http' || !s.httpUrl)
    throw new Error(`${channel} provider ${kind} is not configured (httpUrl)`);
  const secret = process.env[HTTP_SECRET_ENV];
  if (!secret) throw new Error(`${HTTP_SECRET_ENV} is not set`);
  return {
    provider: httpProvider(s.httpUrl, secret, now),
    templateId: channel === 'sms' ? s.smsTemplateId : s.wechatTemplateId,
  };
}
