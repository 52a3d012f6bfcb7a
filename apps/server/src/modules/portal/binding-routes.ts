import {
  householdSchema,
  portalBindingPageSchema,
  portalBindingSchema,
  portalEstateLevelSchema,
} from '@guanjia/shared/api';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, pageQuery, versioned } from '../../platform/http/pagination';
import {
  bindingDetail,
  estateLevel,
  listBindings,
  myBinding,
  myBindings,
  myHousehold,
} from './binding-queries';
import { currentPortal } from './context';
import { approveBinding, rejectBinding } from './decide-binding';
import { bindingBody, estateQuery, memberBody, portalPageQuery, removalBody } from './inputs';
import { requestBinding, requestMember, requestRemoval } from './request-binding';
import { BINDING_STATUSES } from './schema';

const tags = ['portal'];
type Guard = (request: FastifyRequest) => Promise<void>;

/** The resident's side: pick a unit, ask to be bound, manage the household, read the answers. */
export function bindingPortalRoutes(app: App, portalGuard: Guard) {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/portal/estate',
    {
      onRequest: portalGuard,
      schema: { tags, querystring: estateQuery, response: { 200: portalEstateLevelSchema } },
    },
    async (request) => estateLevel(db, currentPortal(request), request.query),
  );

  app.get(
    '/api/portal/bindings',
    {
      onRequest: portalGuard,
      schema: { tags, querystring: portalPageQuery, response: { 200: portalBindingPageSchema } },
    },
    async (request) => myBindings(db, currentPortal(request), request.query),
  );

  app.post(
    '/api/portal/bindings',
    { onRequest: portalGuard, schema: { tags, body: bindingBody, response: { 201: portalBindingSchema } } },
    async (request, reply) => {
      const p = currentPortal(request);
      const row = await requestBinding(services, p, request.body);
      return reply.status(201).send(await myBinding(db, p, row.id));
    },
  );

  app.get(
    '/api/portal/household',
    { onRequest: portalGuard, schema: { tags, response: { 200: householdSchema } } },
    async (request) => myHousehold(db, currentPortal(request)),
  );

  app.post(
    '/api/portal/household',
    { onRequest: portalGuard, schema: { tags, body: memberBody, response: { 201: portalBindingSchema } } },
    async (request, reply) => {
      const p = currentPortal(request);
      const row = await requestMember(services, p, request.body);
      return reply.status(201).send(await myBinding(db, p, row.id));
    },
  );

  app.post(
    '/api/portal/household/removals',
    { onRequest: portalGuard, schema: { tags, body: removalBody, response: { 201: portalBindingSchema } } },
    async (request, reply) => {
      const p = currentPortal(request);
      const row = await requestRemoval(services, p, request.body);
      return reply.status(201).send(await myBinding(db, p, row.id));
    },
  );
}

const listQuery = pageQuery.extend({
  status: z.enum(BINDING_STATUSES).optional(),
  projectId: z.coerce.number().int().positive().optional(),
});
const rejectBody = versioned.extend({ reason: z.string().trim().min(2).max(200) });
const deskTags = ['portal-bindings'];

/** The front desk's queue of portal binding, household and removal requests. */
export async function bindingDeskRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const show = (request: FastifyRequest, id: number) => bindingDetail(db, currentAuth(request), id);

  app.get(
    '/api/portal-bindings',
    {
      onRequest: guard('portal.bindings'),
      schema: { tags: deskTags, querystring: listQuery, response: { 200: portalBindingPageSchema } },
    },
    async (request) => listBindings(db, currentAuth(request), request.query),
  );

  app.post(
    '/api/portal-bindings/:id/approve',
    {
      onRequest: guard('portal.bindings'),
      schema: { tags: deskTags, params: idParam, body: versioned, response: { 200: portalBindingSchema } },
    },
    async (request) => {
      const row = await approveBinding(
        services,
        currentAuth(request),
        request.params.id,
        request.body.version,
      );
      return show(request, row.id);
    },
  );

  app.post(
    '/api/portal-bindings/:id/reject',
    {
      onRequest: guard('portal.bindings'),
      schema: { tags: deskTags, params: idParam, body: rejectBody, response: { 200: portalBindingSchema } },
    },
    async (request) => {
      const { version, reason } = request.body;
      const row = await rejectBinding(services, currentAuth(request), request.params.id, version, reason);
      return show(request, row.id);
    },
  );
}
