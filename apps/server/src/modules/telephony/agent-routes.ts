import {
  callQueuePageSchema,
  callQueueSchema,
  presenceSchema,
  routeResultSchema,
  wallboardSchema,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { presenceInput, queueInput, queueListQuery, queuePatch, routeInput, wallboardQuery } from './inputs';
import { presentPresence, setPresence } from './presence';
import { type ProjectLink, projectByToken } from './project-link';
import { createQueue, listQueues, updateQueue } from './queues';
import { routeCall } from './route-call';
import { telephonyToken } from './routes';
import { agentPresence } from './schema';
import { wallboard } from './wallboard';

const links = new WeakMap<FastifyRequest, ProjectLink>();

/** Agent presence, queues and routing, and the supervisor wallboard. */
export async function agentRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.post(
    '/api/telephony/route',
    {
      onRequest: async (request) => {
        links.set(request, await projectByToken(db, telephonyToken(request)));
      },
      schema: { tags: ['telephony'], body: routeInput, response: { 200: routeResultSchema } },
    },
    async (request) => {
      const link = links.get(request);
      if (!link) throw new Error('token hook did not run');
      return routeCall(services, link, request.body);
    },
  );

  app.get(
    '/api/agents/me/presence',
    { onRequest: guard('calls.handle'), schema: { tags: ['agents'], response: { 200: presenceSchema } } },
    async (request) => {
      const auth = currentAuth(request);
      const [row] = await db.select().from(agentPresence).where(eq(agentPresence.userId, auth.userId));
      return row
        ? presentPresence(row)
        : {
            userId: auth.userId,
            state: '离线' as const,
            reason: null,
            since: null,
            currentCallId: null,
            version: null,
          };
    },
  );

  app.put(
    '/api/agents/me/presence',
    {
      onRequest: guard('calls.handle'),
      schema: { tags: ['agents'], body: presenceInput, response: { 200: presenceSchema } },
    },
    async (request) => setPresence(services, currentAuth(request), request.body),
  );

  app.get(
    '/api/queues',
    {
      onRequest: guard('calls.read'),
      schema: { tags: ['agents'], querystring: queueListQuery, response: { 200: callQueuePageSchema } },
    },
    async (request) => listQueues(db, currentAuth(request), request.query),
  );

  app.post(
    '/api/queues',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['agents'], body: queueInput, response: { 201: callQueueSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await createQueue(services, currentAuth(request), request.body)),
  );

  app.patch(
    '/api/queues/:id',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['agents'], params: idParam, body: queuePatch, response: { 200: callQueueSchema } },
    },
    async (request) => updateQueue(services, currentAuth(request), request.params.id, request.body),
  );

  app.get(
    '/api/wallboard',
    {
      onRequest: guard('calls.read'),
      schema: { tags: ['agents'], querystring: wallboardQuery, response: { 200: wallboardSchema } },
    },
    async (request) => wallboard(db, currentAuth(request), request.query.projectId, services.clock.now()),
  );
}
