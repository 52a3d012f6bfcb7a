import { randomBytes } from 'node:crypto';
import { zonedParts } from '@guanjia/shared';
import type { OnlineOrderBody } from '@guanjia/shared/api';
import { eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest, notFound } from '../../platform/http/errors';
import { loadUnit } from './load-unit';
import { onlineOrders, payments } from './payments-schema';
import { usableProvider } from './psp';
import { bills } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Who asks for the order: a staff member at the desk (QR code) or a resident in the portal. */
export type OrderCaller =
  | { kind: 'staff'; auth: AuthContext }
  | { kind: 'portal'; companyId: number; phone: string; unitIds: readonly number[] };

/** Ours, ≤ 32 characters as WeChat Pay allows: GJ + the project-local second + 8 random hex. */
function outTradeNo(now: Date, timeZone: string): string {
  const p = zonedParts(now, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `GJ${p.year}${two(p.month)}${two(p.day)}${two(p.hour)}${two(p.minute)}${two(now.getUTCSeconds())}${randomBytes(4).toString('hex')}`;
}

/**
 * An order for what the chosen bills still owe, at the chosen provider. The order row is committed
 * before the provider is asked, so a notification can never arrive for an order we do not know.
 */
export async function createOnlineOrder(
  ctx: Ctx,
  caller: OrderCaller,
  body: OnlineOrderBody,
  notifyBase: string,
) {
  const { db } = ctx.database;
  const provider = usableProvider(body.provider);
  const ids = [...new Set(body.billIds)];
  const rows = await db
    .select({ id: bills.id, unitId: bills.unitId, companyId: bills.companyId, balance: bills.balance })
    .from(bills)
    .where(inArray(bills.id, ids));
  const unitIds = new Set(rows.map((r) => r.unitId));
  const companyId = caller.kind === 'staff' ? caller.auth.companyId : caller.companyId;
  if (rows.length !== ids.length || rows.some((r) => r.companyId !== companyId)) throw notFound('Bill');
  if (unitIds.size !== 1)
    throw badRequest('An order pays the bills of one unit', { billIds: 'one unit only' });
  const unitId = rows[0]!.unitId;
  if (caller.kind === 'portal' && !caller.unitIds.includes(unitId)) throw notFound('Bill');
  const unit = await loadUnit(db, unitId, caller.kind === 'staff' ? caller.auth : undefined);
  const amount = rows.reduce((s, r) => s + Math.max(0, r.balance), 0);
  if (amount <= 0) throw new AppError(400, 'nothing_owed', 'These bills are already paid', { billIds: ids });
  const now = ctx.clock.now();
  const actor: Actor =
    caller.kind === 'staff'
      ? { userId: caller.auth.userId, companyId, source: 'user' }
      : { userId: null, companyId, source: 'channel' };
  const order = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(onlineOrders)
      .values({
        companyId,
        projectId: unit.projectId,
        unitId,
        provider: provider.code,
        outTradeNo: outTradeNo(now, unit.timeZone),
        amount,
        billIds: ids,
        channel: caller.kind === 'staff' ? 'desk' : 'portal',
        createdById: caller.kind === 'staff' ? caller.auth.userId : null,
        createdByPhone: caller.kind === 'portal' ? caller.phone : null,
      })
      .returning();
    await recordEvent(tx, actor, now, {
      action: 'payment.order_created',
      entityType: 'online_order',
      entityId: row!.id,
      projectId: unit.projectId,
      after: { outTradeNo: row!.outTradeNo, provider: provider.code, amount, billIds: ids },
    });
    return row!;
  });
  const { payUrl } = await provider.createOrder({
    outTradeNo: order.outTradeNo,
    amount,
    description: `${unit.projectName} ${unit.label} 物业缴费`,
    notifyUrl: `${notifyBase}/api/payments/notify/${provider.code}`,
  });
  await db.update(onlineOrders).set({ payUrl }).where(eq(onlineOrders.id, order.id));
  return presentOrder(ctx, order.id);
}

export async function presentOrder(ctx: Pick<Services, 'database'>, id: number) {
  const { db } = ctx.database;
  const [o] = await db
    .select({ order: onlineOrders, receiptNo: payments.receiptNo })
    .from(onlineOrders)
    .leftJoin(payments, eq(payments.id, onlineOrders.paymentId))
    .where(eq(onlineOrders.id, id));
  if (!o) throw notFound('Order');
  const r = o.order;
  return {
    id: r.id,
    outTradeNo: r.outTradeNo,
    provider: r.provider as 'sandbox' | 'wechatpay',
    sandbox: r.provider === 'sandbox',
    amount: r.amount,
    billIds: r.billIds,
    status: r.status,
    payUrl: r.payUrl,
    paymentId: r.paymentId,
    receiptNo: o.receiptNo,
    createdAt: r.createdAt.toISOString(),
    paidAt: r.paidAt?.toISOString() ?? null,
  };
}
