import {
  residentNoteBody,
  residentOverviewSchema,
  residentPageSchema,
  residentSchema,
  xlsxFile,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { exportResidents, residentExportQuery } from '../imports/exports';
import { addResidentNote } from './add-resident-note';
import { createResident } from './create-resident';
import { residentInput, residentListQuery, residentPatch } from './inputs';
import { assertResidentInZones, listResidents, presentResident, withLinks } from './queries';
import { residentOverview } from './resident-overview';
import { residents } from './schema';
import { updateResident } from './update-resident';

export async function residentRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/residents/export.xlsx',
    {
      onRequest: guard('residents.read', 'export.run'),
      schema: { tags: ['residents'], querystring: residentExportQuery, response: { 200: xlsxFile } },
    },
    async (request, reply) => exportResidents(reply, db, currentAuth(request), request.query),
  );

  async function detail(id: number) {
    const [row] = await db.select().from(residents).where(eq(residents.id, id));
    if (!row) throw notFound('Resident');
    const [full] = await withLinks(db, [row]);
    return full!;
  }

  app.get(
    '/api/residents',
    {
      onRequest: guard('residents.read'),
      schema: { tags: ['residents'], querystring: residentListQuery, response: { 200: residentPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      const { items, total, totalCapped } = await listResidents(db, auth, q);
      return {
        items: items.map((r) => presentResident(auth, r)),
        total,
        totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/residents/:id',
    {
      onRequest: guard('residents.read'),
      schema: { tags: ['residents'], params: idParam, response: { 200: residentSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const row = await detail(request.params.id);
      assertInScope(auth, row.projectId, 'Resident');
      await assertResidentInZones(db, auth, row.id);
      return presentResident(auth, row);
    },
  );

  app.post(
    '/api/residents',
    {
      onRequest: guard('residents.write'),
      schema: { tags: ['residents'], body: residentInput, response: { 201: residentSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const created = await createResident(services, auth, request.body);
      return reply.status(201).send(presentResident(auth, await detail(created.id)));
    },
  );

  app.patch(
    '/api/residents/:id',
    {
      onRequest: guard('residents.write'),
      schema: {
        tags: ['residents'],
        params: idParam,
        body: residentPatch,
        response: { 200: residentSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      await updateResident(services, auth, request.params.id, request.body);
      return presentResident(auth, await detail(request.params.id));
    },
  );

  // The resident 360: the screen pop and the resident page read everything about one person in one call.
  app.get(
    '/api/residents/:id/overview',
    {
      onRequest: guard('residents.read'),
      schema: { tags: ['residents'], params: idParam, response: { 200: residentOverviewSchema } },
    },
    async (request) => residentOverview(services.database, currentAuth(request), request.params.id),
  );

  app.post(
    '/api/residents/:id/notes',
    {
      onRequest: guard('residents.read', 'tickets.write'),
      schema: {
        tags: ['residents'],
        params: idParam,
        body: residentNoteBody,
        response: { 201: residentOverviewSchema },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      await addResidentNote(services, auth, request.params.id, request.body.note);
      return reply.status(201).send(await residentOverview(services.database, auth, request.params.id));
    },
  );
}
