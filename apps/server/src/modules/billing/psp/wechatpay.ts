import { createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';
import { BadSignature, checkSkew, header, type PaidNotice, type PaymentProvider } from './provider';
import { parseTransaction } from './sandbox';

/**
 * 微信支付 API v3 (https://pay.weixin.qq.com/doc/v3/merchant/4012791861 and the notification /
 * signature pages): a Native order (code_url shown as a QR code) and the payment notification, whose
 * headers carry Wechatpay-Timestamp / -Nonce / -Signature (RSA-SHA256 over "timestamp\nnonce\nbody\n",
 * checked with the WeChat Pay platform public key) and whose resource is AEAD_AES_256_GCM-encrypted
 * with the merchant's APIv3 key. Keys come from the environment; without them the provider is
 * unavailable (the sandbox serves demos).
 */
export interface WechatPayConfig {
  mchId?: string;
  appId?: string;
  /** 32-byte APIv3 key. */
  apiV3Key?: string;
  /** The WeChat Pay platform public key (PEM), for notifications. */
  platformPublicKey?: string;
  /** The merchant's API private key (PEM) and its certificate serial, for creating orders. */
  merchantPrivateKey?: string;
  merchantSerial?: string;
  apiBase?: string;
}

export function wechatPayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WechatPayConfig {
  return {
    mchId: env.GUANJIA_WECHATPAY_MCHID,
    appId: env.GUANJIA_WECHATPAY_APPID,
    apiV3Key: env.GUANJIA_WECHATPAY_APIV3_KEY,
    platformPublicKey: env.GUANJIA_WECHATPAY_PLATFORM_PUBLIC_KEY?.replace(/\\n/g, '\n'),
    merchantPrivateKey: env.GUANJIA_WECHATPAY_PRIVATE_KEY?.replace(/\\n/g, '\n'),
    merchantSerial: env.GUANJIA_WECHATPAY_SERIAL,
    apiBase: env.GUANJIA_WECHATPAY_API_BASE ?? 'https://api.mch.weixin.qq.com',
  };
}

interface EncryptedResource {
  algorithm?: string;
  ciphertext?: string;
  associated_data?: string;
  nonce?: string;
}

/** AEAD_AES_256_GCM: the ciphertext ends with the 16-byte tag. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM' || !resource.ciphertext || !resource.nonce)
    throw new BadSignature('unsupported resource');
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length < 17) throw new BadSignature('short ciphertext');
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(apiV3Key, 'utf8'),
      Buffer.from(resource.nonce, 'utf8'),
    );
    decipher.setAuthTag(data.subarray(data.length - 16));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new BadSignature('resource does not decrypt');
  }
}

export function wechatPayProvider(config: WechatPayConfig = wechatPayConfigFromEnv()): PaymentProvider {
  return {
    code: 'wechatpay',
    sandbox: false,
    unavailable: () =>
      config.apiV3Key && config.platformPublicKey && config.mchId && config.appId
        ? null
        : 'WeChat Pay merchant credentials are not configured',
    async createOrder(order) {
      if (!config.merchantPrivateKey || !config.merchantSerial || !config.mchId || !config.appId)
        throw new Error('WeChat Pay merchant key not configured');
      const path = '/v3/pay/transactions/native';
      const body = JSON.stringify({
        appid: config.appId,
        mchid: config.mchId,
        description: order.description,
        out_trade_no: order.outTradeNo,
        notify_url: order.notifyUrl,
        amount: { total: order.amount, currency: 'CNY' },
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = randomBytes(16).toString('hex');
      const signature = createSign('RSA-SHA256')
        .update(`POST\n${path}\n${timestamp}\n${nonce}\n${body}\n`)
        .sign(config.merchantPrivateKey, 'base64');
      const res = await fetch(`${config.apiBase}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${config.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${config.merchantSerial}"`,
        },
        body,
      });
      if (!res.ok) throw new Error(`WeChat Pay answered ${res.status}`);
      const { code_url: codeUrl } = (await res.json()) as { code_url?: string };
      return { payUrl: codeUrl ?? null };
    },
    verifyNotice(headers, rawBody, now): PaidNotice {
      if (!config.platformPublicKey || !config.apiV3Key) throw new BadSignature('not configured');
      const timestamp = header(headers, 'wechatpay-timestamp');
      const nonce = header(headers, 'wechatpay-nonce');
      const signature = header(headers, 'wechatpay-signature');
      let valid = false;
      try {
        valid = createVerify('RSA-SHA256')
          .update(`${timestamp}\n${nonce}\n${rawBody}\n`)
          .verify(config.platformPublicKey, signature, 'base64');
      } catch {
        valid = false;
      }
      if (!valid) throw new BadSignature('bad signature');
      checkSkew(timestamp, now);
      let envelope: { event_type?: string; resource?: EncryptedResource };
      try {
        envelope = JSON.parse(rawBody) as typeof envelope;
      } catch {
        throw new BadSignature('not JSON');
      }
      if (!envelope.resource) throw new BadSignature('no resource');
      return parseTransaction(decryptResource(envelope.resource, config.apiV3Key));
    },
  };
}
