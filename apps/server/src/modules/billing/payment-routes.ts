import {
  cashierReportQuery,
  cashierReportSchema,
  cashierUnitHitsSchema,
  cashierUnitQuery,
  onlineOrderBody,
  onlineOrderSchema,
  paymentBody,
  paymentListQuery,
  paymentPageSchema,
  paymentSchema,
  pdfFile,
  prepaidSchema,
  refundBody,
  refundListQuery,
  refundPageSchema,
  refundSchema,
  reverseBody,
  unitAccountSchema,
  unitArrearsListSchema,
  unitArrearsQuery,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import { companies, users } from '../../platform/auth/schema';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP, sendRowsAsXlsx, sendXlsx } from '../../platform/http/xlsx';
import { projects } from '../org/schema';
import { residents, residentUnits } from '../residents/schema';
import { arrearsBriefs, prepaidOf, searchUnits, unitAccount } from './account-queries';
import { cashierReport, cashierReportXlsx, paymentColumns } from './cashier-report';
import { loadUnit } from './load-unit';
import { createOnlineOrder } from './online-orders';
import { countPayments, getPayment, paymentFilters, paymentRows, presentPayments } from './payment-queries';
import { projectOf } from './payment-store';
import { recordPayment } from './record-payment';
import { refundPayment } from './refund-payment';
import { listRefunds } from './refund-queries';
import { renderCashierReport, renderReceipt, sendPdf } from './render-receipt';
import { reversePayment } from './reverse-payment';

const tags = ['billing'];

/** 前台收费, 缴费记录, 冲正, 退款, 收银日结 and the desk's online order (QR code). */
export async function paymentRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.post(
    '/api/payments',
    {
      onRequest: guard('billing.cashier'),
      schema: { tags, body: paymentBody, response: { 201: paymentSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const payment = await recordPayment(services, auth, request.body);
      return reply.status(201).send(await getPayment(db, auth, payment.id));
    },
  );

  app.get(
    '/api/payments',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: paymentListQuery, response: { 200: paymentPageSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      const tz = q.projectId ? ((await projectOf(db, q.projectId))?.timezone ?? undefined) : undefined;
      const where = paymentFilters(auth, q, tz);
      if (q.format === 'xlsx') {
        if (!can(auth, 'export.run')) throw forbidden('export.run');
        const [rows, total] = await Promise.all([
          paymentRows(db, where, EXPORT_ROW_CAP, 0),
          countPayments(db, where),
        ]);
        return sendRowsAsXlsx(reply, {
          filename: '缴费记录.xlsx',
          sheetName: '缴费记录',
          columns: paymentColumns(tz ?? 'Asia/Shanghai'),
          rows: await presentPayments(db, rows),
          total,
        });
      }
      const [rows, total] = await Promise.all([
        paymentRows(db, where, q.pageSize, (q.page - 1) * q.pageSize),
        countPayments(db, where),
      ]);
      return { items: await presentPayments(db, rows), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/payments/:id',
    { onRequest: guard('billing.read'), schema: { tags, params: idParam, response: { 200: paymentSchema } } },
    async (request) => getPayment(db, currentAuth(request), request.params.id),
  );

  app.get(
    '/api/payments/:id/receipt.pdf',
    { onRequest: guard('billing.read'), schema: { tags, params: idParam, response: { 200: pdfFile } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const payment = await getPayment(db, auth, request.params.id);
      const [ctx] = await db
        .select({ projectName: projects.name, timeZone: projects.timezone, companyName: companies.name })
        .from(projects)
        .innerJoin(companies, eq(companies.id, projects.companyId))
        .where(eq(projects.id, payment.projectId));
      const [payer] = await db
        .select({ name: residents.name })
        .from(residentUnits)
        .innerJoin(residents, eq(residents.id, residentUnits.residentId))
        .where(eq(residentUnits.unitId, payment.unitId))
        .orderBy(residentUnits.residentId)
        .limit(1);
      const pdf = await renderReceipt(payment, {
        projectName: ctx?.projectName ?? '',
        companyName: ctx?.companyName ?? '',
        timeZone: ctx?.timeZone ?? 'Asia/Shanghai',
        payer: payer?.name ?? '',
      });
      return sendPdf(reply, `收据-${payment.receiptNo}.pdf`, pdf, 'inline');
    },
  );

  app.post(
    '/api/payments/:id/reverse',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, params: idParam, body: reverseBody, response: { 201: paymentSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const reversal = await reversePayment(services, auth, request.params.id, request.body.reason);
      return reply.status(201).send(await getPayment(db, auth, reversal.id));
    },
  );

  app.post(
    '/api/payments/online',
    {
      onRequest: guard('billing.cashier'),
      schema: { tags, body: onlineOrderBody, response: { 201: onlineOrderSchema } },
    },
    async (request, reply) => {
      const order = await createOnlineOrder(
        services,
        { kind: 'staff', auth: currentAuth(request) },
        request.body,
        `${request.protocol}://${request.host}`,
      );
      return reply.status(201).send(order);
    },
  );

  app.get(
    '/api/units/:id/prepaid',
    { onRequest: guard('billing.read'), schema: { tags, params: idParam, response: { 200: prepaidSchema } } },
    async (request) => prepaidOf(db, currentAuth(request), request.params.id),
  );

  app.get(
    '/api/units/:id/account',
    {
      onRequest: guard('billing.read'),
      schema: { tags, params: idParam, response: { 200: unitAccountSchema } },
    },
    async (request) => unitAccount(db, currentAuth(request), request.params.id),
  );

  app.get(
    '/api/cashier/units',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: cashierUnitQuery, response: { 200: cashierUnitHitsSchema } },
    },
    async (request) => searchUnits(db, currentAuth(request), request.query),
  );

  // The arrears block of the screen pop and the resident 360: a few units at a time.
  app.get(
    '/api/billing/unit-arrears',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: unitArrearsQuery, response: { 200: unitArrearsListSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      for (const id of request.query.unitIds) await loadUnit(db, id, auth);
      return { items: await arrearsBriefs(db, request.query.unitIds) };
    },
  );

  app.post(
    '/api/refunds',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, body: refundBody, response: { 201: refundSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const refund = await refundPayment(services, auth, request.body);
      const page = await listRefunds(db, auth, { page: 1, pageSize: 1, id: refund.id });
      return reply.status(201).send(page.items[0]!);
    },
  );

  app.get(
    '/api/refunds',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: refundListQuery, response: { 200: refundPageSchema } },
    },
    async (request) => listRefunds(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/cashier-reports',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: cashierReportQuery, response: { 200: cashierReportSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const { format, ...q } = request.query;
      const { report, timeZone } = await cashierReport(db, auth, q);
      if (format === 'xlsx') {
        if (!can(auth, 'export.run')) throw forbidden('export.run');
        return sendXlsx(reply, `收银日结-${q.date}.xlsx`, await cashierReportXlsx(report, timeZone));
      }
      if (format === 'pdf') {
        const [project] = await db
          .select({ name: projects.name })
          .from(projects)
          .where(eq(projects.id, q.projectId));
        const [cashier] = q.cashierId
          ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, q.cashierId))
          : [];
        const pdf = await renderCashierReport(report, {
          projectName: project?.name ?? '',
          cashierName: cashier?.name ?? null,
          timeZone,
        });
        return sendPdf(reply, `收银日结-${q.date}.pdf`, pdf, 'attachment');
      }
      return report;
    },
  );
}
