import { portalKbArticlePageSchema, portalKbArticleSchema } from '@guanjia/shared/api';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { currentPortal, type PortalContext } from '../portal/context';
import { portalKbQuery } from './inputs';
import { type PortalReader, portalArticle, searchPortalArticles } from './portal-articles';
import { synonymGroupsOf } from './synonym-queries';

type Guard = (request: FastifyRequest) => Promise<void>;

/** The portal link's company and every project the resident has an archive record or a unit in. */
const readerOf = (ctx: PortalContext): PortalReader => ({
  companyId: ctx.companyId,
  projectIds: [...new Set([...ctx.residents.map((r) => r.projectId), ...ctx.units.map((u) => u.projectId)])],
});

/** 常见问题 in the resident portal: public, published articles, searched with the company's synonyms. */
export function portalKbRoutes(app: App, portalGuard: Guard) {
  const services = app.services;
  const { db } = services.database;
  const tags = ['portal'];

  app.get(
    '/api/portal/kb',
    {
      onRequest: portalGuard,
      schema: { tags, querystring: portalKbQuery, response: { 200: portalKbArticlePageSchema } },
    },
    async (request) => {
      const reader = readerOf(currentPortal(request));
      const synonyms = await synonymGroupsOf(services.database, reader.companyId);
      return searchPortalArticles(db, reader, request.query, synonyms);
    },
  );

  app.get(
    '/api/portal/kb/:id',
    {
      onRequest: portalGuard,
      schema: { tags, params: idParam, response: { 200: portalKbArticleSchema } },
    },
    async (request) => portalArticle(db, readerOf(currentPortal(request)), request.params.id),
  );
}
