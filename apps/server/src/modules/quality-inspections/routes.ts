import {
  findingInput,
  findingParams,
  inspectionDetailSchema,
  inspectionInput,
  inspectionListQuery,
  inspectionPage,
  inspectionPatch,
  inspectionPlanInput,
  inspectionPlanListQuery,
  inspectionPlanPatch,
  inspectionPlanSchema,
  itemsOf,
  pdfFile,
  scoreSheetCopyBody,
  scoreSheetList,
  scoreSheetListQuery,
  scoreSheetSchema,
  scoreSheetVersionBody,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import { users } from '../../platform/auth/schema';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP, sendRowsAsXlsx, zonedTime } from '../../platform/http/xlsx';
import { projectZones } from '../org/queries';
import { projects } from '../org/schema';
import { createInspection } from './create-inspection';
import { addFinding, removeFinding, updateInspection } from './findings';
import { inspectionInScope } from './load';
import { createPlan, listPlans, planView, setPlanActive } from './plans';
import { inspectionDetail, listInspections } from './queries';
import { renderInspectionReport } from './report-pdf';
import {
  copySheet,
  effectiveSheets,
  newSheetVersion,
  sheetInScope,
  sheetVersions,
  sheetView,
} from './sheets';
import { submitInspection } from './submit-inspection';

const tags = ['quality-inspections'];
const MODE: Record<string, string> = { planned: '计划检查', open: '明查', mystery: '暗访' };
const STATE: Record<string, string> = {
  planned: '待检查',
  in_progress: '检查中',
  submitted: '已提交',
  cancelled: '已取消',
};
const _BAND: Record<string, string> = { fail: '不及格', good: '良好', excellent: '优秀' };
const _ROLE: Record<string, string> = { manager: '部门经理', supervisor: '主管', lead: '班长(领班)' };
const _yuan = (fen: number) => fen / 100;

/** 品质检查 (issue 18): score sheets, plans, inspections, campaigns (W-21) and the R17 report. */
export async function qualityInspectionRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const detail = async (id: number, request: Parameters<typeof currentAuth>[0]) =>
    inspectionDetail(db, await inspectionInScope(db, currentAuth(request), id));

  // ── 评分表 ──
  app.get(
    '/api/score-sheets',
    {
      onRequest: guard('quality.read'),
      schema: { tags, querystring: scoreSheetListQuery, response: { 200: scoreSheetList } },
    },
    async (request) => {
      const rows = await effectiveSheets(db, currentAuth(request), request.query.projectId);
      return {
        items: rows.filter((r) => !request.query.kind || r.kind === request.query.kind).map(sheetView),
      };
    },
  );
  app.get(
    '/api/score-sheets/:id',
    {
      onRequest: guard('quality.read'),
      schema: { tags, params: idParam, response: { 200: scoreSheetSchema } },
    },
    async (request) => sheetView(await sheetInScope(db, currentAuth(request), request.params.id)),
  );
  app.get(
    '/api/score-sheets/:id/versions',
    {
      onRequest: guard('quality.read'),
      schema: { tags, params: idParam, response: { 200: scoreSheetList } },
    },
    async (request) => ({
      items: (await sheetVersions(db, await sheetInScope(db, currentAuth(request), request.params.id))).map(
        sheetView,
      ),
    }),
  );
  app.post(
    '/api/score-sheets/:id/copy',
    {
      onRequest: guard('quality.manage'),
      schema: { tags, params: idParam, body: scoreSheetCopyBody, response: { 201: scoreSheetSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          sheetView(
            await copySheet(db, currentAuth(request), now(), request.params.id, request.body.projectId),
          ),
        ),
  );
  app.post(
    '/api/score-sheets/:id/versions',
    {
      onRequest: guard('quality.manage'),
      schema: { tags, params: idParam, body: scoreSheetVersionBody, response: { 201: scoreSheetSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          sheetView(await newSheetVersion(db, currentAuth(request), now(), request.params.id, request.body)),
        ),
  );

  // ── 检查计划 ──
  app.get(
    '/api/inspection-plans',
    {
      onRequest: guard('quality.read'),
      schema: {
        tags,
        querystring: inspectionPlanListQuery,
        response: { 200: itemsOf(inspectionPlanSchema) },
      },
    },
    async (request) => ({ items: await listPlans(db, currentAuth(request), request.query.projectId) }),
  );
  const planOut = async (p: Awaited<ReturnType<typeof createPlan>>) => {
    const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, p.inspectorId));
    return planView(p, u?.name ?? '');
  };
  app.post(
    '/api/inspection-plans',
    {
      onRequest: guard('quality.manage'),
      schema: { tags, body: inspectionPlanInput, response: { 201: inspectionPlanSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await planOut(await createPlan(services, currentAuth(request), request.body))),
  );
  app.patch(
    '/api/inspection-plans/:id',
    {
      onRequest: guard('quality.manage'),
      schema: { tags, params: idParam, body: inspectionPlanPatch, response: { 200: inspectionPlanSchema } },
    },
    async (request) =>
      planOut(await setPlanActive(services, currentAuth(request), request.params.id, request.body)),
  );

  // ── 检查记录 ──
  app.get(
    '/api/inspections',
    {
      onRequest: guard('quality.read'),
      schema: { tags, querystring: inspectionListQuery, response: { 200: inspectionPage } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      if (q.format !== 'xlsx') return listInspections(db, auth, q);
      if (!can(auth, 'export.run')) throw forbidden('export.run');
      const page = await listInspections(db, auth, q, EXPORT_ROW_CAP);
      // Each row's times on its own project's clock (the list may span several projects).
      const tz = await projectZones(
        db,
        page.items.map((r) => r.projectId),
      );
      return sendRowsAsXlsx(reply, {
        filename: '品质检查记录.xlsx',
        sheetName: '检查记录',
        total: page.total,
        rows: page.items,
        columns: [
          { header: '编号', width: 8, value: (r) => r.id },
          { header: '项目', width: 14, value: (r) => r.projectName },
          { header: '评分表', width: 30, value: (r) => `${r.sheetName} v${r.sheetVersion}` },
          { header: '方式', width: 8, value: (r) => MODE[r.mode] ?? r.mode },
          { header: '状态', width: 8, value: (r) => STATE[r.state] ?? r.state },
          { header: '受检部门', width: 12, value: (r) => r.departmentName },
          { header: '区域', width: 16, value: (r) => r.area },
          { header: '检查人', width: 10, value: (r) => r.inspectorName },
          { header: '计划时间', width: 18, value: (r) => zonedTime(r.scheduledAt, tz(r.projectId)) },
          { header: '提交时间', width: 18, value: (r) => zonedTime(r.submittedAt, tz(r.projectId)) },
          { header: '得分', width: 8, value: (r) => r.total },
          { header: '百分制', width: 8, value: (r) => r.percent },
        ],
      });
    },
  );
  app.post(
    '/api/inspections',
    {
      onRequest: guard('quality.inspect'),
      schema: { tags, body: inspectionInput, response: { 201: inspectionDetailSchema } },
    },
    async (request, reply) => {
      const row = await createInspection(services, currentAuth(request), request.body);
      return reply.status(201).send(await inspectionDetail(db, row));
    },
  );
  app.get(
    '/api/inspections/:id',
    {
      onRequest: guard('quality.read'),
      schema: { tags, params: idParam, response: { 200: inspectionDetailSchema } },
    },
    async (request) => detail(request.params.id, request),
  );
  app.patch(
    '/api/inspections/:id',
    {
      onRequest: guard('quality.inspect'),
      schema: { tags, params: idParam, body: inspectionPatch, response: { 200: inspectionDetailSchema } },
    },
    async (request) =>
      inspectionDetail(
        db,
        await updateInspection(services, currentAuth(request), request.params.id, request.body),
      ),
  );
  app.post(
    '/api/inspections/:id/findings',
    {
      onRequest: guard('quality.inspect'),
      schema: { tags, params: idParam, body: findingInput, response: { 201: inspectionDetailSchema } },
    },
    async (request, reply) => {
      await addFinding(services, currentAuth(request), request.params.id, request.body);
      return reply.status(201).send(await detail(request.params.id, request));
    },
  );
  app.delete(
    '/api/inspections/:id/findings/:findingId',
    {
      onRequest: guard('quality.inspect'),
      schema: { tags, params: findingParams, response: { 200: inspectionDetailSchema } },
    },
    async (request) => {
      await removeFinding(services, currentAuth(request), request.params.id, request.params.findingId);
      return detail(request.params.id, request);
    },
  );
  app.post(
    '/api/inspections/:id/submit',
    {
      onRequest: guard('quality.inspect'),
      schema: { tags, params: idParam, response: { 200: inspectionDetailSchema } },
    },
    async (request) =>
      inspectionDetail(db, await submitInspection(services, currentAuth(request), request.params.id)),
  );
  app.get(
    '/api/inspections/:id/report.pdf',
    { onRequest: guard('quality.read'), schema: { tags, params: idParam, response: { 200: pdfFile } } },
    async (request, reply) => {
      const i = await detail(request.params.id, request);
      const [p] = await db
        .select({ tz: projects.timezone })
        .from(projects)
        .where(eq(projects.id, i.projectId));
      const pdf = await renderInspectionReport(i, { timeZone: p?.tz ?? 'Asia/Shanghai' });
      const name = `品质检查报告-${i.id}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
