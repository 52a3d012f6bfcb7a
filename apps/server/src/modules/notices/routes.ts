import {
  noticePageSchema,
  noticeSchema,
  sendPreviewSchema,
  sourceDeliveryPageSchema,
} from '@guanjia/shared/api';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, versioned } from '../../platform/http/pagination';
import { sendOrHold } from '../broadcasts/approval-gate';
import { deliveryListQuery } from '../delivery/inputs';
import { listDeliveries } from '../delivery/queries';
import { approveAndPublish } from './approve-publish';
import { createNotice } from './create-notice';
import { decisionBody, noticeInput, noticeListQuery, noticePatch } from './inputs';
import { previewNotice } from './preview-notice';
import { publishNotice } from './publish-notice';
import { listNotices, noticeInScope, presentNotice } from './queries';
import { stepNotice } from './step-notice';
import { updateNotice } from './update-notice';

const tags = ['notices'];

export async function noticeRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();

  app.get(
    '/api/notices',
    {
      onRequest: guard('notices.read'),
      schema: { tags, querystring: noticeListQuery, response: { 200: noticePageSchema } },
    },
    async (request) => {
      const q = request.query;
      const { rows, total, reads } = await listNotices(db, currentAuth(request), q, now());
      return {
        items: rows.map((n) => presentNotice(n, now(), reads.get(n.id) ?? 0)),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.post(
    '/api/notices',
    {
      onRequest: guard('notices.write'),
      schema: { tags, body: noticeInput, response: { 201: noticeSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentNotice(await createNotice(services, currentAuth(request), request.body), now())),
  );

  app.get(
    '/api/notices/:id',
    { onRequest: guard('notices.read'), schema: { tags, params: idParam, response: { 200: noticeSchema } } },
    async (request) => presentNotice(await noticeInScope(db, currentAuth(request), request.params.id), now()),
  );

  app.patch(
    '/api/notices/:id',
    {
      onRequest: guard('notices.write'),
      schema: { tags, params: idParam, body: noticePatch, response: { 200: noticeSchema } },
    },
    async (request) =>
      presentNotice(
        await updateNotice(services, currentAuth(request), request.params.id, request.body),
        now(),
      ),
  );

  app.post(
    '/api/notices/:id/submit',
    {
      onRequest: guard('notices.write'),
      schema: { tags, params: idParam, body: versioned, response: { 200: noticeSchema } },
    },
    async (request) => {
      const row = await stepNotice(services, currentAuth(request), request.params.id, request.body.version, {
        type: 'submit',
      });
      return presentNotice(row, now());
    },
  );

  // W-30: the 客服班长 reviews (passes on or sends back with a reason), then the 项目负责人 approves.
  for (const [step, permission] of [
    ['review', 'notices.review'],
    ['approve', 'notices.approve'],
  ] as const)
    app.post(
      `/api/notices/:id/${step}`,
      {
        onRequest: guard(permission),
        schema: { tags, params: idParam, body: decisionBody, response: { 200: noticeSchema } },
      },
      async (request) => {
        const { version, approve, reason } = request.body;
        const row = await stepNotice(
          services,
          currentAuth(request),
          request.params.id,
          version,
          { type: step, approve },
          reason,
        );
        return presentNotice(row, now());
      },
    );

  app.post(
    '/api/notices/:id/publish',
    {
      onRequest: guard('notices.write'),
      schema: { tags, params: idParam, body: versioned, response: { 200: noticeSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { id } = request.params;
      const row = await sendOrHold(services, auth, () =>
        publishNotice(services, auth, id, request.body.version),
      );
      return presentNotice(row, now());
    },
  );

  // 批准并发布: the 项目负责人 approves and sends in one step (W-30's last two steps together).
  app.post(
    '/api/notices/:id/approve-publish',
    {
      onRequest: guard('notices.approve'),
      schema: { tags, params: idParam, body: versioned, response: { 200: noticeSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { id } = request.params;
      const row = await sendOrHold(services, auth, () =>
        approveAndPublish(services, auth, id, request.body.version),
      );
      return presentNotice(row, now());
    },
  );

  // Recipients per channel and the exact texts, before publishing; nothing is sent.
  app.post(
    '/api/notices/:id/preview',
    {
      onRequest: guard('notices.read'),
      schema: { tags, params: idParam, response: { 200: sendPreviewSchema } },
    },
    async (request) => previewNotice(services, currentAuth(request), request.params.id),
  );

  app.post(
    '/api/notices/:id/withdraw',
    {
      onRequest: guard('notices.write'),
      schema: { tags, params: idParam, body: versioned, response: { 200: noticeSchema } },
    },
    async (request) => {
      const row = await stepNotice(services, currentAuth(request), request.params.id, request.body.version, {
        type: 'withdraw',
      });
      return presentNotice(row, now());
    },
  );

  app.get(
    '/api/notices/:id/deliveries',
    {
      onRequest: guard('notices.read'),
      schema: {
        tags,
        params: idParam,
        querystring: deliveryListQuery,
        response: { 200: sourceDeliveryPageSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const n = await noticeInScope(db, auth, request.params.id);
      return listDeliveries(db, auth, { types: ['notice'], id: n.id }, request.query);
    },
  );
}
