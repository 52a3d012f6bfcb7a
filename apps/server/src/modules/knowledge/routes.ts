import {
  kbArticlePageSchema,
  kbArticleSchema,
  kbArticleVersionPageSchema,
  kbCategoriesSchema,
  kbSuggestionsSchema,
} from '@guanjia/shared/api';
import { asc, eq } from 'drizzle-orm';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { createArticle, updateArticle, useArticle } from './article-commands';
import { listCategories } from './categories';
import {
  articleInput,
  articleListQuery,
  articlePatch,
  articleStatusInput,
  categoryQuery,
  fromTicketInput,
  suggestQuery,
  voteInput,
} from './inputs';
import { publishTicketAnswer } from './publish-answer';
import { setArticleStatus } from './publish-article';
import { articleDetail, listArticles, presentArticle, suggestArticles } from './queries';
import { kbArticleVersions } from './schema';
import { synonymGroupsOf } from './synonym-queries';
import { voteArticle } from './vote-article';

export async function knowledgeRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/kb/articles',
    {
      onRequest: guard('kb.read'),
      schema: { tags: ['knowledge'], querystring: articleListQuery, response: { 200: kbArticlePageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      return listArticles(db, auth, request.query, await synonymGroupsOf(services.database, auth.companyId));
    },
  );

  app.get(
    '/api/kb/categories',
    {
      onRequest: guard('kb.read'),
      schema: { tags: ['knowledge'], querystring: categoryQuery, response: { 200: kbCategoriesSchema } },
    },
    async (request) => listCategories(db, currentAuth(request), request.query.projectId),
  );

  for (const [action, status] of [
    ['publish', 'published'],
    ['unpublish', 'draft'],
  ] as const)
    app.post(
      `/api/kb/articles/:id/${action}`,
      {
        onRequest: guard('kb.write'),
        schema: {
          tags: ['knowledge'],
          params: idParam,
          body: articleStatusInput,
          response: { 200: kbArticleSchema },
        },
      },
      async (request) =>
        setArticleStatus(services, currentAuth(request), {
          id: request.params.id,
          status,
          version: request.body.version,
        }),
    );

  app.get(
    '/api/kb/suggest',
    {
      onRequest: guard('kb.read'),
      schema: { tags: ['knowledge'], querystring: suggestQuery, response: { 200: kbSuggestionsSchema } },
    },
    async (request) => suggestArticles(db, currentAuth(request), request.query.text, request.query.projectId),
  );

  app.get(
    '/api/kb/articles/:id',
    {
      onRequest: guard('kb.read'),
      schema: { tags: ['knowledge'], params: idParam, response: { 200: kbArticleSchema } },
    },
    async (request) => presentArticle(await articleDetail(db, currentAuth(request), request.params.id)),
  );

  app.get(
    '/api/kb/articles/:id/versions',
    {
      onRequest: guard('kb.read'),
      schema: { tags: ['knowledge'], params: idParam, response: { 200: kbArticleVersionPageSchema } },
    },
    async (request) => {
      const article = await articleDetail(db, currentAuth(request), request.params.id);
      const rows = await db
        .select()
        .from(kbArticleVersions)
        .where(eq(kbArticleVersions.articleId, article.id))
        .orderBy(asc(kbArticleVersions.version));
      return {
        items: rows.map((v) => ({ ...v, editedAt: v.editedAt.toISOString() })),
        total: rows.length,
        page: 1,
        pageSize: rows.length,
      };
    },
  );

  app.post(
    '/api/kb/articles',
    {
      onRequest: guard('kb.write'),
      schema: { tags: ['knowledge'], body: articleInput, response: { 201: kbArticleSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await createArticle(services, currentAuth(request), request.body)),
  );

  app.post(
    '/api/kb/articles/from-ticket',
    {
      onRequest: guard('kb.write', 'tickets.read'),
      schema: { tags: ['knowledge'], body: fromTicketInput, response: { 201: kbArticleSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await publishTicketAnswer(services, currentAuth(request), request.body)),
  );

  app.patch(
    '/api/kb/articles/:id',
    {
      onRequest: guard('kb.write'),
      schema: {
        tags: ['knowledge'],
        params: idParam,
        body: articlePatch,
        response: { 200: kbArticleSchema },
      },
    },
    async (request) => updateArticle(services, currentAuth(request), request.params.id, request.body),
  );

  app.post(
    '/api/kb/articles/:id/vote',
    {
      onRequest: guard('kb.read'),
      schema: { tags: ['knowledge'], params: idParam, body: voteInput, response: { 200: kbArticleSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const article = await articleDetail(db, auth, request.params.id);
      await voteArticle(services, auth, article, request.body.helpful);
      return presentArticle(await articleDetail(db, auth, article.id));
    },
  );

  app.post(
    '/api/kb/articles/:id/use',
    {
      onRequest: guard('kb.read'),
      schema: { tags: ['knowledge'], params: idParam, response: { 200: kbArticleSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const article = await articleDetail(db, auth, request.params.id);
      await useArticle(services, auth, article);
      return presentArticle(await articleDetail(db, auth, article.id));
    },
  );
}
