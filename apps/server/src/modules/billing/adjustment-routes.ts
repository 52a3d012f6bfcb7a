import {
  billAdjustmentPageSchema,
  billAdjustmentSchema,
  billDetailSchema,
  decideAdjustmentBody,
  requestAdjustmentBody,
} from '@guanjia/shared/api';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { decideAdjustment, requestAdjustment } from './adjust-bill';
import { adjustmentListQuery, adjustmentView, listAdjustments } from './adjustment-queries';
import { billDetail } from './bill-queries';
import { guardAny } from './guard-any';

const tags = ['billing'];

/** 调整 / 减免 / 核销 / 滞纳金减免: requested by a cashier or finance, decided by another finance user. */
export async function adjustmentRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.post(
    '/api/bills/:id/adjustments',
    {
      onRequest: guardAny('billing.cashier', 'billing.finance'),
      schema: { tags, params: idParam, body: requestAdjustmentBody, response: { 201: billDetailSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      await requestAdjustment(services, auth, request.params.id, request.body);
      return reply.status(201).send(await billDetail(db, auth, request.params.id));
    },
  );

  app.get(
    '/api/bill-adjustments',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: adjustmentListQuery, response: { 200: billAdjustmentPageSchema } },
    },
    async (request) => listAdjustments(db, currentAuth(request), request.query),
  );

  app.post(
    '/api/bill-adjustments/:id/decide',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, params: idParam, body: decideAdjustmentBody, response: { 200: billAdjustmentSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await decideAdjustment(services, auth, request.params.id, request.body);
      return adjustmentView(db, auth, request.params.id);
    },
  );
}
