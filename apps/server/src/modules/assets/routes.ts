import {
  equipmentDetailSchema,
  equipmentInput,
  equipmentListQuery,
  equipmentPageSchema,
  equipmentPatch,
  equipmentSchema,
  equipmentStatusBody,
  pdfFile,
  scanQuery,
  scanResultSchema,
} from '@guanjia/shared/api';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { forbidden, notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP } from '../../platform/http/xlsx';
import { projects } from '../org/schema';
import { guardAny } from '../tickets/guard-any';
import {
  equipmentDetail,
  equipmentInScope,
  listEquipment,
  projectInfo,
  reminderDays,
} from './equipment-queries';
import { sendEquipmentXlsx } from './equipment-xlsx';
import { renderEquipmentLabels } from './labels-pdf';
import { planRoutes } from './plan-routes';
import { presentEquipment } from './present';
import { dayIn } from './rules/dates';
import { changeEquipmentStatus, createEquipment, editEquipment } from './save-equipment';
import { resolveScan } from './scan';
import { equipment } from './schema';
import { taskRoutes } from './task-routes';

const tags = ['assets'];
const labelsQuery = z.object({
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated ids')
    .transform((v) => [...new Set(v.split(',').map(Number))])
    .pipe(z.array(z.number()).min(1).max(500)),
});

/** 设备台账: the ledger, its labels and export, and the scan of a label. */
export async function assetRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const present = async (row: typeof equipment.$inferSelect) => {
    const p = await projectInfo(db, row.projectId);
    return presentEquipment(
      row,
      dayIn(now(), p.timezone),
      await reminderDays(db, row.companyId, row.projectId),
    );
  };

  app.get(
    '/api/equipment',
    {
      onRequest: guardAny('assets.read', 'inspections.execute'),
      schema: { tags, querystring: equipmentListQuery, response: { 200: equipmentPageSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      if (q.format === 'xlsx') {
        if (!can(auth, 'export.run')) throw forbidden('export.run');
        const { items, total } = await listEquipment(db, auth, q, now(), EXPORT_ROW_CAP, 0);
        return sendEquipmentXlsx(reply, items, total);
      }
      const { items, total } = await listEquipment(db, auth, q, now());
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/equipment/labels.pdf',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: labelsQuery, response: { 200: pdfFile } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const rows = await db.select().from(equipment).where(inArray(equipment.id, request.query.ids));
      const mine = rows.filter((r) => auth.projectIds.includes(r.projectId));
      if (!mine.length) throw notFound('Equipment');
      const order = new Map(request.query.ids.map((id, i) => [id, i]));
      mine.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      const [project] = await db
        .select({ name: projects.name })
        .from(projects)
        .where(eq(projects.id, mine[0]!.projectId));
      const pdf = await renderEquipmentLabels(mine, project?.name ?? '');
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(`设备标签-${mine.length}.pdf`)}`,
        )
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/equipment/:id',
    {
      onRequest: guardAny('assets.read', 'inspections.execute'),
      schema: { tags, params: idParam, response: { 200: equipmentDetailSchema } },
    },
    async (request) => equipmentDetail(db, currentAuth(request), request.params.id, now()),
  );

  app.post(
    '/api/equipment',
    {
      onRequest: guard('assets.write'),
      schema: { tags, body: equipmentInput, response: { 201: equipmentSchema } },
    },
    async (request, reply) => {
      const row = await createEquipment(services, currentAuth(request), request.body);
      return reply.status(201).send(await present(row));
    },
  );

  app.patch(
    '/api/equipment/:id',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: equipmentPatch, response: { 200: equipmentSchema } },
    },
    async (request) =>
      present(await editEquipment(services, currentAuth(request), request.params.id, request.body)),
  );

  app.post(
    '/api/equipment/:id/status',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: equipmentStatusBody, response: { 200: equipmentSchema } },
    },
    async (request) =>
      present(await changeEquipmentStatus(services, currentAuth(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/equipment/:id',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, response: { 200: equipmentSchema } },
    },
    // The ledger keeps history: "delete" is 报废, with its status change timed like any other.
    async (request) => {
      const auth = currentAuth(request);
      const row = await equipmentInScope(db, auth, request.params.id);
      return present(
        await changeEquipmentStatus(services, auth, row.id, {
          version: row.version,
          status: '报废',
          reason: '删除',
        }),
      );
    },
  );

  app.get(
    '/api/scan',
    {
      onRequest: guardAny('assets.read', 'inspections.execute'),
      schema: { tags, querystring: scanQuery, response: { 200: scanResultSchema } },
    },
    async (request) => resolveScan(db, currentAuth(request), request.query.code),
  );

  await app.register(planRoutes);
  await app.register(taskRoutes);
}
