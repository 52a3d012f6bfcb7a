import { and, eq } from 'drizzle-orm';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, notFound } from '../../platform/http/errors';
import { loadUnit } from './load-unit';
import { onlineOrders } from './payments-schema';
import { paymentProvider } from './psp';
import { BadSignature } from './psp/provider';
import { takePayment } from './record-payment';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * A provider's signed notification. The order row is locked first, so two deliveries of the same
 * notification (or two at once) meet in line: the first records the payment, the next finds the order
 * paid and answers with the same payment. A notice that is not SUCCESS never undoes a payment, and
 * a SUCCESS after it still records one (money was taken). The money goes to the order's bills; what
 * they no longer owe (paid at the desk meanwhile) is kept as prepaid, never lost.
 */
export async function recordOnlineNotice(
  ctx: Ctx,
  providerCode: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
) {
  const provider = paymentProvider(providerCode);
  const why = provider.unavailable();
  if (why) throw new AppError(400, 'provider_unavailable', why, { provider: providerCode });
  const now = ctx.clock.now();
  let notice: ReturnType<typeof provider.verifyNotice>;
  try {
    notice = provider.verifyNotice(headers, rawBody, now);
  } catch (e) {
    if (e instanceof BadSignature)
      throw new AppError(401, 'bad_signature', 'The notification signature does not verify', {
        reason: e.message,
      });
    throw e;
  }
  return ctx.database.db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(onlineOrders)
      .where(and(eq(onlineOrders.outTradeNo, notice.outTradeNo), eq(onlineOrders.provider, provider.code)))
      .for('update');
    if (!order) throw notFound('Order');
    if (order.status === 'paid') return { orderId: order.id, paymentId: order.paymentId, duplicate: true };
    if (notice.state !== 'SUCCESS') return { orderId: order.id, paymentId: null, duplicate: false };
    if (notice.amount !== order.amount)
      throw new AppError(400, 'amount_mismatch', 'The paid amount differs from the order', {
        order: order.amount,
        paid: notice.amount,
      });
    const unit = await loadUnit(tx, order.unitId);
    const actor = { userId: null, companyId: order.companyId, source: 'channel' as const };
    const paidAt = notice.paidAt && !Number.isNaN(notice.paidAt.getTime()) ? notice.paidAt : now;
    const payment = await takePayment(tx, unit, actor, {
      amount: order.amount,
      method: 'online',
      billIds: order.billIds,
      prepay: true,
      note: `${provider.sandbox ? '测试支付' : provider.code} ${notice.transactionId}`,
      cashierId: null,
      at: paidAt,
      onlineOrderId: order.id,
    });
    await tx
      .update(onlineOrders)
      .set({
        status: 'paid',
        providerTxnId: notice.transactionId,
        paymentId: payment.id,
        paidAt,
        updatedAt: now,
        version: order.version + 1,
      })
      .where(eq(onlineOrders.id, order.id));
    await recordEvent(tx, actor, now, {
      action: 'payment.online_paid',
      entityType: 'online_order',
      entityId: order.id,
      projectId: order.projectId,
      after: { outTradeNo: order.outTradeNo, transactionId: notice.transactionId, paymentId: payment.id },
    });
    return { orderId: order.id, paymentId: payment.id, duplicate: false };
  });
}
