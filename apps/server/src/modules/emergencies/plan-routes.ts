import {
  dutyRosterQuery,
  dutyRosterSchema,
  dutyShiftInput,
  dutyShiftSchema,
  emergencyPlanInput,
  emergencyPlanListQuery,
  emergencyPlanListSchema,
  emergencyPlanPatch,
  emergencyPlanSchema,
  emergencyR19Schema,
  emergencyReportQuery,
  noContent,
  planDefaultsBody,
  planDefaultsResultSchema,
} from '@guanjia/shared/api';
import { userActor } from '../../platform/auth/actor';
import { assertInScope, can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam, versionQuery } from '../../platform/http/pagination';
import { sendRowsAsXlsx } from '../../platform/http/xlsx';
import { createPlan, deletePlan, ensureDefaultPlans, listPlans, presentPlan, updatePlan } from './plans';
import { emergencyR19 } from './r19';
import { addShift, deleteShift, listRoster, userNames } from './roster';

const tags = ['emergencies'];

/** 应急预案, 值班表 and the R19 report. */
export async function emergencyPlanRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();

  app.get(
    '/api/emergency-plans',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, querystring: emergencyPlanListQuery, response: { 200: emergencyPlanListSchema } },
    },
    async (request) => ({
      items: (await listPlans(db, currentAuth(request), request.query.projectId)).map(presentPlan),
    }),
  );

  app.post(
    '/api/emergency-plans',
    {
      onRequest: guard('emergencies.manage'),
      schema: { tags, body: emergencyPlanInput, response: { 201: emergencyPlanSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(presentPlan(await createPlan(services, currentAuth(request), request.body))),
  );

  app.post(
    '/api/emergency-plans/defaults',
    {
      onRequest: guard('emergencies.manage'),
      schema: { tags, body: planDefaultsBody, response: { 200: planDefaultsResultSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      assertInScope(auth, request.body.projectId, 'Project');
      const at = now();
      const created = await db.transaction((tx) =>
        ensureDefaultPlans(tx, userActor(auth), at, auth.companyId, request.body.projectId),
      );
      return { created };
    },
  );

  app.put(
    '/api/emergency-plans/:id',
    {
      onRequest: guard('emergencies.manage'),
      schema: { tags, params: idParam, body: emergencyPlanPatch, response: { 200: emergencyPlanSchema } },
    },
    async (request) =>
      presentPlan(await updatePlan(services, currentAuth(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/emergency-plans/:id',
    {
      onRequest: guard('emergencies.manage'),
      schema: { tags, params: idParam, querystring: versionQuery, response: { 204: noContent } },
    },
    async (request, reply) => {
      await deletePlan(services, currentAuth(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/duty-roster',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, querystring: dutyRosterQuery, response: { 200: dutyRosterSchema } },
    },
    async (request) => listRoster(db, currentAuth(request), request.query, now()),
  );

  app.post(
    '/api/duty-roster',
    {
      onRequest: guard('emergencies.manage'),
      schema: { tags, body: dutyShiftInput, response: { 201: dutyShiftSchema } },
    },
    async (request, reply) => {
      const row = await addShift(services, currentAuth(request), request.body);
      const names = await userNames(db, [row.userId]);
      return reply.status(201).send({
        id: row.id,
        projectId: row.projectId,
        role: row.role,
        userId: row.userId,
        userName: names.get(row.userId) ?? '',
        date: row.date,
        startTime: row.startTime,
        endTime: row.endTime,
      });
    },
  );

  app.delete(
    '/api/duty-roster/:id',
    {
      onRequest: guard('emergencies.manage'),
      schema: { tags, params: idParam, response: { 204: noContent } },
    },
    async (request, reply) => {
      await deleteShift(services, currentAuth(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/reports/emergencies',
    {
      onRequest: guard('reports.read'),
      schema: { tags, querystring: emergencyReportQuery, response: { 200: emergencyR19Schema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const r = await emergencyR19(db, auth, request.query, now());
      if (request.query.format !== 'xlsx') return r;
      if (!can(auth, 'export.run')) throw forbidden('export.run');
      return sendRowsAsXlsx(reply, {
        filename: `特别事件报表-${r.from}-${r.to}.xlsx`,
        sheetName: '步骤时限达标',
        rows: r.steps,
        columns: [
          { header: '步骤', width: 30, value: (s) => s.title },
          { header: '次数', width: 8, value: (s) => s.total },
          { header: '按时', width: 8, value: (s) => s.met },
          { header: '达标率%', width: 10, value: (s) => s.compliancePct },
          { header: '超时中位数（分钟）', width: 18, value: (s) => s.medianLateMinutes },
        ],
      });
    },
  );
}
