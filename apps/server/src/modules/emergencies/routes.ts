import type { Permission } from '@guanjia/shared';
import {
  emergencyCloseBody,
  emergencyInput,
  emergencyListQuery,
  emergencyNotifyBody,
  emergencyPageSchema,
  emergencyReportInput,
  emergencyReviewInput,
  emergencySchema,
  emergencyStepParams,
  emergencyTransitionBody,
  pdfFile,
  rectificationDoneBody,
  rectificationInput,
  rectificationParams,
  stepCheckinBody,
  stormTaskParams,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { ZodType, z } from 'zod';
import { type AuthContext, can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP, sendRowsAsXlsx, zonedTime } from '../../platform/http/xlsx';
import { projectZones } from '../org/queries';
import { projects } from '../org/schema';
import { closeEmergency, moveEmergency, writeReport } from './lifecycle';
import { emergencyInScope } from './load';
import { notifyResidents } from './notify-residents';
import { openEmergency } from './open-emergency';
import { emergencyDetail, listEmergencies } from './queries';
import { renderEmergencyReport } from './report-pdf';
import { addRectification, setRectificationDone, writeReview } from './review';
import { ackStep, checkinStep } from './step-actions';
import { finishStormCheck } from './storm';

const tags = ['emergencies'];

export async function emergencyRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const detail = async (id: number, request: Parameters<typeof currentAuth>[0]) =>
    emergencyDetail(db, await emergencyInScope(db, currentAuth(request), id), now());
  /** `/api/emergencies/:id/<verb>`: run the command, answer the emergency as it now stands. */
  const action = <B extends ZodType>(
    method: 'post' | 'put',
    verb: string,
    permissions: Permission[],
    body: B,
    run: (auth: AuthContext, id: number, body: z.infer<B>) => Promise<unknown>,
  ) =>
    app[method](
      `/api/emergencies/:id/${verb}`,
      {
        onRequest: guard(...permissions),
        schema: { tags, params: idParam, body, response: { 200: emergencySchema } },
      },
      async (request) => {
        await run(currentAuth(request), request.params.id, request.body as z.infer<B>);
        return detail(request.params.id, request);
      },
    );

  app.get(
    '/api/emergencies',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, querystring: emergencyListQuery, response: { 200: emergencyPageSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      if (q.format !== 'xlsx') return listEmergencies(db, auth, q);
      if (!can(auth, 'export.run')) throw forbidden('export.run');
      const page = await listEmergencies(db, auth, q, EXPORT_ROW_CAP);
      // Each row on its own project's clock.
      const zoneOf = await projectZones(
        db,
        page.items.map((r) => r.projectId),
      );
      return sendRowsAsXlsx(reply, {
        filename: '应急事件台账.xlsx',
        sheetName: '应急事件',
        total: page.total,
        rows: page.items,
        columns: [
          { header: '编号', width: 18, value: (r) => r.number },
          { header: '类别', width: 10, value: (r) => r.group },
          { header: '类型', width: 10, value: (r) => r.type },
          { header: '等级', width: 8, value: (r) => r.level },
          { header: '状态', width: 8, value: (r) => r.status },
          { header: '演习', width: 6, value: (r) => (r.drill ? '是' : '否') },
          { header: '地点', width: 24, value: (r) => r.place },
          { header: '上报人', width: 10, value: (r) => r.reportedByName },
          { header: '上报时间', width: 18, value: (r) => zonedTime(r.startedAt, zoneOf(r.projectId)) },
          { header: '控制时间', width: 18, value: (r) => zonedTime(r.controlledAt, zoneOf(r.projectId)) },
          { header: '结束时间', width: 18, value: (r) => zonedTime(r.endedAt, zoneOf(r.projectId)) },
        ],
      });
    },
  );

  app.post(
    '/api/emergencies',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, body: emergencyInput, response: { 201: emergencySchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      if (request.body.drill && !can(auth, 'emergencies.manage')) throw forbidden('emergencies.manage');
      const e = await openEmergency(services, auth, request.body);
      return reply.status(201).send(await emergencyDetail(db, e, now()));
    },
  );

  app.get(
    '/api/emergencies/:id',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, params: idParam, response: { 200: emergencySchema } },
    },
    async (request) => detail(request.params.id, request),
  );

  app.post(
    '/api/emergencies/:id/steps/:stepId/ack',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, params: emergencyStepParams, response: { 200: emergencySchema } },
    },
    async (request) => {
      await ackStep(services, currentAuth(request), request.params.id, request.params.stepId);
      return detail(request.params.id, request);
    },
  );

  app.post(
    '/api/emergencies/:id/steps/:stepId/checkin',
    {
      onRequest: guard('emergencies.report'),
      schema: {
        tags,
        params: emergencyStepParams,
        body: stepCheckinBody,
        response: { 200: emergencySchema },
      },
    },
    async (request) => {
      await checkinStep(
        services,
        currentAuth(request),
        request.params.id,
        request.params.stepId,
        request.body,
      );
      return detail(request.params.id, request);
    },
  );

  action('post', 'status', ['emergencies.report'], emergencyTransitionBody, (auth, id, body) =>
    moveEmergency(services, auth, id, body),
  );
  // Notifying residents publishes through the outage/notice channels, so it needs their permission too.
  action('post', 'notify', ['emergencies.report', 'incidents.write'], emergencyNotifyBody, (auth, id, body) =>
    notifyResidents(services, auth, id, body),
  );
  action('put', 'report', ['emergencies.report'], emergencyReportInput, (auth, id, body) =>
    writeReport(services, auth, id, body),
  );
  action('post', 'review', ['emergencies.manage'], emergencyReviewInput, (auth, id, body) =>
    writeReview(services, auth, id, body),
  );
  action('post', 'rectifications', ['emergencies.manage'], rectificationInput, (auth, id, body) =>
    addRectification(services, auth, id, body),
  );
  action('post', 'close', ['emergencies.report'], emergencyCloseBody, (auth, id, body) =>
    closeEmergency(services, auth, id, body.version),
  );

  app.patch(
    '/api/emergencies/:id/rectifications/:itemId',
    {
      onRequest: guard('emergencies.report'),
      schema: {
        tags,
        params: rectificationParams,
        body: rectificationDoneBody,
        response: { 200: emergencySchema },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      await setRectificationDone(services, currentAuth(request), id, itemId, request.body.done);
      return detail(id, request);
    },
  );

  app.post(
    '/api/emergencies/:id/storm-tasks/:taskId/done',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, params: stormTaskParams, response: { 200: emergencySchema } },
    },
    async (request) => {
      await finishStormCheck(services, currentAuth(request), request.params.id, request.params.taskId);
      return detail(request.params.id, request);
    },
  );

  app.get(
    '/api/emergencies/:id/report.pdf',
    { onRequest: guard('emergencies.report'), schema: { tags, params: idParam, response: { 200: pdfFile } } },
    async (request, reply) => {
      const e = await detail(request.params.id, request);
      const [p] = await db
        .select({ name: projects.name, tz: projects.timezone })
        .from(projects)
        .where(eq(projects.id, e.projectId));
      const pdf = await renderEmergencyReport(e, {
        projectName: p?.name ?? '',
        timeZone: p?.tz ?? 'Asia/Shanghai',
      });
      const name = `特别事件报告-${e.number}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
