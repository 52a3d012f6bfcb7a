import {
  moveInBody,
  moveInDefectBody,
  moveInDefectSchema,
  moveInListQuery,
  moveInPageSchema,
  moveInSchema,
  moveInStepBody,
  pdfFile,
  xlsxFile,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, versioned } from '../../platform/http/pagination';
import { sendRowsAsXlsx } from '../../platform/http/xlsx';
import { projects } from '../org/schema';
import { renderKeyReceipt } from './key-receipt-pdf';
import { addDefect, moveMoveIn, openMoveIn, recordStep } from './move-in-commands';
import { listMoveIns, moveInInScope, presentMoveIn } from './move-in-queries';

const tags = ['move-ins'];
const STATE_ZH = { open: '办理中', completed: '已完成', cancelled: '已取消' } as const;

/** 入住办理 (W-13): the desk works the checklist with desk.write; defects become 整改单. */
export async function moveInRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const one = async (auth: AuthContext, id: number) =>
    presentMoveIn(db, auth, await moveInInScope(db, auth, id));

  app.get(
    '/api/move-ins',
    {
      onRequest: guard('desk.read'),
      schema: { tags, querystring: moveInListQuery, response: { 200: moveInPageSchema } },
    },
    async (request) => listMoveIns(db, currentAuth(request), request.query),
  );
  app.get(
    '/api/move-ins/export.xlsx',
    {
      onRequest: guard('desk.read', 'export.run'),
      schema: {
        tags,
        querystring: moveInListQuery.omit({ page: true, pageSize: true }),
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const page = await listMoveIns(db, currentAuth(request), { ...request.query, page: 1, pageSize: 5000 });
      return sendRowsAsXlsx(reply, {
        filename: '入住办理台账.xlsx',
        sheetName: '入住办理',
        total: page.total,
        rows: page.items,
        columns: [
          { header: '房号', width: 12, value: (m) => m.unitLabel },
          { header: '业主', width: 10, value: (m) => m.ownerName },
          { header: '电话', width: 14, value: (m) => m.ownerPhone },
          { header: '受托人', width: 10, value: (m) => m.delegateName },
          { header: '状态', width: 8, value: (m) => STATE_ZH[m.state] },
          { header: '已完成步骤', width: 10, value: (m) => Object.keys(m.steps).length },
          { header: '未修复问题', width: 10, value: (m) => m.openDefects },
        ],
      });
    },
  );
  app.get(
    '/api/move-ins/:id',
    { onRequest: guard('desk.read'), schema: { tags, params: idParam, response: { 200: moveInSchema } } },
    async (request) => one(currentAuth(request), request.params.id),
  );
  app.get(
    '/api/move-ins/:id/key-receipt.pdf',
    { onRequest: guard('desk.read'), schema: { tags, params: idParam, response: { 200: pdfFile } } },
    async (request, reply) => {
      const m = await one(currentAuth(request), request.params.id);
      const [p] = await db
        .select({ name: projects.name, tz: projects.timezone })
        .from(projects)
        .where(eq(projects.id, m.projectId));
      const name = `钥匙签收表-${m.unitLabel}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(await renderKeyReceipt(m, p?.name ?? '', p?.tz ?? 'Asia/Shanghai'));
    },
  );
  app.post(
    '/api/move-ins',
    { onRequest: guard('desk.write'), schema: { tags, body: moveInBody, response: { 201: moveInSchema } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await openMoveIn(services, auth, request.body);
      return reply.status(201).send(await one(auth, row.id));
    },
  );
  app.post(
    '/api/move-ins/:id/steps',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: moveInStepBody, response: { 200: moveInSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await recordStep(services, auth, request.params.id, request.body);
      return one(auth, request.params.id);
    },
  );
  app.post(
    '/api/move-ins/:id/defects',
    {
      onRequest: guard('desk.write'),
      schema: { tags, params: idParam, body: moveInDefectBody, response: { 201: moveInDefectSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const d = await addDefect(services, auth, request.params.id, request.body);
      const m = await one(auth, request.params.id);
      return reply.status(201).send(m.defects.find((x) => x.id === d.id)!);
    },
  );
  app.post(
    '/api/move-ins/:id/:move',
    {
      onRequest: guard('desk.write'),
      schema: {
        tags,
        params: idParam.extend({ move: z.enum(['complete', 'cancel']) }),
        body: versioned,
        response: { 200: moveInSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      await moveMoveIn(services, auth, request.params.id, request.params.move, request.body.version);
      return one(auth, request.params.id);
    },
  );
}
