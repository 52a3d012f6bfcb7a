import {
  equipmentImportResultSchema,
  maintenanceReportQuery,
  maintenanceReportSchema,
  submitResultsBody,
  taskDetailSchema,
  taskListQuery,
  taskPageSchema,
} from '@guanjia/shared/api';
import { z } from 'zod';
import { assertInScope, can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { invalidFile } from '../imports/read-workbook';
import { guardAny } from '../tickets/guard-any';
import { projectInfo } from './equipment-queries';
import { importEquipment } from './import-equipment';
import { maintenanceReport } from './report-queries';
import { sendReportXlsx } from './report-xlsx';
import { dayIn } from './rules/dates';
import { submitResults } from './submit-results';
import { listTasks, taskDetail } from './task-queries';

/** 巡检任务 (the phone's 今日巡检 and the console's board), their answers, the ledger import and R12. */
export async function taskRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const read = guardAny('assets.read', 'inspections.execute');

  app.get(
    '/api/inspection-tasks',
    {
      onRequest: read,
      schema: { tags: ['inspections'], querystring: taskListQuery, response: { 200: taskPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      const zone = q.projectId ? (await projectInfo(db, q.projectId)).timezone : undefined;
      const { items, total } = await listTasks(
        db,
        auth,
        q,
        now(),
        'asc',
        zone ? dayIn(now(), zone) : undefined,
      );
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/inspection-tasks/:id',
    {
      onRequest: read,
      schema: { tags: ['inspections'], params: idParam, response: { 200: taskDetailSchema } },
    },
    async (request) => taskDetail(db, currentAuth(request), request.params.id, now()),
  );

  app.post(
    '/api/inspection-tasks/:id/results',
    {
      onRequest: guard('inspections.execute'),
      schema: {
        tags: ['inspections'],
        params: idParam,
        body: submitResultsBody,
        response: { 200: taskDetailSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      await submitResults(services, auth, request.params.id, request.body);
      return taskDetail(db, auth, request.params.id, now());
    },
  );

  app.post(
    '/api/equipment/import',
    {
      onRequest: guard('assets.write'),
      schema: {
        tags: ['assets'],
        querystring: z.object({ projectId: z.coerce.number().int().positive() }),
        response: { 200: equipmentImportResultSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      assertInScope(auth, request.query.projectId, 'Project');
      if (!request.isMultipart())
        throw invalidFile('Upload the workbook as multipart/form-data with one file field');
      const part = await request.file();
      if (!part) throw invalidFile('The upload carries no file');
      return importEquipment(services, auth, request.query.projectId, await part.toBuffer());
    },
  );

  app.get(
    '/api/reports/maintenance',
    {
      onRequest: guardAny('assets.read', 'reports.read'),
      schema: {
        tags: ['reports'],
        querystring: maintenanceReportQuery,
        response: { 200: maintenanceReportSchema },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      assertInScope(auth, q.projectId, 'Project');
      const report = await maintenanceReport(db, q.projectId, q.month, now());
      if (q.format === 'xlsx') {
        if (!can(auth, 'export.run')) throw forbidden('export.run');
        return sendReportXlsx(reply, report);
      }
      return report;
    },
  );
}
