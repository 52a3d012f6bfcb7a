import {
  careCalendarSchema,
  careCampaignInput,
  careCampaignListSchema,
  homeVisitPageSchema,
  homeVisitSchema,
  VISIT_PURPOSES,
  VISIT_STATUSES,
  visitConfirmInput,
  visitInput,
  visitReportSchema,
  visitResultInput,
  visitSuggestionListSchema,
  xlsxFile,
} from '@guanjia/shared/api';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, pageQuery, queryBool } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP, sendRowsAsXlsx } from '../../platform/http/xlsx';
import { careCalendar, createCareCampaign, listCareCampaigns } from './care';
import { createVisit } from './create-visit';
import { visitReport, visitSuggestions } from './plan-queries';
import { listVisits, presentVisits, projectToday, visitInScope } from './queries';
import { confirmVisit, recordVisitResult } from './record-visit';
import { sendVisitReportXlsx } from './report-xlsx';

const tags = ['visits'];
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const listQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(VISIT_STATUSES).optional(),
  purpose: z.enum(VISIT_PURPOSES).optional(),
  from: day.optional(),
  to: day.optional(),
  overdue: queryBool.optional(),
  mine: queryBool.optional(),
  unitId: z.coerce.number().int().positive().optional(),
});
const projectQuery = z.object({ projectId: z.coerce.number().int().positive() });
const suggestionQuery = projectQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(30) });
const monthQuery = projectQuery.extend({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

/** 走访 (W-11, R08) and 业主关怀 (W-32). Reading needs residents.read; planning and recording visits.write. */
export async function visitRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const one = async (auth: AuthContext, id: number) => {
    const v = await visitInScope(db, auth, id);
    const [out] = await presentVisits(db, [v], await projectToday(db, v.projectId, now()));
    return out!;
  };

  app.get(
    '/api/visits',
    {
      onRequest: guard('residents.read'),
      schema: { tags, querystring: listQuery, response: { 200: homeVisitPageSchema } },
    },
    async (request) => listVisits(db, currentAuth(request), request.query, now()),
  );
  app.get(
    '/api/visits/export.xlsx',
    {
      onRequest: guard('residents.read', 'export.run'),
      schema: { tags, querystring: listQuery, response: { 200: xlsxFile } },
    },
    async (request, reply) => {
      const r = await listVisits(
        db,
        currentAuth(request),
        { ...request.query, page: 1 },
        now(),
        EXPORT_ROW_CAP,
      );
      return sendRowsAsXlsx(reply, {
        filename: '走访记录.xlsx',
        sheetName: '走访',
        total: r.total,
        rows: r.items,
        columns: [
          { header: '房屋', width: 14, value: (v) => v.unitLabel },
          { header: '目的', width: 10, value: (v) => v.purpose },
          { header: '方式', width: 6, value: (v) => v.method },
          { header: '计划日期', width: 12, value: (v) => v.plannedOn },
          { header: '截止日期', width: 12, value: (v) => v.dueOn },
          { header: '状态', width: 10, value: (v) => STATUS_ZH[v.status] },
          { header: '逾期', width: 6, value: (v) => (v.overdue ? '是' : '') },
          { header: '走访人', width: 16, value: (v) => v.visitorNames.join('、') },
          { header: '意见', width: 30, value: (v) => v.opinions },
        ],
      });
    },
  );
  app.get(
    '/api/visits/suggestions',
    {
      onRequest: guard('residents.read'),
      schema: { tags, querystring: suggestionQuery, response: { 200: visitSuggestionListSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const today = await projectToday(db, request.query.projectId, now());
      return { items: await visitSuggestions(db, auth, request.query.projectId, today, request.query.limit) };
    },
  );
  app.get(
    '/api/visits/:id',
    {
      onRequest: guard('residents.read'),
      schema: { tags, params: idParam, response: { 200: homeVisitSchema } },
    },
    async (request) => one(currentAuth(request), request.params.id),
  );
  app.post(
    '/api/visits',
    {
      onRequest: guard('visits.write'),
      schema: { tags, body: visitInput, response: { 201: homeVisitSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const id = await createVisit(services, auth, request.body);
      return reply.status(201).send(await one(auth, id));
    },
  );
  app.post(
    '/api/visits/:id/confirm',
    {
      onRequest: guard('visits.write'),
      schema: { tags, params: idParam, body: visitConfirmInput, response: { 200: homeVisitSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await confirmVisit(services, auth, request.params.id, request.body);
      return one(auth, request.params.id);
    },
  );
  app.post(
    '/api/visits/:id/result',
    {
      onRequest: guard('visits.write'),
      schema: { tags, params: idParam, body: visitResultInput, response: { 200: homeVisitSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await recordVisitResult(services, auth, request.params.id, request.body);
      return one(auth, request.params.id);
    },
  );
  app.get(
    '/api/reports/visits',
    {
      onRequest: guard('residents.read'),
      schema: { tags, querystring: monthQuery, response: { 200: visitReportSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const today = await projectToday(db, request.query.projectId, now());
      return visitReport(db, auth, request.query.projectId, request.query.month, today);
    },
  );
  app.get(
    '/api/reports/visits/export.xlsx',
    {
      onRequest: guard('residents.read', 'export.run'),
      schema: { tags, querystring: monthQuery, response: { 200: xlsxFile } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const today = await projectToday(db, request.query.projectId, now());
      return sendVisitReportXlsx(
        reply,
        await visitReport(db, auth, request.query.projectId, request.query.month, today),
      );
    },
  );
  app.get(
    '/api/care/calendar',
    {
      onRequest: guard('residents.read'),
      schema: { tags, querystring: monthQuery, response: { 200: careCalendarSchema } },
    },
    async (request) => careCalendar(db, currentAuth(request), request.query.projectId, request.query.month),
  );
  app.get(
    '/api/care-campaigns',
    {
      onRequest: guard('residents.read'),
      schema: { tags, querystring: projectQuery, response: { 200: careCampaignListSchema } },
    },
    async (request) => ({
      items: await listCareCampaigns(db, currentAuth(request), request.query.projectId),
    }),
  );
  app.post(
    '/api/care-campaigns',
    {
      onRequest: guard('visits.write'),
      schema: { tags, body: careCampaignInput, response: { 201: careCampaignListSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      await createCareCampaign(services, auth, request.body);
      return reply.status(201).send({ items: await listCareCampaigns(db, auth, request.body.projectId) });
    },
  );
}

export const STATUS_ZH: Record<string, string> = {
  planned: '待走访',
  confirmed: '已预约',
  visited: '已走访',
  absent: '无人在家',
  refused: '拒访',
  cancelled: '已取消',
};
