import { createCipheriv, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BadSignature } from './provider';
import { sandboxProvider, signSandboxNotice } from './sandbox';
import { decryptResource, wechatPayProvider } from './wechatpay';

// Keys made here: WeChat's real platform key and APIv3 key belong to a merchant account.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const apiV3Key = randomBytes(16).toString('hex'); // 32 characters, as WeChat's APIv3 key
const now = new Date('2026-12-06T02:00:00Z');

function encrypt(plain: string, key = apiV3Key) {
  const nonce = randomBytes(6).toString('hex'); // 12 characters
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from('transaction', 'utf8'));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: data.toString('base64'),
    associated_data: 'transaction',
    nonce,
    original_type: 'transaction',
  };
}

function notification(transaction: object, at = now) {
  const body = JSON.stringify({
    id: 'EV-2018022511223320873',
    create_time: at.toISOString(),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: encrypt(JSON.stringify(transaction)),
  });
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${body}\n`)
    .sign(privateKey, 'base64');
  return {
    body,
    headers: {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': signature,
      'wechatpay-serial': 'PUB_KEY_ID_0000000001',
    },
  };
}

const provider = wechatPayProvider({
  mchId: '1900000001',
  appId: 'wx0000000000000001',
  apiV3Key,
  platformPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
});
const transaction = {
  out_trade_no: 'GJ20261206100000abcd1234',
  transaction_id: '4200001234202612060000000001',
  trade_state: 'SUCCESS',
  success_time: '2026-12-06T10:00:05+08:00',
  amount: { total: 26850, payer_total: 26850, currency: 'CNY' },
};

describe('WeChat Pay v3 notification', () => {
  it('verifies the RSA signature and decrypts the AES-256-GCM resource', () => {
    const n = notification(transaction);
    expect(provider.verifyNotice(n.headers, n.body, now)).toEqual({
      outTradeNo: transaction.out_trade_no,
      transactionId: transaction.transaction_id,
      state: 'SUCCESS',
      amount: 26850,
      paidAt: new Date('2026-12-06T02:00:05Z'),
    });
  });

  it.each([
    [
      'a changed body',
      (n: ReturnType<typeof notification>) => ({ ...n, body: n.body.replace('支付成功', '支付失败') }),
    ],
    [
      'a missing signature',
      (n: ReturnType<typeof notification>) => ({
        ...n,
        headers: { ...n.headers, 'wechatpay-signature': '' },
      }),
    ],
    [
      'a signature by another key',
      (n: ReturnType<typeof notification>) => {
        const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
        const h = n.headers;
        const sig = createSign('RSA-SHA256')
          .update(`${h['wechatpay-timestamp']}\n${h['wechatpay-nonce']}\n${n.body}\n`)
          .sign(other, 'base64');
        return { ...n, headers: { ...h, 'wechatpay-signature': sig } };
      },
    ],
  ])('refuses %s', (_, tamper) => {
    const n = tamper(notification(transaction));
    expect(() => provider.verifyNotice(n.headers, n.body, now)).toThrow(BadSignature);
  });

  it('refuses a replay from an hour ago', () => {
    const n = notification(transaction, new Date(now.getTime() - 3_600_000));
    expect(() => provider.verifyNotice(n.headers, n.body, now)).toThrow(BadSignature);
  });

  it('refuses a resource encrypted with another key', () => {
    const resource = encrypt('{}', randomBytes(16).toString('hex'));
    expect(() => decryptResource(resource, apiV3Key)).toThrow(BadSignature);
  });

  it('is unavailable without merchant credentials', () => {
    expect(wechatPayProvider({}).unavailable()).not.toBeNull();
    expect(provider.unavailable()).toBeNull();
  });
});

describe('sandbox provider (测试支付)', () => {
  it('is refused in production unless explicitly enabled', () => {
    expect(sandboxProvider({ NODE_ENV: 'production' }).unavailable()).not.toBeNull();
    expect(
      sandboxProvider({ NODE_ENV: 'production', GUANJIA_SANDBOX_PAY: 'enabled' }).unavailable(),
    ).toBeNull();
    expect(sandboxProvider({ NODE_ENV: 'test' }).unavailable()).toBeNull();
  });

  it('accepts its own signature and nothing else', () => {
    const p = sandboxProvider({ GUANJIA_SANDBOX_PAY_SECRET: 's3cret' });
    const notice = { outTradeNo: 'GJ1', transactionId: 'T1', state: 'SUCCESS', amount: 100, paidAt: now };
    const good = signSandboxNotice(notice, now, 's3cret');
    expect(p.verifyNotice(good.headers, good.body, now)).toMatchObject({ outTradeNo: 'GJ1', amount: 100 });
    const bad = signSandboxNotice(notice, now, 'other');
    expect(() => p.verifyNotice(bad.headers, bad.body, now)).toThrow(BadSignature);
  });
});
