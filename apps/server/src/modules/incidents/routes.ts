import {
  incidentLinkResultSchema,
  incidentPageSchema,
  incidentReportSchema,
  incidentResolvedSchema,
  incidentSchema,
  incidentTicketPageSchema,
  sendPreviewSchema,
  sourceDeliveryPageSchema,
} from '@guanjia/shared/api';
import { and, count, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam, offsetOf, pageQuery } from '../../platform/http/pagination';
import { sendOrHold } from '../broadcasts/approval-gate';
import { deliveryListQuery } from '../delivery/inputs';
import { listDeliveries } from '../delivery/queries';
import { units } from '../org/schema';
import { ticketCategories, tickets } from '../tickets/schema';
import { cancelIncident } from './cancel-incident';
import { createIncident } from './create-incident';
import {
  activeQuery,
  cancelBody,
  incidentInput,
  incidentListQuery,
  incidentPatch,
  linkBody,
  resolveBody,
} from './inputs';
import { linkTickets } from './link-tickets';
import { previewIncident } from './preview-incident';
import { incidentInScope, linkedCount, listIncidents, presentIncident } from './queries';
import { incidentReport, incidentReportQuery } from './report';
import { resolveIncident } from './resolve-incident';
import { coversCategory, coversPlace, incidentMatches } from './rules/coverage';
import { incidents, incidentTickets } from './schema';
import { updateIncident } from './update-incident';

const tags = ['incidents'];

export async function incidentRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();

  app.get(
    '/api/incidents',
    {
      onRequest: guard('incidents.read'),
      schema: { tags, querystring: incidentListQuery, response: { 200: incidentPageSchema } },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await listIncidents(db, currentAuth(request), q);
      return { items: rows.map((i) => presentIncident(i, now())), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/api/incidents',
    {
      onRequest: guard('incidents.write'),
      schema: { tags, body: incidentInput, response: { 201: incidentSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      // Above the approval threshold a non-emergency is held: 409 approval_required with the request id.
      const row = await sendOrHold(services, auth, () => createIncident(services, auth, request.body));
      return reply.status(201).send(presentIncident(row, now(), 0));
    },
  );

  // The confirmation before registering: recipients per channel and the exact texts; nothing is sent.
  app.post(
    '/api/incidents/preview',
    {
      onRequest: guard('incidents.write'),
      schema: { tags, body: incidentInput, response: { 200: sendPreviewSchema } },
    },
    async (request) => previewIncident(services, currentAuth(request), request.body),
  );

  app.post(
    '/api/incidents/:id/cancel',
    {
      onRequest: guard('incidents.write'),
      schema: { tags, params: idParam, body: cancelBody, response: { 200: incidentSchema } },
    },
    async (request) => {
      const { version, reason } = request.body;
      const r = await cancelIncident(services, currentAuth(request), request.params.id, version, reason);
      return presentIncident(r.incident, now(), await linkedCount(db, r.incident.id));
    },
  );

  // The intake form's banner: ongoing incidents explaining a problem at this unit (and category).
  app.get(
    '/api/incidents/active',
    {
      onRequest: guard('tickets.read'),
      schema: { tags, querystring: activeQuery, response: { 200: incidentPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const [unit] = await db.select().from(units).where(eq(units.id, request.query.unitId));
      if (!unit) throw notFound('Unit');
      assertInScope(auth, unit.projectId, 'Unit');
      const categoryId = request.query.categoryId;
      const [category] = categoryId
        ? await db
            .select({ path: ticketCategories.pathIds })
            .from(ticketCategories)
            .where(eq(ticketCategories.id, categoryId))
        : [];
      const rows = await db
        .select()
        .from(incidents)
        .where(and(eq(incidents.projectId, unit.projectId), eq(incidents.status, '进行中')))
        .orderBy(desc(incidents.id))
        .limit(200);
      const place = { unitId: unit.id, buildingId: unit.buildingId, categoryPathIds: category?.path ?? null };
      const items = rows
        .filter((i) => incidentMatches(i, place, now()))
        .map((i) => presentIncident(i, now()));
      return { items, total: items.length, page: 1, pageSize: items.length };
    },
  );

  app.get(
    '/api/reports/incidents',
    {
      onRequest: guard('reports.read'),
      schema: { tags, querystring: incidentReportQuery, response: { 200: incidentReportSchema } },
    },
    async (request) => incidentReport(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/incidents/:id',
    {
      onRequest: guard('incidents.read'),
      schema: { tags, params: idParam, response: { 200: incidentSchema } },
    },
    async (request) => {
      const i = await incidentInScope(db, currentAuth(request), request.params.id);
      return presentIncident(i, now(), await linkedCount(db, i.id));
    },
  );

  app.patch(
    '/api/incidents/:id',
    {
      onRequest: guard('incidents.write'),
      schema: { tags, params: idParam, body: incidentPatch, response: { 200: incidentSchema } },
    },
    async (request) => {
      const row = await updateIncident(services, currentAuth(request), request.params.id, request.body);
      return presentIncident(row, now(), await linkedCount(db, row.id));
    },
  );

  app.post(
    '/api/incidents/:id/resolve',
    {
      onRequest: guard('incidents.write'),
      schema: { tags, params: idParam, body: resolveBody, response: { 200: incidentResolvedSchema } },
    },
    async (request) => {
      const { body } = request;
      const r = await resolveIncident(
        services,
        currentAuth(request),
        request.params.id,
        body.version,
        body.note,
      );
      return {
        ...presentIncident(r.incident, now(), r.tickets.length),
        notified: r.notified,
        tickets: r.tickets,
      };
    },
  );

  app.post(
    '/api/incidents/:id/tickets',
    {
      onRequest: guard('incidents.write'),
      schema: { tags, params: idParam, body: linkBody, response: { 200: incidentLinkResultSchema } },
    },
    async (request) => linkTickets(services, currentAuth(request), request.params.id, request.body.ticketIds),
  );

  app.get(
    '/api/incidents/:id/tickets',
    {
      onRequest: guard('incidents.read'),
      schema: { tags, params: idParam, querystring: pageQuery, response: { 200: incidentTicketPageSchema } },
    },
    async (request) => {
      const i = await incidentInScope(db, currentAuth(request), request.params.id);
      const q = request.query;
      const where = eq(incidentTickets.incidentId, i.id);
      const [rows, [total]] = await Promise.all([
        db
          .select({ t: tickets, linkedAt: incidentTickets.linkedAt })
          .from(incidentTickets)
          .innerJoin(tickets, eq(tickets.id, incidentTickets.ticketId))
          .where(where)
          .orderBy(desc(incidentTickets.linkedAt), desc(tickets.id))
          .limit(q.pageSize)
          .offset(offsetOf(q)),
        db.select({ n: count() }).from(incidentTickets).where(where),
      ]);
      return {
        items: rows.map(({ t, linkedAt }) => ticketItem(t, linkedAt)),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  // Open tickets the incident explains and that are not attached yet: "attach these in bulk".
  app.get(
    '/api/incidents/:id/candidates',
    {
      onRequest: guard('incidents.read'),
      schema: { tags, params: idParam, querystring: pageQuery, response: { 200: incidentTicketPageSchema } },
    },
    async (request) => {
      const i = await incidentInScope(db, currentAuth(request), request.params.id);
      const q = request.query;
      const linked = db
        .select({ id: incidentTickets.ticketId })
        .from(incidentTickets)
        .where(eq(incidentTickets.incidentId, i.id));
      const rows = await db
        .select({ t: tickets, buildingId: units.buildingId, path: ticketCategories.pathIds })
        .from(tickets)
        .innerJoin(units, eq(units.id, tickets.unitId))
        .leftJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
        .where(
          and(
            eq(tickets.projectId, i.projectId),
            inArray(tickets.status, ['待受理', '处理中']),
            notInArray(tickets.id, linked),
          ),
        )
        .orderBy(desc(tickets.id))
        .limit(2000);
      // Reports from the day before the incident was logged count too: residents call before we know.
      const matching = rows.filter(
        (r) =>
          r.t.unitId !== null &&
          coversPlace(i, { unitId: r.t.unitId, buildingId: r.buildingId }) &&
          coversCategory(i, r.path) &&
          r.t.createdAt.getTime() >= i.startsAt.getTime() - 86_400_000,
      );
      const page = matching.slice(offsetOf(q), offsetOf(q) + q.pageSize);
      return {
        items: page.map((r) => ticketItem(r.t, null)),
        total: matching.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/incidents/:id/deliveries',
    {
      onRequest: guard('incidents.read'),
      schema: {
        tags,
        params: idParam,
        querystring: deliveryListQuery,
        response: { 200: sourceDeliveryPageSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const i = await incidentInScope(db, auth, request.params.id);
      return listDeliveries(db, auth, { types: ['incident', 'incident_resolved'], id: i.id }, request.query);
    },
  );
}

function ticketItem(t: typeof tickets.$inferSelect, linkedAt: Date | null) {
  return {
    id: t.id,
    number: t.number,
    type: t.type,
    status: t.status,
    title: t.title,
    unitId: t.unitId,
    residentId: t.residentId,
    createdAt: t.createdAt.toISOString(),
    linkedAt: linkedAt?.toISOString() ?? null,
    version: t.version,
  };
}
