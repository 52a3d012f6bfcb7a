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
import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import { recordEvent } from '../../platform/events/record-event';
import type { App } from '../../platform/http/app-types';
import { forbidden, notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP, sendRowsAsXlsx, zonedTime } from '../../platform/http/xlsx';
import { projects } from '../org/schema';
import { closeEmergency, moveEmergency, writeReport } from './lifecycle';
import { emergencyInScope } from './load';
import { notifyResidents } from './notify-residents';
import { openEmergency } from './open-emergency';
import { emergencyDetail, listEmergencies } from './queries';
import { renderEmergencyReport } from './report-pdf';
import { addRectification, setRectificationDone, writeReview } from './review';
import { stormTasks } from './schema';
import { ackStep, checkinStep } from './step-actions';

const tags = ['emergencies'];

export async function emergencyRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const detail = async (id: number, request: Parameters<typeof currentAuth>[0]) =>
    emergencyDetail(db, await emergencyInScope(db, currentAuth(request), id), now());

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
      const tz = 'Asia/Shanghai';
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
          { header: '上报时间', width: 18, value: (r) => zonedTime(r.startedAt, tz) },
          { header: '控制时间', width: 18, value: (r) => zonedTime(r.controlledAt, tz) },
          { header: '结束时间', width: 18, value: (r) => zonedTime(r.endedAt, tz) },
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

  app.post(
    '/api/emergencies/:id/status',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, params: idParam, body: emergencyTransitionBody, response: { 200: emergencySchema } },
    },
    async (request) => {
      await moveEmergency(services, currentAuth(request), request.params.id, request.body);
      return detail(request.params.id, request);
    },
  );

  app.post(
    '/api/emergencies/:id/notify',
    {
      onRequest: guard('emergencies.report', 'incidents.write'),
      schema: { tags, params: idParam, body: emergencyNotifyBody, response: { 200: emergencySchema } },
    },
    async (request) => {
      await notifyResidents(services, currentAuth(request), request.params.id, request.body);
      return detail(request.params.id, request);
    },
  );

  app.put(
    '/api/emergencies/:id/report',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, params: idParam, body: emergencyReportInput, response: { 200: emergencySchema } },
    },
    async (request) => {
      await writeReport(services, currentAuth(request), request.params.id, request.body);
      return detail(request.params.id, request);
    },
  );

  app.post(
    '/api/emergencies/:id/review',
    {
      onRequest: guard('emergencies.manage'),
      schema: { tags, params: idParam, body: emergencyReviewInput, response: { 200: emergencySchema } },
    },
    async (request) => {
      await writeReview(services, currentAuth(request), request.params.id, request.body);
      return detail(request.params.id, request);
    },
  );

  app.post(
    '/api/emergencies/:id/rectifications',
    {
      onRequest: guard('emergencies.manage'),
      schema: { tags, params: idParam, body: rectificationInput, response: { 200: emergencySchema } },
    },
    async (request) => {
      await addRectification(services, currentAuth(request), request.params.id, request.body);
      return detail(request.params.id, request);
    },
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
    '/api/emergencies/:id/close',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, params: idParam, body: emergencyCloseBody, response: { 200: emergencySchema } },
    },
    async (request) => {
      await closeEmergency(services, currentAuth(request), request.params.id, request.body.version);
      return detail(request.params.id, request);
    },
  );

  app.post(
    '/api/emergencies/:id/storm-tasks/:taskId/done',
    {
      onRequest: guard('emergencies.report'),
      schema: { tags, params: stormTaskParams, response: { 200: emergencySchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { id, taskId } = request.params;
      const at = now();
      await db.transaction(async (tx) => {
        const e = await emergencyInScope(tx, auth, id, true);
        const [task] = await tx
          .update(stormTasks)
          .set({ doneAt: at, doneById: auth.userId })
          .where(and(eq(stormTasks.id, taskId), eq(stormTasks.emergencyId, e.id)))
          .returning();
        if (!task) throw notFound('Storm check');
        await recordEvent(tx, userActor(auth), at, {
          action: 'emergency.storm_check_done',
          entityType: 'emergency',
          entityId: e.id,
          projectId: e.projectId,
          after: { title: task.title },
        });
      });
      return detail(id, request);
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
