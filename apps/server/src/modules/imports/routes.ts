import { importJobSchema, importPageSchema, xlsxFile } from '@guanjia/shared/api';
import { z } from 'zod';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { sendXlsx } from '../../platform/http/xlsx';
import { createImport } from './create-import';
import { buildErrorsWorkbook } from './errors-workbook';
import { getImport, getImportDetail, importListQuery, listImports, presentImport } from './queries';
import { invalidFile } from './read-workbook';
import { importTemplate } from './template';

export async function importRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const run = { onRequest: guard('import.run') };

  app.get(
    '/api/imports/template.xlsx',
    { ...run, schema: { tags: ['imports'], response: { 200: xlsxFile } } },
    async (_request, reply) => sendXlsx(reply, '房屋与住户导入模板.xlsx', await importTemplate()),
  );

  app.post(
    '/api/imports',
    {
      ...run,
      schema: {
        tags: ['imports'],
        querystring: z.object({ projectId: z.coerce.number().int().positive() }),
        response: { 202: importJobSchema },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      // Scope first: nothing is read from a caller who may not import into this project.
      assertInScope(auth, request.query.projectId, 'Project');
      if (!request.isMultipart())
        throw invalidFile('Upload the workbook as multipart/form-data with one file field');
      const part = await request.file();
      if (!part) throw invalidFile('The upload carries no file');
      const file = await part.toBuffer();
      const created = await createImport(services, auth, request.query.projectId, {
        filename: part.filename,
        file,
      });
      return reply.status(202).send(presentImport(created));
    },
  );

  app.get(
    '/api/imports',
    {
      ...run,
      schema: { tags: ['imports'], querystring: importListQuery, response: { 200: importPageSchema } },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listImports(db, currentAuth(request), q);
      return { items: items.map(presentImport), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/imports/:id',
    { ...run, schema: { tags: ['imports'], params: idParam, response: { 200: importJobSchema } } },
    async (request) => presentImport(await getImport(db, currentAuth(request), request.params.id)),
  );

  app.get(
    '/api/imports/:id/errors.xlsx',
    { ...run, schema: { tags: ['imports'], params: idParam, response: { 200: xlsxFile } } },
    async (request, reply) => {
      const row = await getImportDetail(db, currentAuth(request), request.params.id);
      return sendXlsx(reply, `导入错误-${row.id}.xlsx`, await buildErrorsWorkbook(row.file, row.errors));
    },
  );
}
