import { onlineOrderBody, onlineOrderSchema, portalBillsSchema } from '@guanjia/shared/api';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { currentPortal } from '../portal/context';
import { billsWithLines } from './account-queries';
import { createOnlineOrder, presentOrder } from './online-orders';
import { onlineOrders, payments, prepaidAccounts } from './payments-schema';
import { availableProviders } from './psp';
import { bills } from './schema';

const tags = ['portal'];
const orderParam = z.object({ outTradeNo: z.string().regex(/^[A-Za-z0-9_-]{6,32}$/) });

/** The resident's bills (of every unit bound to the phone), online payment and its receipts. */
export function portalBillRoutes(app: App, portalGuard: (request: FastifyRequest) => Promise<void>): void {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/portal/bills',
    { onRequest: portalGuard, schema: { tags, response: { 200: portalBillsSchema } } },
    async (request) => {
      const portal = currentPortal(request);
      const unitIds = [...new Set(portal.units.map((u) => u.id))];
      if (!unitIds.length) return { units: [], payments: [], providers: availableProviders() };
      const [rows, prepaid, paid] = await Promise.all([
        db.select().from(bills).where(inArray(bills.unitId, unitIds)).orderBy(desc(bills.period)).limit(400),
        db.select().from(prepaidAccounts).where(inArray(prepaidAccounts.unitId, unitIds)),
        db
          .select()
          .from(payments)
          .where(and(inArray(payments.unitId, unitIds), isNull(payments.reversalOf)))
          .orderBy(desc(payments.paidAt))
          .limit(50),
      ]);
      const views = await billsWithLines(db, rows);
      const label = new Map(portal.units.map((u) => [u.id, u.label]));
      return {
        units: unitIds.map((unitId) => {
          const mine = views.filter((_, i) => rows[i]!.unitId === unitId);
          const current = mine.filter((b) => b.balance > 0);
          return {
            unitId,
            label: label.get(unitId) ?? '',
            prepaidBalance: prepaid.find((p) => p.unitId === unitId)?.balance ?? 0,
            arrears: current.reduce((s, b) => s + b.balance, 0),
            current,
            history: mine.filter((b) => b.balance <= 0).slice(0, 24),
          };
        }),
        payments: paid.map((p) => ({
          id: p.id,
          unitLabel: label.get(p.unitId) ?? '',
          receiptNo: p.receiptNo,
          amount: p.amount,
          method: p.method,
          paidAt: p.paidAt.toISOString(),
        })),
        providers: availableProviders(),
      };
    },
  );

  app.post(
    '/api/portal/payments',
    { onRequest: portalGuard, schema: { tags, body: onlineOrderBody, response: { 201: onlineOrderSchema } } },
    async (request, reply) => {
      const portal = currentPortal(request);
      const order = await createOnlineOrder(
        services,
        {
          kind: 'portal',
          companyId: portal.companyId,
          phone: portal.phone,
          unitIds: portal.units.map((u) => u.id),
        },
        request.body,
        `${request.protocol}://${request.host}`,
      );
      return reply.status(201).send(order);
    },
  );

  app.get(
    '/api/portal/payments/:outTradeNo',
    { onRequest: portalGuard, schema: { tags, params: orderParam, response: { 200: onlineOrderSchema } } },
    async (request) => {
      const portal = currentPortal(request);
      const [order] = await db
        .select({ id: onlineOrders.id, unitId: onlineOrders.unitId })
        .from(onlineOrders)
        .where(eq(onlineOrders.outTradeNo, request.params.outTradeNo));
      if (!order || !portal.units.some((u) => u.id === order.unitId)) throw notFound('Order');
      return presentOrder(services, order.id);
    },
  );
}
