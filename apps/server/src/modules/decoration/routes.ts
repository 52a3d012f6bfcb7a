import {
  agreementBody,
  decorationActionBody,
  decorationBody,
  decorationInspectionSchema,
  decorationListQuery,
  decorationPageSchema,
  decorationSchema,
  depositBody,
  inspectionDoneBody,
  pdfFile,
  seepageTestBody,
  waterTestEndBody,
  waterTestStartBody,
  workerPassCheckBody,
  workerPassVerdictSchema,
  xlsxFile,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { projects, units } from '../org/schema';
import { applyDecoration } from './apply-decoration';
import { sendDecorationsXlsx } from './decoration-export';
import { decorationInScope, listDecorations, presentDecoration } from './decoration-queries';
import {
  actOnDecoration,
  endWaterTest,
  recordDeposit,
  recordSeepageTest,
  signAgreement,
  startWaterTest,
} from './decoration-steps';
import { completeInspection, verifyDecorationWorkerPass } from './inspections';
import { renderPermit } from './permit-pdf';

const tags = ['decorations'];
const inspectionParams = z.object({
  id: z.coerce.number().int().positive(),
  inspectionId: z.coerce.number().int().positive(),
});

/** 装修管理 (W-14): read with desk.read, kept with decoration.manage; the gate verifies worker passes. */
export async function decorationRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const one = async (auth: AuthContext, id: number) =>
    presentDecoration(db, auth, await decorationInScope(db, auth, id));
  const write = guard('decoration.manage');

  app.get(
    '/api/decorations',
    {
      onRequest: guard('desk.read'),
      schema: { tags, querystring: decorationListQuery, response: { 200: decorationPageSchema } },
    },
    async (request) => listDecorations(db, currentAuth(request), request.query),
  );
  app.get(
    '/api/decorations/export.xlsx',
    {
      onRequest: guard('desk.read', 'export.run'),
      schema: {
        tags,
        querystring: decorationListQuery.omit({ page: true, pageSize: true }),
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const page = await listDecorations(db, currentAuth(request), {
        ...request.query,
        page: 1,
        pageSize: 5000,
      });
      return sendDecorationsXlsx(reply, page.items, page.total);
    },
  );
  app.get(
    '/api/decorations/:id',
    { onRequest: guard('desk.read'), schema: { tags, params: idParam, response: { 200: decorationSchema } } },
    async (request) => one(currentAuth(request), request.params.id),
  );
  app.get(
    '/api/decorations/:id/permit.pdf',
    { onRequest: guard('desk.read'), schema: { tags, params: idParam, response: { 200: pdfFile } } },
    async (request, reply) => {
      const d = await one(currentAuth(request), request.params.id);
      const [p] = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, d.projectId));
      const name = `装修许可证-${d.number}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(await renderPermit(d, p?.name ?? ''));
    },
  );
  app.post(
    '/api/decorations',
    { onRequest: write, schema: { tags, body: decorationBody, response: { 201: decorationSchema } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const [unit] = await db
        .select({ projectId: units.projectId })
        .from(units)
        .where(eq(units.id, request.body.unitId));
      if (!unit) throw notFound('Unit');
      assertInScope(auth, unit.projectId, 'Unit');
      const row = await db.transaction((tx) =>
        applyDecoration(tx, userActor(auth), now(), {
          ...request.body,
          companyId: auth.companyId,
          projectId: unit.projectId,
          source: 'desk',
        }),
      );
      return reply.status(201).send(await one(auth, row.id));
    },
  );
  const stepRoute = <B extends z.ZodType>(
    path: string,
    body: B,
    run: (auth: AuthContext, id: number, b: z.infer<B>) => Promise<unknown>,
  ) =>
    app.post(
      `/api/decorations/:id/${path}`,
      { onRequest: write, schema: { tags, params: idParam, body, response: { 200: decorationSchema } } },
      async (request) => {
        const auth = currentAuth(request);
        await run(auth, request.params.id, request.body as z.infer<B>);
        return one(auth, request.params.id);
      },
    );
  stepRoute('agreement', agreementBody, (auth, id, b) => signAgreement(services, auth, id, b));
  stepRoute('deposit', depositBody, (auth, id, b) => recordDeposit(services, auth, id, b));
  stepRoute('seepage-test', seepageTestBody, (auth, id, b) => recordSeepageTest(services, auth, id, b));
  stepRoute('water-test/start', waterTestStartBody, (auth, id, b) => startWaterTest(services, auth, id, b));
  stepRoute('water-test/end', waterTestEndBody, (auth, id, b) => endWaterTest(services, auth, id, b));
  stepRoute('actions', decorationActionBody, (auth, id, b) => actOnDecoration(services, auth, id, b));
  app.post(
    '/api/decorations/:id/inspections/:inspectionId',
    {
      onRequest: guard('desk.write'),
      schema: {
        tags,
        params: inspectionParams,
        body: inspectionDoneBody,
        response: { 200: decorationInspectionSchema },
      },
    },
    async (request) => {
      const i = await completeInspection(
        services,
        currentAuth(request),
        request.params.id,
        request.params.inspectionId,
        request.body,
      );
      return {
        id: i.id,
        day: i.day,
        state: i.state,
        ok: i.ok,
        note: i.note,
        rectificationIds: i.rectificationIds,
        doneAt: i.doneAt?.toISOString() ?? null,
      };
    },
  );
  app.post(
    '/api/decorations/worker-passes/verify',
    {
      onRequest: guard('gate.verify'),
      schema: { tags, body: workerPassCheckBody, response: { 200: workerPassVerdictSchema } },
    },
    async (request) =>
      verifyDecorationWorkerPass(db, request.body.code, now(), scopeIds(currentAuth(request))),
  );
}
