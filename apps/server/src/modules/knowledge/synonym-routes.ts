import { kbSynonymGroupSchema, kbSynonymGroupsSchema, noContent } from '@guanjia/shared/api';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { createSynonymGroup, deleteSynonymGroup, updateSynonymGroup } from './synonym-commands';
import { synonymGroupInput, synonymGroupPatch } from './synonym-group.types';
import { listSynonymGroups } from './synonym-queries';

/** 同义词: the company's synonym groups, read by everyone who searches, edited by article writers. */
export async function synonymRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const tags = ['knowledge'];

  app.get(
    '/api/kb/synonyms',
    { onRequest: guard('kb.read'), schema: { tags, response: { 200: kbSynonymGroupsSchema } } },
    async (request) => listSynonymGroups(db, currentAuth(request).companyId),
  );

  app.post(
    '/api/kb/synonyms',
    {
      onRequest: guard('kb.write'),
      schema: { tags, body: synonymGroupInput, response: { 201: kbSynonymGroupSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await createSynonymGroup(services, currentAuth(request), request.body)),
  );

  app.put(
    '/api/kb/synonyms/:id',
    {
      onRequest: guard('kb.write'),
      schema: { tags, params: idParam, body: synonymGroupPatch, response: { 200: kbSynonymGroupSchema } },
    },
    async (request) => updateSynonymGroup(services, currentAuth(request), request.params.id, request.body),
  );

  app.delete(
    '/api/kb/synonyms/:id',
    {
      onRequest: guard('kb.write'),
      schema: { tags, params: idParam, response: { 204: noContent } },
    },
    async (request, reply) => {
      await deleteSynonymGroup(services, currentAuth(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
