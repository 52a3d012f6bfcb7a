import {
  noContent,
  zoneInput,
  zoneListSchema,
  zonePatch,
  zoneSchema,
  zoneScopeInput,
  zoneScopeSchema,
} from '@guanjia/shared/api';
import { z } from 'zod';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, versionQuery } from '../../platform/http/pagination';
import { listZones, zoneById } from './queries';
import { createZone, deleteZone, updateZone } from './save-zone';
import { readZoneScope, saveZoneScope } from './zone-scope';

const tags = ['zones'];
const listQuery = z.object({ projectId: z.coerce.number().int().positive().optional() });
const userParam = z.object({ userId: z.coerce.number().int().positive() });

/** 片区: zones with their buildings, butler and deputy; and which users are limited to which zones. */
export async function zoneRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/zones',
    {
      onRequest: guard('estate.read'),
      schema: { tags, querystring: listQuery, response: { 200: zoneListSchema } },
    },
    async (request) => ({ items: await listZones(db, currentAuth(request), request.query.projectId) }),
  );

  app.get(
    '/api/zones/:id',
    { onRequest: guard('estate.read'), schema: { tags, params: idParam, response: { 200: zoneSchema } } },
    async (request) => zoneById(db, currentAuth(request), request.params.id),
  );

  app.post(
    '/api/zones',
    { onRequest: guard('zones.write'), schema: { tags, body: zoneInput, response: { 201: zoneSchema } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const id = await createZone(services, auth, request.body);
      return reply.status(201).send(await zoneById(db, auth, id));
    },
  );

  app.patch(
    '/api/zones/:id',
    {
      onRequest: guard('zones.write'),
      schema: { tags, params: idParam, body: zonePatch, response: { 200: zoneSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await updateZone(services, auth, request.params.id, request.body);
      return zoneById(db, auth, request.params.id);
    },
  );

  app.delete(
    '/api/zones/:id',
    {
      onRequest: guard('zones.write'),
      schema: { tags, params: idParam, querystring: versionQuery, response: { 204: noContent } },
    },
    async (request, reply) => {
      await deleteZone(services, currentAuth(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/zone-scopes/:userId',
    {
      onRequest: guard('zones.write'),
      schema: { tags, params: userParam, response: { 200: zoneScopeSchema } },
    },
    async (request) => readZoneScope(db, currentAuth(request), request.params.userId),
  );

  app.put(
    '/api/zone-scopes/:userId',
    {
      onRequest: guard('zones.write'),
      schema: { tags, params: userParam, body: zoneScopeInput, response: { 200: zoneScopeSchema } },
    },
    async (request) =>
      saveZoneScope(services, currentAuth(request), request.params.userId, request.body.zoneIds),
  );
}
