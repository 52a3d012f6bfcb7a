import type { PspProvider } from '@guanjia/shared/api';

/** What a provider's notification says about one order, once its signature has been checked. */
export interface PaidNotice {
  outTradeNo: string;
  /** The provider's own id of the transaction (WeChat's transaction_id): unique per payment. */
  transactionId: string;
  /** SUCCESS records the payment; anything else (NOTPAY, CLOSED, REFUND…) never undoes one. */
  state: string;
  /** 分, as the provider charged it. */
  amount: number;
  paidAt: Date | null;
}

export interface OrderRequest {
  outTradeNo: string;
  amount: number;
  description: string;
  /** Where the provider posts its notification. */
  notifyUrl: string;
}

/**
 * A payment provider (PSP): create an order the payer opens, and verify the signed asynchronous
 * notification. verifyNotice throws BadSignature when the message was not signed by the provider.
 */
export interface PaymentProvider {
  code: PspProvider;
  /** 测试支付: simulated, no money moves. */
  sandbox: boolean;
  /** null when usable, else why not (missing credentials, sandbox in production). */
  unavailable(): string | null;
  createOrder(order: OrderRequest): Promise<{ payUrl: string | null }>;
  verifyNotice(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
    now: Date,
  ): PaidNotice;
}

export class BadSignature extends Error {}

/** A signed notification older (or newer) than this is refused: a replayed capture does not pass. */
export const NOTICE_MAX_SKEW_MS = 5 * 60_000;

export function header(headers: Record<string, string | string[] | undefined>, name: string): string {
  const v = headers[name.toLowerCase()];
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) throw new BadSignature(`missing ${name}`);
  return s;
}

export function checkSkew(timestampSeconds: string, now: Date): void {
  const ts = Number(timestampSeconds) * 1000;
  if (!Number.isFinite(ts) || Math.abs(now.getTime() - ts) > NOTICE_MAX_SKEW_MS)
    throw new BadSignature('timestamp outside the allowed window');
}
