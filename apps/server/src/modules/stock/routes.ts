import {
  closeStocktakeBody,
  countStocktakeBody,
  createMaterialBody,
  createMovementBody,
  createStocktakeBody,
  editMaterialBody,
  materialListQuery,
  materialPageSchema,
  materialSchema,
  materialsReportQuery,
  materialsReportSchema,
  movementListQuery,
  movementPageSchema,
  movementSchema,
  stocktakeListQuery,
  stocktakePageSchema,
  stocktakeSchema,
  workOrderDraftQuery,
  workOrderDraftSchema,
  xlsxFile,
} from '@guanjia/shared/api';
import type { AuthContext } from '../../platform/auth/context';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { createMaterial, editMaterial } from './create-material';
import { listMaterials, materialInScope, presentMaterials } from './material-queries';
import { materialsReport } from './materials-report';
import { listMovements, workOrderDraft } from './movement-queries';
import { recordMovement } from './record-movement';
import { sendMaterialsXlsx } from './report-export';
import { closeStocktake, countStocktake, openStocktake } from './stocktake';
import { listStocktakes, presentStocktakes, stocktakeInScope } from './stocktake-queries';

const tags = ['stock'];

/**
 * 物料库存 (W-25). Completed work orders do not move stock by themselves: the technician's 完工 list is
 * free text with yuan prices and is often filled after the part was already drawn, so turning it into
 * stock-outs would double-count. Instead GET /api/stock-movements/work-order-draft offers it as the
 * default lines of the 领用 form, less what was already drawn against that number.
 */
export async function stockRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const material = async (auth: AuthContext, id: number) =>
    (await presentMaterials(db, [await materialInScope(db, auth, id)]))[0]!;
  const stocktake = async (auth: AuthContext, id: number) =>
    (await presentStocktakes(db, [await stocktakeInScope(db, auth, id)]))[0]!;

  app.get(
    '/api/materials',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: materialListQuery, response: { 200: materialPageSchema } },
    },
    async (request) => listMaterials(db, currentAuth(request), request.query),
  );
  app.get(
    '/api/materials/:id',
    { onRequest: guard('assets.read'), schema: { tags, params: idParam, response: { 200: materialSchema } } },
    async (request) => material(currentAuth(request), request.params.id),
  );
  app.post(
    '/api/materials',
    {
      onRequest: guard('assets.write'),
      schema: { tags, body: createMaterialBody, response: { 201: materialSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await createMaterial(services, auth, request.body);
      return reply.status(201).send(await material(auth, row.id));
    },
  );
  app.patch(
    '/api/materials/:id',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: editMaterialBody, response: { 200: materialSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const row = await editMaterial(services, auth, request.params.id, request.body);
      return material(auth, row.id);
    },
  );

  app.get(
    '/api/stock-movements',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: movementListQuery, response: { 200: movementPageSchema } },
    },
    async (request) => listMovements(db, currentAuth(request), request.query),
  );
  app.post(
    '/api/stock-movements',
    {
      onRequest: guard('assets.write'),
      schema: { tags, body: createMovementBody, response: { 201: movementSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const mv = await recordMovement(services, auth, request.body);
      const page = await listMovements(db, auth, {
        projectId: mv.projectId,
        materialId: mv.materialId,
        page: 1,
        pageSize: 1,
      });
      return reply.status(201).send(page.items[0]!);
    },
  );
  app.get(
    '/api/stock-movements/work-order-draft',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: workOrderDraftQuery, response: { 200: workOrderDraftSchema } },
    },
    async (request) => workOrderDraft(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/stocktakes',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: stocktakeListQuery, response: { 200: stocktakePageSchema } },
    },
    async (request) => listStocktakes(db, currentAuth(request), request.query),
  );
  app.get(
    '/api/stocktakes/:id',
    {
      onRequest: guard('assets.read'),
      schema: { tags, params: idParam, response: { 200: stocktakeSchema } },
    },
    async (request) => stocktake(currentAuth(request), request.params.id),
  );
  app.post(
    '/api/stocktakes',
    {
      onRequest: guard('assets.write'),
      schema: { tags, body: createStocktakeBody, response: { 201: stocktakeSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await openStocktake(services, auth, request.body);
      return reply.status(201).send(await stocktake(auth, row.id));
    },
  );
  app.put(
    '/api/stocktakes/:id/counts',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: countStocktakeBody, response: { 200: stocktakeSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await countStocktake(services, auth, request.params.id, request.body);
      return stocktake(auth, request.params.id);
    },
  );
  app.post(
    '/api/stocktakes/:id/close',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: closeStocktakeBody, response: { 200: stocktakeSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await closeStocktake(services, auth, request.params.id, request.body.version);
      return stocktake(auth, request.params.id);
    },
  );

  app.get(
    '/api/reports/materials',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: materialsReportQuery, response: { 200: materialsReportSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      assertInScope(auth, request.query.projectId, 'Project');
      return materialsReport(db, { ...request.query, companyId: auth.companyId });
    },
  );
  app.get(
    '/api/reports/materials.xlsx',
    {
      onRequest: guard('assets.read', 'export.run'),
      schema: { tags, querystring: materialsReportQuery, response: { 200: xlsxFile } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      assertInScope(auth, request.query.projectId, 'Project');
      return sendMaterialsXlsx(
        reply,
        await materialsReport(db, { ...request.query, companyId: auth.companyId }),
      );
    },
  );
}
