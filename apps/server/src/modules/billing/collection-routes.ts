import {
  arrearsQuery,
  arrearsReportSchema,
  assignDoorBody,
  attemptListQuery,
  billingReportQuery,
  billingReportSchema,
  campaignListQuery,
  campaignListSchema,
  campaignSchema,
  collectionAttemptPageSchema,
  collectionAttemptSchema,
  collectionTaskPageSchema,
  collectionTaskSchema,
  contactWindowsBody,
  contactWindowsSchema,
  createCampaignBody,
  createDoorBody,
  disputeBody,
  disputeResultSchema,
  doneDoorBody,
  doorListQuery,
  editCampaignBody,
  logAttemptBody,
  okSchema,
  openingImportQuery,
  openingImportSchema,
  pdfFile,
  unitArrearsSchema,
  xlsxFile,
} from '@guanjia/shared/api';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { type AuthContext, assertCan, assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, versionQuery } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP, sendXlsx } from '../../platform/http/xlsx';
import { invalidFile } from '../imports/read-workbook';
import { arrearsReport } from './arrears-queries';
import { attemptRows, attemptWhere, presentAttempts, presentTasks } from './attempt-queries';
import { billingReport } from './billing-reports';
import {
  campaignInScope,
  createCampaign,
  deleteCampaign,
  editCampaign,
  presentCampaign,
} from './campaign-commands';
import { projectOf } from './collection-context';
import { sendArrearsXlsx, sendAttemptsXlsx, sendReportXlsx } from './collection-exports';
import { letterOf } from './collection-letter-data';
import { collectionAttempts, collectionCampaigns, collectionTasks } from './collection-schema';
import { readContactWindows, saveContactWindows } from './contact-windows';
import { disputeBill } from './dispute-bill';
import {
  assignDoorCollection,
  createDoorCollection,
  finishCollectionTask,
  taskInScope,
} from './door-collections';
import { importOpeningArrears, openingTemplate } from './import-opening-arrears';
import { logAttempt } from './log-attempt';
import { unitArrears } from './unit-arrears';

const tags = ['billing'];

/** 催缴 and arrears (W-23/W-24): thin routes over the commands and queries beside this file. */
export async function collectionRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const zone = async (projectId: number) => (await projectOf(db, projectId))?.timezone ?? 'Asia/Shanghai';
  const scopedProjects = (auth: AuthContext, projectId?: number) => {
    if (projectId) assertInScope(auth, projectId, 'Project');
    const ids = projectId ? [projectId] : [...auth.projectIds];
    return ids.length ? ids : [-1];
  };

  app.get(
    '/api/arrears',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: arrearsQuery, response: { 200: arrearsReportSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      if (q.format === 'xlsx') {
        assertCan(auth, 'export.run');
        const report = await arrearsReport(db, auth, { ...q, page: 1, pageSize: EXPORT_ROW_CAP }, now());
        return sendArrearsXlsx(reply, report.units.items, report.units.total, await zone(q.projectId));
      }
      return arrearsReport(db, auth, q, now());
    },
  );

  app.get(
    '/api/units/:id/arrears',
    {
      onRequest: guard('billing.read'),
      schema: { tags, params: idParam, response: { 200: unitArrearsSchema } },
    },
    async (request) => unitArrears(db, currentAuth(request), request.params.id, now()),
  );

  app.post(
    '/api/bills/:id/dispute',
    {
      onRequest: guard('billing.collect'),
      schema: { tags, params: idParam, body: disputeBody, response: { 200: disputeResultSchema } },
    },
    async (request) => disputeBill(services, currentAuth(request), request.params.id, request.body),
  );

  // ---- campaigns ----
  app.get(
    '/api/collection-campaigns',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: campaignListQuery, response: { 200: campaignListSchema } },
    },
    async (request) => {
      const ids = scopedProjects(currentAuth(request), request.query.projectId);
      const rows = await db
        .select()
        .from(collectionCampaigns)
        .where(inArray(collectionCampaigns.projectId, ids))
        .orderBy(desc(collectionCampaigns.active), asc(collectionCampaigns.id));
      return { items: rows.map(presentCampaign) };
    },
  );
  app.get(
    '/api/collection-campaigns/:id',
    {
      onRequest: guard('billing.read'),
      schema: { tags, params: idParam, response: { 200: campaignSchema } },
    },
    async (request) => presentCampaign(await campaignInScope(db, currentAuth(request), request.params.id)),
  );
  app.post(
    '/api/collection-campaigns',
    {
      onRequest: guard('billing.collect'),
      schema: { tags, body: createCampaignBody, response: { 201: campaignSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentCampaign(await createCampaign(services, currentAuth(request), request.body))),
  );
  app.patch(
    '/api/collection-campaigns/:id',
    {
      onRequest: guard('billing.collect'),
      schema: { tags, params: idParam, body: editCampaignBody, response: { 200: campaignSchema } },
    },
    async (request) =>
      presentCampaign(await editCampaign(services, currentAuth(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/collection-campaigns/:id',
    {
      onRequest: guard('billing.collect'),
      schema: { tags, params: idParam, querystring: versionQuery, response: { 200: okSchema } },
    },
    async (request) => {
      await deleteCampaign(services, currentAuth(request), request.params.id, request.query.version);
      return { ok: true };
    },
  );

  // ---- attempts ----
  app.get(
    '/api/collection-attempts',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: attemptListQuery, response: { 200: collectionAttemptPageSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      if (q.projectId) assertInScope(auth, q.projectId, 'Project');
      const where = attemptWhere(auth, q);
      const [{ total } = { total: 0 }] = await db
        .select({ total: count() })
        .from(collectionAttempts)
        .where(where);
      if (q.format === 'xlsx') {
        assertCan(auth, 'export.run');
        const rows = await presentAttempts(db, await attemptRows(db, where, EXPORT_ROW_CAP, 0));
        const tz = await zone(q.projectId ?? auth.projectIds[0] ?? 0);
        return sendAttemptsXlsx(reply, rows, total, tz);
      }
      const rows = await attemptRows(db, where, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: await presentAttempts(db, rows), total, page: q.page, pageSize: q.pageSize };
    },
  );
  app.post(
    '/api/collection-attempts',
    {
      onRequest: guard('billing.collect'),
      schema: { tags, body: logAttemptBody, response: { 201: collectionAttemptSchema } },
    },
    async (request, reply) => {
      const row = await logAttempt(services, currentAuth(request), request.body);
      return reply.status(201).send((await presentAttempts(db, [row]))[0]!);
    },
  );
  app.get(
    '/api/collection-attempts/:id/letter.pdf',
    { onRequest: guard('billing.read'), schema: { tags, params: idParam, response: { 200: pdfFile } } },
    async (request, reply) => {
      const { pdf, name } = await letterOf(db, currentAuth(request), request.params.id, now());
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  // ---- 上门收费 and the follow-up tasks ----
  app.get(
    '/api/door-collections',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: doorListQuery, response: { 200: collectionTaskPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      const where = and(
        inArray(collectionTasks.projectId, scopedProjects(auth, q.projectId)),
        q.status ? eq(collectionTasks.status, q.status) : undefined,
      );
      const [{ total } = { total: 0 }] = await db
        .select({ total: count() })
        .from(collectionTasks)
        .where(where);
      const rows = await db
        .select()
        .from(collectionTasks)
        .where(where)
        .orderBy(desc(collectionTasks.createdAt), desc(collectionTasks.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      return { items: await presentTasks(db, auth, rows), total, page: q.page, pageSize: q.pageSize };
    },
  );
  const oneTask = async (auth: AuthContext, id: number) =>
    (await presentTasks(db, auth, [await taskInScope(db, auth, id)]))[0]!;
  app.post(
    '/api/door-collections',
    {
      onRequest: guard('billing.collect'),
      schema: { tags, body: createDoorBody, response: { 201: collectionTaskSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await createDoorCollection(services, auth, request.body);
      return reply.status(201).send(await oneTask(auth, row.id));
    },
  );
  app.post(
    '/api/door-collections/:id/assign',
    {
      onRequest: guard('billing.collect'),
      schema: { tags, params: idParam, body: assignDoorBody, response: { 200: collectionTaskSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await assignDoorCollection(services, auth, request.params.id, request.body);
      return oneTask(auth, request.params.id);
    },
  );
  app.post(
    '/api/door-collections/:id/done',
    {
      onRequest: guard('billing.collect'),
      schema: { tags, params: idParam, body: doneDoorBody, response: { 200: collectionTaskSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await finishCollectionTask(services, auth, request.params.id, request.body);
      return oneTask(auth, request.params.id);
    },
  );

  // ---- residents' contact windows (分时间段催缴) ----
  app.get(
    '/api/residents/:id/contact-windows',
    {
      onRequest: guard('billing.read'),
      schema: { tags, params: idParam, response: { 200: contactWindowsSchema } },
    },
    async (request) => readContactWindows(db, currentAuth(request), request.params.id),
  );
  app.put(
    '/api/residents/:id/contact-windows',
    {
      onRequest: guard('billing.collect'),
      schema: { tags, params: idParam, body: contactWindowsBody, response: { 200: contactWindowsSchema } },
    },
    async (request) => saveContactWindows(services, currentAuth(request), request.params.id, request.body),
  );

  // ---- 历史欠费 (opening arrears) ----
  app.get(
    '/api/opening-arrears/template.xlsx',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, querystring: openingImportQuery, response: { 200: xlsxFile } },
    },
    async (request, reply) => {
      assertInScope(currentAuth(request), request.query.projectId, 'Project');
      return sendXlsx(reply, '历史欠费导入模板.xlsx', await openingTemplate());
    },
  );
  app.post(
    '/api/opening-arrears',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, querystring: openingImportQuery, response: { 200: openingImportSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      assertInScope(auth, request.query.projectId, 'Project');
      if (!request.isMultipart())
        throw invalidFile('Upload the workbook as multipart/form-data with one file field');
      const part = await request.file();
      if (!part) throw invalidFile('The upload carries no file');
      return importOpeningArrears(services, auth, request.query.projectId, await part.toBuffer());
    },
  );

  // ---- 收费报表 ----
  app.get(
    '/api/reports/billing',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: billingReportQuery, response: { 200: billingReportSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const report = await billingReport(db, auth, request.query, now());
      if (request.query.format === 'xlsx') {
        assertCan(auth, 'export.run');
        return sendReportXlsx(reply, report);
      }
      return report;
    },
  );
}
