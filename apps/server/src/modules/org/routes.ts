import {
  buildingPageSchema,
  buildingSchema,
  estateTreeSchema,
  projectPageSchema,
  projectSchema,
  unitPageSchema,
  unitSchema,
  xlsxFile,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { exportUnits, unitExportQuery } from '../imports/exports';
import { createBuilding, updateBuilding } from './building-commands';
import { buildingInput, buildingPatch, projectInput, projectPatch, unitInput, unitPatch } from './inputs';
import { presentBuilding, presentProject, presentUnit } from './presenters';
import { createProject, updateProject } from './project-commands';
import { estateTree, listProjects, listUnits, unitListQuery } from './queries';
import { buildings, projects, units } from './schema';
import { createUnit, updateUnit } from './unit-commands';

export async function orgRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const read = { onRequest: guard('estate.read') };
  const write = { onRequest: guard('estate.write') };

  app.get(
    '/api/units/export.xlsx',
    {
      onRequest: guard('estate.read', 'export.run'),
      schema: { tags: ['estate'], querystring: unitExportQuery, response: { 200: xlsxFile } },
    },
    async (request, reply) => exportUnits(reply, db, currentAuth(request), request.query),
  );

  app.get(
    '/api/estate/tree',
    { ...read, schema: { tags: ['estate'], response: { 200: estateTreeSchema } } },
    async (request) => ({
      items: await estateTree(db, currentAuth(request)),
    }),
  );

  app.get(
    '/api/projects',
    { ...read, schema: { tags: ['estate'], response: { 200: projectPageSchema } } },
    async (request) => {
      const items = (await listProjects(db, currentAuth(request))).map(presentProject);
      // Companies run tens of projects, not thousands: one page holds them all.
      return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
    },
  );

  app.get(
    '/api/projects/:id',
    { ...read, schema: { tags: ['estate'], params: idParam, response: { 200: projectSchema } } },
    async (request) => {
      const auth = currentAuth(request);
      assertInScope(auth, request.params.id, 'Project');
      const [row] = await db.select().from(projects).where(eq(projects.id, request.params.id));
      if (!row) throw notFound('Project');
      return presentProject(row);
    },
  );

  app.post(
    '/api/projects',
    { ...write, schema: { tags: ['estate'], body: projectInput, response: { 201: projectSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentProject(await createProject(services, currentAuth(request), request.body))),
  );

  app.patch(
    '/api/projects/:id',
    {
      ...write,
      schema: { tags: ['estate'], params: idParam, body: projectPatch, response: { 200: projectSchema } },
    },
    async (request) =>
      presentProject(await updateProject(services, currentAuth(request), request.params.id, request.body)),
  );

  app.get(
    '/api/buildings',
    {
      ...read,
      schema: {
        tags: ['estate'],
        querystring: z.object({ projectId: z.coerce.number().int().positive() }),
        response: { 200: buildingPageSchema },
      },
    },
    async (request) => {
      assertInScope(currentAuth(request), request.query.projectId, 'Project');
      const rows = await db
        .select()
        .from(buildings)
        .where(eq(buildings.projectId, request.query.projectId))
        .orderBy(buildings.sortOrder, buildings.id);
      return {
        items: rows.map(presentBuilding),
        total: rows.length,
        page: 1,
        pageSize: Math.max(rows.length, 1),
      };
    },
  );

  app.get(
    '/api/buildings/:id',
    { ...read, schema: { tags: ['estate'], params: idParam, response: { 200: buildingSchema } } },
    async (request) => {
      const [row] = await db.select().from(buildings).where(eq(buildings.id, request.params.id));
      if (!row) throw notFound('Building');
      assertInScope(currentAuth(request), row.projectId, 'Building');
      return presentBuilding(row);
    },
  );

  app.post(
    '/api/buildings',
    { ...write, schema: { tags: ['estate'], body: buildingInput, response: { 201: buildingSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentBuilding(await createBuilding(services, currentAuth(request), request.body))),
  );

  app.patch(
    '/api/buildings/:id',
    {
      ...write,
      schema: { tags: ['estate'], params: idParam, body: buildingPatch, response: { 200: buildingSchema } },
    },
    async (request) =>
      presentBuilding(await updateBuilding(services, currentAuth(request), request.params.id, request.body)),
  );

  app.get(
    '/api/units',
    { ...read, schema: { tags: ['estate'], querystring: unitListQuery, response: { 200: unitPageSchema } } },
    async (request) => {
      const q = request.query;
      const { items, total, totalCapped } = await listUnits(db, currentAuth(request), q);
      return { items: items.map(presentUnit), total, totalCapped, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/units/:id',
    { ...read, schema: { tags: ['estate'], params: idParam, response: { 200: unitSchema } } },
    async (request) => {
      const [row] = await db.select().from(units).where(eq(units.id, request.params.id));
      if (!row) throw notFound('Unit');
      assertInScope(currentAuth(request), row.projectId, 'Unit');
      // Occupants come from GET /api/residents?unitId=: the estate module does not reach into residents.
      return presentUnit(row);
    },
  );

  app.post(
    '/api/units',
    { ...write, schema: { tags: ['estate'], body: unitInput, response: { 201: unitSchema } } },
    async (request, reply) =>
      reply.status(201).send(presentUnit(await createUnit(services, currentAuth(request), request.body))),
  );

  app.patch(
    '/api/units/:id',
    {
      ...write,
      schema: { tags: ['estate'], params: idParam, body: unitPatch, response: { 200: unitSchema } },
    },
    async (request) =>
      presentUnit(await updateUnit(services, currentAuth(request), request.params.id, request.body)),
  );
}
