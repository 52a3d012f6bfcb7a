import {
  attachResultSchema,
  attachUnitsBody,
  createFeeItemBody,
  editFeeItemBody,
  feeItemPageSchema,
  feeItemSchema,
} from '@guanjia/shared/api';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { attachUnits, detachUnits } from './attach-units';
import { feeItemListQuery, feeItemView, listFeeItems } from './fee-item-queries';
import { createFeeItem, editFeeItem } from './save-fee-item';

const tags = ['billing'];

/** 收费项目: read with billing.read, set up by billing.finance. */
export async function feeItemRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/fee-items',
    {
      onRequest: guard('billing.read'),
      schema: { tags, querystring: feeItemListQuery, response: { 200: feeItemPageSchema } },
    },
    async (request) => listFeeItems(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/fee-items/:id',
    { onRequest: guard('billing.read'), schema: { tags, params: idParam, response: { 200: feeItemSchema } } },
    async (request) => feeItemView(db, currentAuth(request), request.params.id),
  );

  app.post(
    '/api/fee-items',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, body: createFeeItemBody, response: { 201: feeItemSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await createFeeItem(services, auth, request.body);
      return reply.status(201).send(await feeItemView(db, auth, row.id));
    },
  );

  app.patch(
    '/api/fee-items/:id',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, params: idParam, body: editFeeItemBody, response: { 200: feeItemSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await editFeeItem(services, auth, request.params.id, request.body);
      return feeItemView(db, auth, request.params.id);
    },
  );

  app.post(
    '/api/fee-items/:id/units',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, params: idParam, body: attachUnitsBody, response: { 200: attachResultSchema } },
    },
    async (request) => attachUnits(services, currentAuth(request), request.params.id, request.body),
  );

  app.post(
    '/api/fee-items/:id/units/detach',
    {
      onRequest: guard('billing.finance'),
      schema: { tags, params: idParam, body: attachUnitsBody, response: { 200: attachResultSchema } },
    },
    async (request) => detachUnits(services, currentAuth(request), request.params.id, request.body),
  );
}
