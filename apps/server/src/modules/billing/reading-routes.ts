import {
  meterReadingPageSchema,
  meterReadingSchema,
  readingImportResultSchema,
  recordReadingBody,
  xlsxFile,
} from '@guanjia/shared/api';
import { z } from 'zod';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { messageLocale } from '../../platform/http/i18n/request-locale';
import { sendXlsx } from '../../platform/http/xlsx';
import { invalidFile } from '../imports/read-workbook';
import { guardAny } from './guard-any';
import { importReadings, readingTemplate } from './import-readings';
import { listReadings, readingListQuery } from './reading-queries';
import { recordReading } from './record-reading';

const tags = ['billing'];

/** 抄表: read with billing.read; a reading is recorded by the cashier (抄表员) or finance. */
export async function readingRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/meter-readings',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: readingListQuery, response: { 200: meterReadingPageSchema } },
    },
    async (request) => listReadings(db, currentAuth(request), request.query),
  );

  app.post(
    '/api/meter-readings',
    {
      onRequest: guardAny('billing.cashier', 'billing.finance'),
      schema: { tags, body: recordReadingBody, response: { 201: meterReadingSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await recordReading(services, auth, request.body);
      const page = await listReadings(db, auth, {
        projectId: row.projectId,
        feeItemId: row.feeItemId,
        unitId: row.unitId ?? undefined,
        period: row.period,
        page: 1,
        pageSize: 5,
      });
      return reply.status(201).send(page.items.find((r) => r.id === row.id)!);
    },
  );

  app.get(
    '/api/meter-readings/template.xlsx',
    {
      onRequest: guardAny('billing.cashier', 'billing.finance'),
      schema: { tags, response: { 200: xlsxFile } },
    },
    async (_request, reply) => sendXlsx(reply, '抄表导入模板.xlsx', await readingTemplate()),
  );

  app.post(
    '/api/meter-readings/import',
    {
      onRequest: guardAny('billing.cashier', 'billing.finance'),
      schema: {
        tags,
        querystring: z.object({ projectId: z.coerce.number().int().positive() }),
        response: { 200: readingImportResultSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      // Scope first: nothing is read from a caller who may not import into this project.
      assertInScope(auth, request.query.projectId, 'Project');
      if (!request.isMultipart())
        throw invalidFile('Upload the workbook as multipart/form-data with one file field');
      const part = await request.file();
      if (!part) throw invalidFile('The upload carries no file');
      const file = await part.toBuffer();
      const locale = messageLocale(request.headers['accept-language']);
      return importReadings(services, auth, request.query.projectId, file, locale);
    },
  );
}
