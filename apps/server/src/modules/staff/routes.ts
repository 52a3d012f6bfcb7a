import { PERMISSIONS } from '@guanjia/shared';
import {
  okSchema,
  permissionListSchema,
  rolePageSchema,
  roleSchema,
  staffNamesSchema,
  staffPageSchema,
  staffSchema,
  xlsxFile,
} from '@guanjia/shared/api';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { currentAuth, guard } from '../../platform/auth/guard';
import { roles, userProjects, users } from '../../platform/auth/schema';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { exportStaff, staffExportQuery } from '../imports/exports';
import { scopeIds } from '../org/queries';
import { guardAny } from '../tickets/guard-any';
import { passwordInput, roleInput, rolePatch, staffInput, staffListQuery, staffPatch } from './inputs';
import { listStaff, presentStaff, staffVisibility, withGrants } from './queries';
import { createRole, updateRole } from './role-commands';
import { createStaff, resetPassword, updateStaff } from './staff-commands';

const presentRole = (r: typeof roles.$inferSelect) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  permissions: r.permissions,
  builtin: r.builtin,
  version: r.version,
});

export async function staffRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/staff/export.xlsx',
    {
      onRequest: guard('staff.read', 'export.run'),
      schema: { tags: ['staff'], querystring: staffExportQuery, response: { 200: xlsxFile } },
    },
    async (request, reply) => exportStaff(reply, db, currentAuth(request), request.query),
  );

  async function staffDetail(request: Parameters<typeof currentAuth>[0], id: number) {
    const auth = currentAuth(request);
    const [row] = await db
      .select()
      .from(users)
      .where(and(eq(users.id, id), staffVisibility(auth)));
    if (!row) throw notFound('Staff member');
    const [full] = await withGrants(db, [row]);
    return presentStaff(auth, full!);
  }

  /**
   * Who is who, for every screen that names a person from an id (ticket timelines, record history, the
   * audit log, QA): anyone who reads such a screen may read the names of the staff who act in their
   * projects (company-wide staff included), not their phones or roles.
   */
  app.get(
    '/api/staff/names',
    {
      onRequest: guardAny(
        'staff.read',
        'tickets.read',
        'audit.read',
        'qa.review',
        'workorders.execute',
        'calls.read',
      ),
      schema: { tags: ['staff'], response: { 200: staffNamesSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const rows = await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(
          and(
            eq(users.companyId, auth.companyId),
            auth.allProjects
              ? undefined
              : or(
                  eq(users.allProjects, true),
                  inArray(
                    users.id,
                    sql`(select ${userProjects.userId} from ${userProjects} where ${userProjects.projectId} = any(${sql.param(scopeIds(auth))}::bigint[]))`,
                  ),
                ),
          ),
        )
        .orderBy(asc(users.id));
      return { items: rows };
    },
  );

  app.get(
    '/api/staff',
    {
      onRequest: guard('staff.read'),
      schema: { tags: ['staff'], querystring: staffListQuery, response: { 200: staffPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { items, total } = await listStaff(db, auth, request.query);
      return {
        items: items.map((u) => presentStaff(auth, u)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/api/staff/:id',
    {
      onRequest: guard('staff.read'),
      schema: { tags: ['staff'], params: idParam, response: { 200: staffSchema } },
    },
    async (request) => staffDetail(request, request.params.id),
  );

  app.post(
    '/api/staff',
    {
      onRequest: guard('staff.write'),
      schema: { tags: ['staff'], body: staffInput, response: { 201: staffSchema } },
    },
    async (request, reply) => {
      const created = await createStaff(services, currentAuth(request), request.body);
      return reply.status(201).send(await staffDetail(request, created.id));
    },
  );

  app.patch(
    '/api/staff/:id',
    {
      onRequest: guard('staff.write'),
      schema: { tags: ['staff'], params: idParam, body: staffPatch, response: { 200: staffSchema } },
    },
    async (request) => {
      await updateStaff(services, currentAuth(request), request.params.id, request.body);
      return staffDetail(request, request.params.id);
    },
  );

  app.post(
    '/api/staff/:id/password',
    {
      onRequest: guard('staff.write'),
      schema: {
        tags: ['staff'],
        params: idParam,
        body: z.object({ password: passwordInput }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await resetPassword(services, currentAuth(request), request.params.id, request.body.password);
      return { ok: true };
    },
  );

  app.get(
    '/api/permissions',
    { onRequest: guard('staff.read'), schema: { tags: ['staff'], response: { 200: permissionListSchema } } },
    async () => ({ items: PERMISSIONS }),
  );

  app.get(
    '/api/roles',
    { onRequest: guard('staff.read'), schema: { tags: ['staff'], response: { 200: rolePageSchema } } },
    async (request) => {
      const rows = await db
        .select()
        .from(roles)
        .where(eq(roles.companyId, currentAuth(request).companyId))
        .orderBy(asc(roles.id));
      return {
        items: rows.map(presentRole),
        total: rows.length,
        page: 1,
        pageSize: Math.max(rows.length, 1),
      };
    },
  );

  app.post(
    '/api/roles',
    {
      onRequest: guard('roles.write'),
      schema: { tags: ['staff'], body: roleInput, response: { 201: roleSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(presentRole(await createRole(services, currentAuth(request), request.body))),
  );

  app.patch(
    '/api/roles/:id',
    {
      onRequest: guard('roles.write'),
      schema: { tags: ['staff'], params: idParam, body: rolePatch, response: { 200: roleSchema } },
    },
    async (request) =>
      presentRole(await updateRole(services, currentAuth(request), request.params.id, request.body)),
  );
}
