import type { Permission } from '@guanjia/shared';
import {
  rectificationDetailSchema,
  rectificationListQuery,
  rectificationPage,
  rectificationRecheckBody,
  rectificationSubmitBody,
} from '@guanjia/shared/api';
import type { FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/context';
import { currentAuth } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { forbidden } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP, sendRowsAsXlsx, zonedTime } from '../../platform/http/xlsx';
import { projectZones } from '../org/queries';
import { recheckRectification, submitRectification } from './lifecycle';
import { rectificationInScope } from './load';
import { listRectifications, rectificationDetail } from './queries';

const tags = ['rectifications'];

/** Signed in and holding at least one of the permissions: owners handle items, quality staff read them. */
const guardAny =
  (...permissions: Permission[]) =>
  async (request: FastifyRequest): Promise<void> => {
    const auth = currentAuth(request);
    if (!permissions.some((p) => auth.permissions.has(p))) throw forbidden(permissions.join('|'));
  };

const NC: Record<string, string> = {
  not_done: '工作未做',
  not_recorded: '做了未记录',
  falsified: '记录造假',
  method_deviates: '方法与程序不符',
  record_incomplete: '记录不完整或不准确',
  not_archived: '未按要求传递、使用或归档',
};
const STATE: Record<string, string> = {
  open: '待整改',
  submitted: '待复查',
  closed: '已关闭',
  cancelled: '已取消',
};
const SOURCE: Record<string, string> = {
  quality_inspection: '品质检查',
  survey: '满意度调查',
  decoration: '装修管理',
  move_in: '入住验房',
  other: '其他',
};

/** 整改单: one lifecycle for every module that finds something to fix (source-agnostic). */
export async function rectificationRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const readers = guardAny('rectifications.handle', 'quality.read');

  app.get(
    '/api/rectifications',
    {
      onRequest: readers,
      schema: { tags, querystring: rectificationListQuery, response: { 200: rectificationPage } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = request.query;
      if (q.format !== 'xlsx') return listRectifications(db, auth, q, now());
      if (!can(auth, 'export.run')) throw forbidden('export.run');
      const page = await listRectifications(db, auth, q, now(), EXPORT_ROW_CAP);
      // Each row on its own project's clock.
      const zoneOf = await projectZones(
        db,
        page.items.map((r) => r.projectId),
      );
      return sendRowsAsXlsx(reply, {
        filename: '整改单.xlsx',
        sheetName: '整改单',
        total: page.total,
        rows: page.items,
        columns: [
          { header: '编号', width: 8, value: (r) => r.id },
          { header: '项目', width: 14, value: (r) => r.projectName },
          { header: '来源', width: 10, value: (r) => SOURCE[r.sourceType] ?? r.sourceType },
          { header: '问题', width: 30, value: (r) => r.title },
          { header: '说明', width: 30, value: (r) => r.detail },
          { header: '位置', width: 16, value: (r) => r.location },
          { header: '不合格类型', width: 18, value: (r) => (r.ncType ? NC[r.ncType] : '') },
          { header: '责任部门', width: 12, value: (r) => r.departmentName },
          { header: '责任人', width: 10, value: (r) => r.ownerName },
          { header: '复查人', width: 10, value: (r) => r.checkerName },
          { header: '状态', width: 8, value: (r) => STATE[r.state] ?? r.state },
          { header: '轮次', width: 6, value: (r) => r.round },
          { header: '期限', width: 18, value: (r) => zonedTime(r.deadline, zoneOf(r.projectId)) },
          { header: '超期', width: 6, value: (r) => (r.overdue ? '是' : '否') },
          { header: '提交时间', width: 18, value: (r) => zonedTime(r.submittedAt, zoneOf(r.projectId)) },
          { header: '关闭时间', width: 18, value: (r) => zonedTime(r.closedAt, zoneOf(r.projectId)) },
        ],
      });
    },
  );

  app.get(
    '/api/rectifications/:id',
    { onRequest: readers, schema: { tags, params: idParam, response: { 200: rectificationDetailSchema } } },
    async (request) =>
      rectificationDetail(db, await rectificationInScope(db, currentAuth(request), request.params.id), now()),
  );

  app.post(
    '/api/rectifications/:id/submit',
    {
      onRequest: guardAny('rectifications.handle'),
      schema: {
        tags,
        params: idParam,
        body: rectificationSubmitBody,
        response: { 200: rectificationDetailSchema },
      },
    },
    async (request) => {
      const row = await submitRectification(services, currentAuth(request), request.params.id, request.body);
      return rectificationDetail(db, row, now());
    },
  );

  app.post(
    '/api/rectifications/:id/recheck',
    {
      onRequest: guardAny('rectifications.handle', 'quality.inspect', 'quality.manage'),
      schema: {
        tags,
        params: idParam,
        body: rectificationRecheckBody,
        response: { 200: rectificationDetailSchema },
      },
    },
    async (request) => {
      const row = await recheckRectification(services, currentAuth(request), request.params.id, request.body);
      return rectificationDetail(db, row, now());
    },
  );
}
