import {
  billDetailSchema,
  billingRunPageSchema,
  billingRunSchema,
  billPageSchema,
  startBillingRunBody,
} from '@guanjia/shared/api';
import { can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import { cappedCount } from '../../platform/db/capped-count';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam, offsetOf } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP } from '../../platform/http/xlsx';
import { sendBillsXlsx } from './bill-export';
import { billDetail, billFilters, billListQuery, listBills } from './bill-queries';
import { startBillingRun } from './billing-run';
import { listRuns, presentRuns, runInScope, runListQuery } from './run-queries';
import { bills } from './schema';

const tags = ['billing'];

/** Billing runs (计费) and bills (账单): read with billing.read, a run started by billing.finance. */
export async function billRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.post(
    '/api/billing-runs',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, body: startBillingRunBody, response: { 202: billingRunSchema } },
    },
    async (request, reply) => {
      const run = await startBillingRun(services, currentAuth(request), request.body);
      const presented = (await presentRuns(db, [run]))[0]!;
      return reply.status(202).send(presented);
    },
  );

  app.get(
    '/api/billing-runs',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: runListQuery, response: { 200: billingRunPageSchema } },
    },
    async (request) => listRuns(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/billing-runs/:id',
    {
      onRequest: guard('billing.read'),
      schema: { tags, params: idParam, response: { 200: billingRunSchema } },
    },
    async (request) => {
      const run = await runInScope(db, currentAuth(request), request.params.id);
      return (await presentRuns(db, [run]))[0];
    },
  );

  app.get(
    '/api/bills',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: billListQuery, response: { 200: billPageSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      const where = billFilters(auth, q);
      if (q.format === 'xlsx') {
        if (!can(auth, 'export.run')) throw forbidden('export.run');
        const [rows, count] = await Promise.all([
          listBills(db, where, EXPORT_ROW_CAP, 0),
          cappedCount(db, bills, where, EXPORT_ROW_CAP),
        ]);
        return sendBillsXlsx(reply, rows, count.total);
      }
      const [items, count] = await Promise.all([
        listBills(db, where, q.pageSize, offsetOf(q)),
        cappedCount(db, bills, where),
      ]);
      return { items, ...count, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/bills/:id',
    {
      onRequest: guard('billing.read'),
      schema: { tags, params: idParam, response: { 200: billDetailSchema } },
    },
    async (request) => billDetail(db, currentAuth(request), request.params.id),
  );
}
