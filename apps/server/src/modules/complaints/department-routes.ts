import { departmentListSchema, departmentSchema } from '@guanjia/shared/api';
import type { AuthContext } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { createDepartment } from './create-department';
import { createDepartmentBody, departmentListQuery, editDepartmentBody } from './department.types';
import { departmentInScope, listDepartments, withMembers } from './department-queries';
import { editDepartment } from './edit-department';

const tags = ['departments'];

/** Departments: read by whoever assigns tickets, kept by departments.write (the settings page). */
export async function departmentRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const one = async (auth: AuthContext, id: number) =>
    (await withMembers(db, [await departmentInScope(db, auth, id)]))[0]!;

  app.get(
    '/api/departments',
    {
      onRequest: guard('tickets.read'),
      schema: { tags, querystring: departmentListQuery, response: { 200: departmentListSchema } },
    },
    async (request) => ({ items: await listDepartments(db, currentAuth(request), request.query) }),
  );

  app.get(
    '/api/departments/:id',
    {
      onRequest: guard('tickets.read'),
      schema: { tags, params: idParam, response: { 200: departmentSchema } },
    },
    async (request) => one(currentAuth(request), request.params.id),
  );

  app.post(
    '/api/departments',
    {
      onRequest: guard('departments.write'),
      schema: { tags, body: createDepartmentBody, response: { 201: departmentSchema } },
    },
    async (request, reply) => {
      const row = await createDepartment(services, currentAuth(request), request.body);
      return reply.status(201).send(await one(currentAuth(request), row.id));
    },
  );

  app.patch(
    '/api/departments/:id',
    {
      onRequest: guard('departments.write'),
      schema: { tags, params: idParam, body: editDepartmentBody, response: { 200: departmentSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const row = await editDepartment(services, auth, request.params.id, request.body);
      return one(auth, row.id);
    },
  );
}
