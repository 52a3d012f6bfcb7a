import {
  agentExtensionPageSchema,
  blockedNumberPageSchema,
  blockedNumberSchema,
  callCallerSchema,
  callEventResultSchema,
  callerLookupSchema,
  callPageSchema,
  callSchema,
  extensionSetSchema,
  noContent,
  telephonyConfigSchema,
  telephonyTokenSchema,
  ticketDialSchema,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { blockNumber, listBlocked, unblockNumber } from './block-list';
import { dialOut } from './dial-out';
import { dialResident, dialTicket } from './dial-ticket';
import { listExtensions, setExtension } from './extensions';
import { handleCallEvent } from './handle-call-event';
import {
  blockedInput,
  blockedListQuery,
  callEventInput,
  callListQuery,
  configInput,
  dialInput,
  extensionInput,
  extensionListQuery,
  linkTicketInput,
  lookupQuery,
  projectQuery,
} from './inputs';
import { linkCallTicket } from './link-call-ticket';
import { type ProjectLink, projectByToken } from './project-link';
import { callDetail, callerLookup, listCalls } from './queries';
import { calls } from './schema';
import { readConfig, rotateToken, saveConfig } from './telephony-config';

/** The project token sent by the PBX or IVR bridge: header X-Guanjia-Token, or ?token= for simple PBXs. */
export function telephonyToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-guanjia-token'];
  if (typeof header === 'string' && header) return header;
  const query = request.query as { token?: unknown } | undefined;
  return typeof query?.token === 'string' ? query.token : undefined;
}

/** Resolved before body validation, so an unauthenticated PBX gets 401 rather than 400. */
const links = new WeakMap<FastifyRequest, ProjectLink>();
export function linkOf(request: FastifyRequest): ProjectLink {
  const link = links.get(request);
  if (!link) throw new Error('token hook did not run');
  return link;
}

export async function telephonyRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  /** A call just read or written in the caller's scope; 404 when it is not theirs. */
  const shownCall = async (auth: AuthContext, id: number) => {
    const call = await callDetail(db, auth, id);
    if (!call) throw notFound('Call');
    return call;
  };
  const byToken = async (request: FastifyRequest) => {
    links.set(request, await projectByToken(db, telephonyToken(request)));
  };

  app.post(
    '/api/telephony/events',
    {
      onRequest: byToken,
      schema: {
        tags: ['telephony'],
        body: callEventInput,
        querystring: z.object({ token: z.string().optional() }),
        response: { 200: callEventResultSchema },
      },
    },
    async (request) => handleCallEvent(services, linkOf(request), request.body),
  );

  app.get(
    '/api/telephony/lookup',
    {
      onRequest: guard('calls.read', 'residents.read'),
      schema: { tags: ['telephony'], querystring: lookupQuery, response: { 200: callerLookupSchema } },
    },
    async (request) => callerLookup(db, currentAuth(request), request.query.number, request.query.projectId),
  );

  app.get(
    '/api/calls',
    {
      onRequest: guard('calls.read'),
      schema: { tags: ['telephony'], querystring: callListQuery, response: { 200: callPageSchema } },
    },
    async (request) => listCalls(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/calls/:id',
    {
      onRequest: guard('calls.read'),
      schema: { tags: ['telephony'], params: idParam, response: { 200: callSchema } },
    },
    async (request) => shownCall(currentAuth(request), request.params.id),
  );

  // The screen pop: the 360 of the call's other party, read from the stored number (never masked).
  app.get(
    '/api/calls/:id/caller',
    {
      onRequest: guard('calls.read', 'residents.read'),
      schema: { tags: ['telephony'], params: idParam, response: { 200: callCallerSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const [call] = await db.select().from(calls).where(eq(calls.id, request.params.id));
      if (!call) throw notFound('Call');
      assertInScope(auth, call.projectId, 'Call');
      const party = call.direction === 'in' ? call.fromNumber : call.toNumber;
      return {
        call: await callDetail(db, auth, call.id),
        caller: await callerLookup(db, auth, party, call.projectId),
      };
    },
  );

  app.post(
    '/api/calls/:id/tickets',
    {
      onRequest: guard('calls.handle'),
      schema: { tags: ['telephony'], params: idParam, body: linkTicketInput, response: { 200: callSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await linkCallTicket(services, auth, request.params.id, request.body.ticketId);
      return shownCall(auth, request.params.id);
    },
  );

  app.post(
    '/api/telephony/dial',
    {
      onRequest: guard('calls.handle'),
      schema: { tags: ['telephony'], body: dialInput, response: { 201: callSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const id = await dialOut(services, auth, request.body);
      return reply.status(201).send(await shownCall(auth, id));
    },
  );

  app.post(
    '/api/tickets/:id/dial',
    {
      onRequest: guard('calls.handle', 'tickets.read'),
      schema: { tags: ['telephony'], params: idParam, response: { 200: ticketDialSchema } },
    },
    async (request) => dialTicket(services, currentAuth(request), request.params.id),
  );

  app.post(
    '/api/residents/:id/dial',
    {
      onRequest: guard('calls.handle', 'residents.read'),
      schema: { tags: ['telephony'], params: idParam, response: { 200: ticketDialSchema } },
    },
    async (request) => dialResident(services, currentAuth(request), request.params.id),
  );

  app.get(
    '/api/telephony/config',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['telephony'], querystring: projectQuery, response: { 200: telephonyConfigSchema } },
    },
    async (request) => readConfig(db, currentAuth(request), request.query.projectId),
  );

  app.put(
    '/api/telephony/config',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['telephony'], body: configInput, response: { 200: telephonyConfigSchema } },
    },
    async (request) => saveConfig(services, currentAuth(request), request.body),
  );

  app.post(
    '/api/telephony/config/token',
    {
      onRequest: guard('telephony.manage'),
      schema: {
        tags: ['telephony'],
        body: z.object({ projectId: z.number().int().positive() }),
        response: { 200: telephonyTokenSchema },
      },
    },
    async (request) => rotateToken(services, currentAuth(request), request.body.projectId),
  );

  app.get(
    '/api/telephony/blocked',
    {
      onRequest: guard('telephony.manage'),
      schema: {
        tags: ['telephony'],
        querystring: blockedListQuery,
        response: { 200: blockedNumberPageSchema },
      },
    },
    async (request) => listBlocked(db, currentAuth(request), request.query),
  );

  app.post(
    '/api/telephony/blocked',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['telephony'], body: blockedInput, response: { 201: blockedNumberSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await blockNumber(services, currentAuth(request), request.body)),
  );

  app.delete(
    '/api/telephony/blocked/:id',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['telephony'], params: idParam, response: { 204: noContent } },
    },
    async (request, reply) => {
      await unblockNumber(services, currentAuth(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/telephony/extensions',
    {
      onRequest: guard('telephony.manage'),
      schema: {
        tags: ['telephony'],
        querystring: extensionListQuery,
        response: { 200: agentExtensionPageSchema },
      },
    },
    async (request) => listExtensions(db, currentAuth(request), request.query),
  );

  app.put(
    '/api/telephony/extensions/:id',
    {
      onRequest: guard('telephony.manage'),
      schema: {
        tags: ['telephony'],
        params: idParam,
        body: extensionInput,
        response: { 200: extensionSetSchema },
      },
    },
    async (request) => setExtension(services, currentAuth(request), request.params.id, request.body),
  );
}
