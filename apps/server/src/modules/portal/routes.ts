import {
  okSchema,
  portalBrandingSchema,
  portalCodeSentSchema,
  portalIncidentPageSchema,
  portalMeSchema,
  portalNoticePageSchema,
  portalNoticeReadSchema,
  portalReportFormSchema,
  portalSessionSchema,
  portalSubscriptionsSchema,
  portalTicketDetailSchema,
  portalTicketPageSchema,
  portalUrgedSchema,
} from '@guanjia/shared/api';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/http/app-types';
import { unauthorized } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { portalBillRoutes } from '../billing/portal-bill-routes';
import { portalCollectionRoutes } from '../billing/portal-collection-routes';
import { portalDecorationRoutes } from '../decoration/portal-routes';
import { portalFacilityRoutes } from '../facilities/portal-routes';
import { portalDeskRoutes } from '../frontdesk/portal-routes';
import { portalKbRoutes } from '../knowledge/portal-routes';
import { portalSurveyRoutes } from '../surveys/portal-routes';
import { portalLogin, portalLogout, requestCode } from './auth';
import { bindingPortalRoutes } from './binding-routes';
import { currentPortal, resolvePortalSession } from './context';
import {
  codeBody,
  loginBody,
  portalPageQuery,
  portalTicketInput,
  rateBody,
  reopenBody,
  reportFormQuery,
  subscriptionsBody,
} from './inputs';
import { myIncidents, myNotices, myTicketDetail, myTickets, portalTimezone, readNotice } from './queries';
import { portalBranding, reportForm } from './report-form';
import { myOptOuts, setOptOuts } from './subscriptions';
import { myTicket, rateTicket, reopenMyTicket, reportTicket, urgeTicket } from './tickets';

export const PORTAL_COOKIE = 'guanjia_portal';
const tags = ['portal'];

/** The resident portal API: its own sessions (phone + one-time code), never a staff session. */
export async function portalRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  app.decorateRequest('portal', null);

  const portalGuard = async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : request.cookies[PORTAL_COOKIE];
    const ctx = token ? await resolvePortalSession(db, token, now()) : null;
    if (!ctx) throw unauthorized('Portal login required');
    request.portal = ctx;
  };

  bindingPortalRoutes(app, portalGuard);
  portalKbRoutes(app, portalGuard);
  portalBillRoutes(app, portalGuard);
  portalCollectionRoutes(app, portalGuard);
  portalDeskRoutes(app, portalGuard);
  portalSurveyRoutes(app, portalGuard);
  portalFacilityRoutes(app, portalGuard);
  portalDecorationRoutes(app, portalGuard);

  app.post(
    '/api/portal/auth/code',
    { schema: { tags, body: codeBody, response: { 202: portalCodeSentSchema } } },
    async (request, reply) =>
      reply.status(202).send(await requestCode(services, request.body.phone, request.body.company)),
  );

  app.post(
    '/api/portal/auth/login',
    { schema: { tags, body: loginBody, response: { 200: portalSessionSchema } } },
    async (request, reply) => {
      const { phone, code, company } = request.body;
      const session = await portalLogin(services, phone, code, company);
      reply.setCookie(PORTAL_COOKIE, session.token, {
        path: '/api/portal',
        httpOnly: true,
        sameSite: 'lax',
        secure: services.config.secureCookies,
        expires: new Date(session.expiresAt),
      });
      return session;
    },
  );

  app.post(
    '/api/portal/auth/logout',
    { onRequest: portalGuard, schema: { tags, response: { 200: okSchema } } },
    async (request, reply) => {
      await portalLogout(db, currentPortal(request).sessionId);
      reply.clearCookie(PORTAL_COOKIE, { path: '/api/portal' });
      return { ok: true };
    },
  );

  app.get(
    '/api/portal/me',
    { onRequest: portalGuard, schema: { tags, response: { 200: portalMeSchema } } },
    async (request) => {
      const p = currentPortal(request);
      return {
        phone: p.phone,
        company: p.company,
        timezone: await portalTimezone(db, p),
        residents: p.residents,
        units: p.units.map(({ id, projectId, label, relation }) => ({ id, projectId, label, relation })),
      };
    },
  );

  app.get(
    '/api/portal/branding',
    { onRequest: portalGuard, schema: { tags, response: { 200: portalBrandingSchema } } },
    async (request) => portalBranding(db, currentPortal(request)),
  );

  app.get(
    '/api/portal/report-form',
    {
      onRequest: portalGuard,
      schema: { tags, querystring: reportFormQuery, response: { 200: portalReportFormSchema } },
    },
    async (request) => reportForm(services.database, currentPortal(request), request.query.unitId, now()),
  );

  app.get(
    '/api/portal/tickets',
    {
      onRequest: portalGuard,
      schema: { tags, querystring: portalPageQuery, response: { 200: portalTicketPageSchema } },
    },
    async (request) => myTickets(db, currentPortal(request), request.query),
  );

  app.post(
    '/api/portal/tickets',
    {
      onRequest: portalGuard,
      schema: { tags, body: portalTicketInput, response: { 201: portalTicketDetailSchema } },
    },
    async (request, reply) => {
      const p = currentPortal(request);
      const id = await reportTicket(services, p, request.body);
      return reply.status(201).send(await myTicketDetail(db, await myTicket(services, p, id)));
    },
  );

  app.get(
    '/api/portal/tickets/:id',
    {
      onRequest: portalGuard,
      schema: { tags, params: idParam, response: { 200: portalTicketDetailSchema } },
    },
    async (request) =>
      myTicketDetail(db, await myTicket(services, currentPortal(request), request.params.id)),
  );

  app.post(
    '/api/portal/tickets/:id/urge',
    { onRequest: portalGuard, schema: { tags, params: idParam, response: { 200: portalUrgedSchema } } },
    async (request) => urgeTicket(services, currentPortal(request), request.params.id),
  );

  app.post(
    '/api/portal/tickets/:id/rate',
    {
      onRequest: portalGuard,
      schema: { tags, params: idParam, body: rateBody, response: { 200: portalTicketDetailSchema } },
    },
    async (request) => {
      const p = currentPortal(request);
      await rateTicket(services, p, request.params.id, request.body);
      return myTicketDetail(db, await myTicket(services, p, request.params.id));
    },
  );

  app.post(
    '/api/portal/tickets/:id/reopen',
    {
      onRequest: portalGuard,
      schema: { tags, params: idParam, body: reopenBody, response: { 200: portalTicketDetailSchema } },
    },
    async (request) => {
      const p = currentPortal(request);
      await reopenMyTicket(services, p, request.params.id, request.body.reason);
      return myTicketDetail(db, await myTicket(services, p, request.params.id));
    },
  );

  app.get(
    '/api/portal/notices',
    {
      onRequest: portalGuard,
      schema: { tags, querystring: portalPageQuery, response: { 200: portalNoticePageSchema } },
    },
    async (request) => myNotices(db, currentPortal(request), request.query, now()),
  );

  app.post(
    '/api/portal/notices/:id/read',
    { onRequest: portalGuard, schema: { tags, params: idParam, response: { 200: portalNoticeReadSchema } } },
    async (request) => ({ read: await readNotice(db, currentPortal(request), request.params.id, now()) }),
  );

  app.get(
    '/api/portal/subscriptions',
    { onRequest: portalGuard, schema: { tags, response: { 200: portalSubscriptionsSchema } } },
    async (request) => ({ optOut: await myOptOuts(db, currentPortal(request)) }),
  );

  app.put(
    '/api/portal/subscriptions',
    {
      onRequest: portalGuard,
      schema: { tags, body: subscriptionsBody, response: { 200: portalSubscriptionsSchema } },
    },
    async (request) => ({ optOut: await setOptOuts(db, currentPortal(request), request.body.optOut, now()) }),
  );

  app.get(
    '/api/portal/incidents',
    {
      onRequest: portalGuard,
      schema: { tags, querystring: z.object({}), response: { 200: portalIncidentPageSchema } },
    },
    async (request) => myIncidents(db, currentPortal(request), now()),
  );
}
