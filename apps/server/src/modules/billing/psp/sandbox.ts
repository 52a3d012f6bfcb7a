import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BadSignature, checkSkew, header, type PaidNotice, type PaymentProvider } from './provider';

/**
 * 测试支付: a simulated PSP for demos and tests. It signs its notifications like WeChat Pay v3 does
 * (timestamp\nnonce\nbody\n) but with HMAC-SHA256 and a shared secret instead of RSA, so a bad or
 * forged signature is refused exactly as a real one would be. Refused when NODE_ENV=production unless
 * GUANJIA_SANDBOX_PAY=enabled.
 */
export const SANDBOX_DEFAULT_SECRET = 'guanjia-sandbox-pay-secret';

export function sandboxSecret(env: NodeJS.ProcessEnv = process.env): string {
  return env.GUANJIA_SANDBOX_PAY_SECRET || SANDBOX_DEFAULT_SECRET;
}

export function sandboxAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.GUANJIA_SANDBOX_PAY === 'enabled';
}

const message = (timestamp: string, nonce: string, body: string) => `${timestamp}\n${nonce}\n${body}\n`;

/** Sign a notification as the sandbox PSP would send it. */
export function signSandboxNotice(
  notice: { outTradeNo: string; transactionId: string; state: string; amount: number; paidAt: Date },
  now: Date,
  secret = sandboxSecret(),
) {
  const body = JSON.stringify({
    out_trade_no: notice.outTradeNo,
    transaction_id: notice.transactionId,
    trade_state: notice.state,
    amount: { total: notice.amount, currency: 'CNY' },
    success_time: notice.paidAt.toISOString(),
  });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(12).toString('hex');
  const signature = createHmac('sha256', secret)
    .update(message(timestamp, nonce, body))
    .digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-sandbox-timestamp': timestamp,
      'x-sandbox-nonce': nonce,
      'x-sandbox-signature': signature,
    },
  };
}

export function sandboxProvider(env: NodeJS.ProcessEnv = process.env): PaymentProvider {
  return {
    code: 'sandbox',
    sandbox: true,
    unavailable: () => (sandboxAllowed(env) ? null : 'sandbox payments are disabled in production'),
    async createOrder(order) {
      return { payUrl: `/pay/sandbox/${encodeURIComponent(order.outTradeNo)}` };
    },
    verifyNotice(headers, rawBody, now): PaidNotice {
      const timestamp = header(headers, 'x-sandbox-timestamp');
      const nonce = header(headers, 'x-sandbox-nonce');
      const given = Buffer.from(header(headers, 'x-sandbox-signature'), 'hex');
      const want = createHmac('sha256', sandboxSecret(env))
        .update(message(timestamp, nonce, rawBody))
        .digest();
      if (given.length !== want.length || !timingSafeEqual(given, want))
        throw new BadSignature('bad signature');
      checkSkew(timestamp, now);
      return parseTransaction(rawBody);
    },
  };
}

/** The transaction fields both the sandbox and WeChat Pay (after decryption) carry. */
export function parseTransaction(json: string): PaidNotice {
  let t: {
    out_trade_no?: unknown;
    transaction_id?: unknown;
    trade_state?: unknown;
    amount?: { total?: unknown };
    success_time?: unknown;
  };
  try {
    t = JSON.parse(json) as typeof t;
  } catch {
    throw new BadSignature('not JSON');
  }
  if (
    typeof t.out_trade_no !== 'string' ||
    typeof t.transaction_id !== 'string' ||
    typeof t.trade_state !== 'string'
  )
    throw new BadSignature('missing transaction fields');
  const amount = Number(t.amount?.total);
  if (!Number.isSafeInteger(amount) || amount < 0) throw new BadSignature('bad amount');
  return {
    outTradeNo: t.out_trade_no,
    transactionId: t.transaction_id,
    state: t.trade_state,
    amount,
    paidAt: typeof t.success_time === 'string' ? new Date(t.success_time) : null,
  };
}
