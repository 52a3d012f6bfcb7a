import type { PspProvider } from '@guanjia/shared/api';
import { AppError } from '../../../platform/http/errors';
import type { PaymentProvider } from './provider';
import { sandboxProvider } from './sandbox';
import { wechatPayProvider } from './wechatpay';

/** The providers, read from the environment when asked (so a deployment's keys apply at once). */
export function paymentProvider(code: string): PaymentProvider {
  const provider = code === 'sandbox' ? sandboxProvider() : code === 'wechatpay' ? wechatPayProvider() : null;
  if (!provider) throw new AppError(404, 'not_found', 'Unknown payment provider', { provider: code });
  return provider;
}

/** A provider the caller may use now, or 400 provider_unavailable saying why not. */
export function usableProvider(code: PspProvider): PaymentProvider {
  const provider = paymentProvider(code);
  const why = provider.unavailable();
  if (why) throw new AppError(400, 'provider_unavailable', why, { provider: code });
  return provider;
}

export function availableProviders(): { code: PspProvider; sandbox: boolean }[] {
  return [sandboxProvider(), wechatPayProvider()]
    .filter((p) => p.unavailable() === null)
    .map((p) => ({ code: p.code, sandbox: p.sandbox }));
}
