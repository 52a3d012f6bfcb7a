import { randomBytes } from 'node:crypto';
import { notifyAnswerSchema, onlineOrderSchema, PSP_PROVIDERS } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from '../../platform/http/app-types';
import { AppError, notFound } from '../../platform/http/errors';
import { presentOrder } from './online-orders';
import { onlineOrders } from './payments-schema';
import { sandboxAllowed, signSandboxNotice } from './psp/sandbox';
import { recordOnlineNotice } from './record-online-notice';

const tags = ['billing'];
const providerParam = z.object({ provider: z.enum(PSP_PROVIDERS) });
const orderParam = z.object({ outTradeNo: z.string().regex(/^[A-Za-z0-9_-]{6,32}$/) });

/**
 * What the payment providers call (no session: the signature is the credential) and the sandbox's
 * stand-in for the resident's phone. The notify route reads the body as the provider sent it, byte
 * for byte, because the signature covers those bytes and not a re-serialized object.
 */
export async function paymentNotifyRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  await app.register(async (scope: App) => {
    // Whatever the provider declares (JSON, or XML for some), the body is kept as the bytes it sent.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(
      '/api/payments/notify/:provider',
      { schema: { tags, params: providerParam, body: z.string(), response: { 200: notifyAnswerSchema } } },
      async (request) => {
        await recordOnlineNotice(services, request.params.provider, request.headers, request.body);
        return { code: 'SUCCESS', message: '成功' };
      },
    );
  });

  const sandboxOrder = async (outTradeNo: string) => {
    if (!sandboxAllowed())
      throw new AppError(403, 'sandbox_disabled', 'Sandbox payments are disabled in production');
    const [order] = await db.select().from(onlineOrders).where(eq(onlineOrders.outTradeNo, outTradeNo));
    if (order?.provider !== 'sandbox') throw notFound('Order');
    return order;
  };

  // 测试支付's page shows the order (amount and state only: it is reached by a link, without a session).
  app.get(
    '/api/payments/sandbox/:outTradeNo',
    { schema: { tags, params: orderParam, response: { 200: onlineOrderSchema } } },
    async (request) => presentOrder(services, (await sandboxOrder(request.params.outTradeNo)).id),
  );

  // The resident "pays": the sandbox PSP then notifies us asynchronously, signed, as a real one would.
  app.post(
    '/api/payments/sandbox/:outTradeNo/pay',
    { schema: { tags, params: orderParam, response: { 202: onlineOrderSchema } } },
    async (request, reply) => {
      const order = await sandboxOrder(request.params.outTradeNo);
      if (order.status === 'created') {
        const now = services.clock.now();
        const signed = signSandboxNotice(
          {
            outTradeNo: order.outTradeNo,
            transactionId: `SANDBOX${randomBytes(10).toString('hex').toUpperCase()}`,
            state: 'SUCCESS',
            amount: order.amount,
            paidAt: now,
          },
          now,
        );
        setImmediate(() => {
          app
            .inject({
              method: 'POST',
              url: '/api/payments/notify/sandbox',
              headers: signed.headers,
              payload: signed.body,
            })
            .then((res) => {
              if (res.statusCode >= 300)
                request.log.warn({ status: res.statusCode, body: res.body }, 'sandbox notify refused');
            })
            .catch((err: unknown) => request.log.error({ err }, 'sandbox notify failed'));
        });
      }
      return reply.status(202).send(await presentOrder(services, order.id));
    },
  );
}
