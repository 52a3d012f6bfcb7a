import { staffChannelsSchema, webhookConfigSchema, webhookSecretSchema } from '@guanjia/shared/api';
import { z } from 'zod';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { projectQuery, staffChannelsInput, webhookConfigInput } from './inputs';
import { readStaffChannels, saveStaffChannels } from './staff-channels';
import { readWebhook, rotateWebhookSecret, saveWebhook } from './webhook-config';

/** Where alerts and messages go: a staff member's own channels, and a project's outgoing webhook. */
export async function channelRoutes(app: App): Promise<void> {
  const { services } = app;
  const { db } = services.database;

  // "My notification settings": every signed-in staff member, for themselves.
  app.get(
    '/api/auth/me/channels',
    { onRequest: guard(), schema: { tags: ['notices'], response: { 200: staffChannelsSchema } } },
    async (request) => {
      const auth = currentAuth(request);
      return readStaffChannels(db, auth, auth.userId);
    },
  );
  app.put(
    '/api/auth/me/channels',
    {
      onRequest: guard(),
      schema: { tags: ['notices'], body: staffChannelsInput, response: { 200: staffChannelsSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      return saveStaffChannels(services, auth, auth.userId, request.body);
    },
  );

  app.get(
    '/api/staff/:id/channels',
    {
      onRequest: guard('staff.read'),
      schema: { tags: ['staff'], params: idParam, response: { 200: staffChannelsSchema } },
    },
    async (request) => readStaffChannels(db, currentAuth(request), request.params.id),
  );
  app.put(
    '/api/staff/:id/channels',
    {
      onRequest: guard('staff.write'),
      schema: {
        tags: ['staff'],
        params: idParam,
        body: staffChannelsInput,
        response: { 200: staffChannelsSchema },
      },
    },
    async (request) => saveStaffChannels(services, currentAuth(request), request.params.id, request.body),
  );

  app.get(
    '/api/delivery/webhook',
    {
      onRequest: guard('settings.read'),
      schema: { tags: ['notices'], querystring: projectQuery, response: { 200: webhookConfigSchema } },
    },
    async (request) => readWebhook(db, currentAuth(request), request.query.projectId),
  );
  app.put(
    '/api/delivery/webhook',
    {
      onRequest: guard('settings.write'),
      schema: { tags: ['notices'], body: webhookConfigInput, response: { 200: webhookConfigSchema } },
    },
    async (request) => saveWebhook(services, currentAuth(request), request.body),
  );
  app.post(
    '/api/delivery/webhook/secret',
    {
      onRequest: guard('settings.write'),
      schema: {
        tags: ['notices'],
        body: z.object({ projectId: z.number().int().positive() }),
        response: { 200: webhookSecretSchema },
      },
    },
    async (request) => rotateWebhookSecret(services, currentAuth(request), request.body.projectId),
  );
}
