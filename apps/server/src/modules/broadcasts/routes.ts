import {
  broadcastApprovalPageSchema,
  broadcastApprovalSchema,
  messageTemplateListSchema,
  messageTemplateSchema,
} from '@guanjia/shared/api';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, versionQuery } from '../../platform/http/pagination';
import { createTemplate } from './create-template';
import { decideApproval } from './decide-approval';
import { deleteTemplate } from './delete-template';
import {
  approvalDecisionBody,
  approvalListQuery,
  templateInput,
  templateListQuery,
  templatePatch,
} from './inputs';
import {
  approvalInScope,
  listApprovals,
  listTemplates,
  presentApproval,
  presentTemplate,
  templateInScope,
} from './queries';
import { updateTemplate } from './update-template';

const tags = ['broadcasts'];

export async function broadcastRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/message-templates',
    {
      onRequest: guard('notices.read'),
      schema: { tags, querystring: templateListQuery, response: { 200: messageTemplateListSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      if (projectId && !auth.projectIds.includes(projectId)) return { items: [] };
      return { items: await listTemplates(db, auth, projectId) };
    },
  );

  app.post(
    '/api/message-templates',
    {
      onRequest: guard('notices.write'),
      schema: { tags, body: templateInput, response: { 201: messageTemplateSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentTemplate(await createTemplate(services, currentAuth(request), request.body), false)),
  );

  app.get(
    '/api/message-templates/:id',
    {
      onRequest: guard('notices.read'),
      schema: { tags, params: idParam, response: { 200: messageTemplateSchema } },
    },
    async (request) =>
      presentTemplate(await templateInScope(db, currentAuth(request), request.params.id), false),
  );

  app.patch(
    '/api/message-templates/:id',
    {
      onRequest: guard('notices.write'),
      schema: { tags, params: idParam, body: templatePatch, response: { 200: messageTemplateSchema } },
    },
    async (request) =>
      presentTemplate(
        await updateTemplate(services, currentAuth(request), request.params.id, request.body),
        false,
      ),
  );

  app.delete(
    '/api/message-templates/:id',
    {
      onRequest: guard('notices.write'),
      schema: { tags, params: idParam, querystring: versionQuery, response: { 200: messageTemplateSchema } },
    },
    async (request) =>
      presentTemplate(
        await deleteTemplate(services, currentAuth(request), request.params.id, request.query.version),
        false,
      ),
  );

  // The approvers' queue: mass sends held above the threshold.
  app.get(
    '/api/broadcast-approvals',
    {
      onRequest: guard('notices.read'),
      schema: { tags, querystring: approvalListQuery, response: { 200: broadcastApprovalPageSchema } },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await listApprovals(db, currentAuth(request), q);
      return { items: rows.map(presentApproval), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/broadcast-approvals/:id',
    {
      onRequest: guard('notices.read'),
      schema: { tags, params: idParam, response: { 200: broadcastApprovalSchema } },
    },
    async (request) => presentApproval(await approvalInScope(db, currentAuth(request), request.params.id)),
  );

  app.post(
    '/api/broadcast-approvals/:id/decide',
    {
      onRequest: guard('notices.approve'),
      schema: {
        tags,
        params: idParam,
        body: approvalDecisionBody,
        response: { 200: broadcastApprovalSchema },
      },
    },
    async (request) => {
      const { version, approve, reason } = request.body;
      return presentApproval(
        await decideApproval(services, currentAuth(request), request.params.id, version, approve, reason),
      );
    },
  );
}
