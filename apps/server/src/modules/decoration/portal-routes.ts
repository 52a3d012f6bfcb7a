import { decorationBody, decorationSchema, portalDecorationsSchema } from '@guanjia/shared/api';
import { desc, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app-types';
import { AppError, notFound } from '../../platform/http/errors';
import { currentPortal } from '../portal/context';
import { applyDecoration } from './apply-decoration';
import { presentSummaries } from './decoration-queries';
import { decorations } from './schema';

const tags = ['portal'];

/** The owner applies for decoration from the portal and follows the case (W-14). */
export function portalDecorationRoutes(
  app: App,
  portalGuard: (request: FastifyRequest) => Promise<void>,
): void {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/portal/decorations',
    { onRequest: portalGuard, schema: { tags, response: { 200: portalDecorationsSchema } } },
    async (request) => {
      const unitIds = currentPortal(request).units.map((u) => u.id);
      if (!unitIds.length) return { items: [] };
      const rows = await db
        .select()
        .from(decorations)
        .where(inArray(decorations.unitId, unitIds))
        .orderBy(desc(decorations.id))
        .limit(20);
      return { items: await presentSummaries(db, rows, true) };
    },
  );
  app.post(
    '/api/portal/decorations',
    {
      onRequest: portalGuard,
      schema: {
        tags,
        body: decorationBody,
        response: { 201: decorationSchema.omit({ workers: true, inspections: true }) },
      },
    },
    async (request, reply) => {
      const p = currentPortal(request);
      const unit = p.units.find((u) => u.id === request.body.unitId);
      if (!unit) throw notFound('Unit');
      // The owner applies (a tenant needs the owner to): W-14 binds the owner by the agreement.
      if (unit.relation !== '业主')
        throw new AppError(403, 'forbidden', 'Only the owner can apply for decoration');
      const row = await db.transaction((tx) =>
        applyDecoration(
          tx,
          { userId: null, companyId: p.companyId, source: 'channel' },
          services.clock.now(),
          {
            ...request.body,
            companyId: p.companyId,
            projectId: unit.projectId,
            source: 'portal',
          },
        ),
      );
      return reply.status(201).send((await presentSummaries(db, [row], true))[0]!);
    },
  );
}
