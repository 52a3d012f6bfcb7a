import { fileResponse, mailConfigSchema, mailMessageSchema, mailThreadSchema } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam, offsetOf } from '../../platform/http/pagination';
import { tickets } from '../tickets/schema';
import { emailReplyBody, mailConfigInput, mailConfigQuery, threadQuery } from './inputs';
import { readMailConfig, saveMailConfig } from './mail-config';
import { presentMessage } from './present';
import { threadOf } from './queries';
import { mailAttachments } from './schema';
import { sendEmailReply } from './send-reply';

const tags = ['mail'];

/** A ticket's e-mail thread and replies, attachment downloads, and each project's mailbox settings. */
export async function mailRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/mail/config',
    {
      onRequest: guard('settings.read'),
      schema: { tags, querystring: mailConfigQuery, response: { 200: mailConfigSchema } },
    },
    async (request) => readMailConfig(db, currentAuth(request), request.query.projectId),
  );

  app.put(
    '/api/mail/config',
    {
      onRequest: guard('settings.write'),
      schema: { tags, body: mailConfigInput, response: { 200: mailConfigSchema } },
    },
    async (request) => saveMailConfig(services, currentAuth(request), request.body),
  );

  app.get(
    '/api/tickets/:id/emails',
    {
      onRequest: guard('tickets.read'),
      schema: { tags, params: idParam, querystring: threadQuery, response: { 200: mailThreadSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const [ticket] = await db
        .select({ projectId: tickets.projectId })
        .from(tickets)
        .where(eq(tickets.id, request.params.id));
      if (!ticket) throw notFound('Ticket');
      assertInScope(auth, ticket.projectId, 'Ticket');
      const q = request.query;
      const { rows, files, total } = await threadOf(db, request.params.id, {
        limit: q.pageSize,
        offset: offsetOf(q),
      });
      return {
        items: rows.map((m) => presentMessage(auth, m, files)),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.post(
    '/api/tickets/:id/email-replies',
    {
      onRequest: guard('tickets.write'),
      schema: { tags, params: idParam, body: emailReplyBody, response: { 201: mailMessageSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const sent = await sendEmailReply(services, auth, request.params.id, request.body.body);
      return reply.status(201).send(presentMessage(auth, sent, []));
    },
  );

  app.get(
    '/api/mail/attachments/:id',
    {
      onRequest: guard('tickets.read'),
      // Sent with the type it was mailed with.
      schema: {
        tags,
        params: idParam,
        response: { 200: fileResponse('application/octet-stream', 'The attachment') },
      },
    },
    async (request, reply) => {
      const [file] = await db.select().from(mailAttachments).where(eq(mailAttachments.id, request.params.id));
      if (!file) throw notFound('Attachment');
      assertInScope(currentAuth(request), file.projectId, 'Attachment');
      // Served as a download: a mailed HTML file must not run in the console's origin.
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
}
