import {
  checkinBody,
  checkinResultSchema,
  createPatrolRouteBody,
  editPatrolRouteBody,
  missedPointPageSchema,
  monthQuery,
  noContent,
  patrolListQuery,
  patrolMonthStatsSchema,
  patrolPageSchema,
  patrolRouteListQuery,
  patrolRoutePageSchema,
  patrolRouteSchema,
  patrolSchema,
  pdfFile,
  xlsxFile,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, versionQuery } from '../../platform/http/pagination';
import { EXPORT_ROW_CAP } from '../../platform/http/xlsx';
import { projects } from '../org/schema';
import { guardAny } from '../tickets/guard-any';
import { checkIn } from './check-in';
import { createRoute } from './create-route';
import { deleteRoute, editRoute } from './edit-route';
import { generatePatrols } from './generate-patrols';
import { renderPointLabels } from './labels-pdf';
import { patrolMonthStats } from './month-stats';
import { sendPatrolXlsx } from './patrol-export';
import { listMissed, listPatrols, patrolInScope, presentPatrols } from './patrol-queries';
import { listRoutes, presentRoutes, projectZone, routeInScope } from './route-queries';

const tags = ['patrol'];
const pageQ = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** 巡检路线 (assets.read/assets.write) and patrols: walked by inspections.execute, read by either. */
export async function patrolRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const oneRoute = async (auth: AuthContext, id: number) =>
    (await presentRoutes(db, [await routeInScope(db, auth, id)]))[0]!;
  const onePatrol = async (auth: AuthContext, id: number) =>
    (await presentPatrols(db, [await patrolInScope(db, auth, id)], now()))[0]!;
  const readPatrols = guardAny('assets.read', 'inspections.execute');

  app.get(
    '/api/patrol-routes',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: patrolRouteListQuery, response: { 200: patrolRoutePageSchema } },
    },
    async (request) => listRoutes(db, currentAuth(request), request.query),
  );
  app.get(
    '/api/patrol-routes/:id',
    {
      onRequest: guard('assets.read'),
      schema: { tags, params: idParam, response: { 200: patrolRouteSchema } },
    },
    async (request) => oneRoute(currentAuth(request), request.params.id),
  );
  app.post(
    '/api/patrol-routes',
    {
      onRequest: guard('assets.write'),
      schema: { tags, body: createPatrolRouteBody, response: { 201: patrolRouteSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await createRoute(services, auth, request.body);
      // The current night's patrols exist at once, not at the job's next run.
      await generatePatrols(services, { projectId: row.projectId });
      return reply.status(201).send(await oneRoute(auth, row.id));
    },
  );
  app.patch(
    '/api/patrol-routes/:id',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: editPatrolRouteBody, response: { 200: patrolRouteSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const row = await editRoute(services, auth, request.params.id, request.body);
      return oneRoute(auth, row.id);
    },
  );
  app.delete(
    '/api/patrol-routes/:id',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, querystring: versionQuery, response: { 204: noContent } },
    },
    async (request, reply) => {
      await deleteRoute(services, currentAuth(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/patrol-routes/:id/labels.pdf',
    { onRequest: guard('assets.read'), schema: { tags, params: idParam, response: { 200: pdfFile } } },
    async (request, reply) => {
      const route = await oneRoute(currentAuth(request), request.params.id);
      const [project] = await db
        .select({ name: projects.name })
        .from(projects)
        .where(eq(projects.id, route.projectId));
      const pdf = await renderPointLabels(route, project?.name ?? '');
      const name = `巡检点标签-${route.name}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/patrols',
    {
      onRequest: readPatrols,
      schema: { tags, querystring: patrolListQuery, response: { 200: patrolPageSchema } },
    },
    async (request) => listPatrols(db, currentAuth(request), request.query, now()),
  );
  app.get(
    '/api/patrols/export.xlsx',
    {
      onRequest: guard('assets.read', 'export.run'),
      schema: {
        tags,
        querystring: patrolListQuery.omit({ page: true, pageSize: true }),
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const q = { ...request.query, page: 1, pageSize: Math.floor(EXPORT_ROW_CAP / 20) };
      const { items, total } = await listPatrols(db, auth, q, now());
      const tz = await projectZone(db, q.projectId ?? auth.projectIds[0] ?? -1);
      return sendPatrolXlsx(reply, items, total, tz);
    },
  );
  app.get(
    '/api/patrols/missed',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: monthQuery.extend(pageQ.shape), response: { 200: missedPointPageSchema } },
    },
    async (request) => listMissed(db, currentAuth(request), request.query),
  );
  app.get(
    '/api/patrols/stats',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: monthQuery, response: { 200: patrolMonthStatsSchema } },
    },
    async (request) => {
      assertInScope(currentAuth(request), request.query.projectId, 'Project');
      return patrolMonthStats(db, request.query, now());
    },
  );
  app.get(
    '/api/patrols/:id',
    { onRequest: readPatrols, schema: { tags, params: idParam, response: { 200: patrolSchema } } },
    async (request) => onePatrol(currentAuth(request), request.params.id),
  );
  app.post(
    '/api/patrols/:id/checkins',
    {
      onRequest: guard('inspections.execute'),
      schema: { tags, params: idParam, body: checkinBody, response: { 200: checkinResultSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const result = await checkIn(services, auth, request.params.id, request.body.code);
      return { ...result, patrol: await onePatrol(auth, request.params.id) };
    },
  );
}
