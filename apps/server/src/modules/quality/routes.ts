import {
  qaFlagPageSchema,
  qaMonthlySchema,
  qaPlanSchema,
  qaReviewPageSchema,
  qaReviewSchema,
  qaSampleResultSchema,
} from '@guanjia/shared/api';
import { and, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { projects } from '../org/schema';
import { startOfLocalDay } from '../reports/rules/days';
import {
  appealInput,
  flagListQuery,
  monthlyQuery,
  planInput,
  planQuery,
  reviewListQuery,
  sampleInput,
  scoreInput,
} from './inputs';
import { readPlan, savePlan } from './plan';
import { appealReview, scoreReview } from './review-commands';
import { listFlags, listReviews, presentReview } from './review-queries';
import { monthlyScores } from './rules/score';
import { sampleReviews } from './sample-reviews';
import { qaReviews } from './schema';

export async function qualityRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.post(
    '/api/qa/sample',
    {
      onRequest: guard('qa.review'),
      schema: { tags: ['quality'], body: sampleInput, response: { 200: qaSampleResultSchema } },
    },
    async (request) => sampleReviews(services, currentAuth(request), request.body),
  );

  app.get(
    '/api/qa/reviews',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['quality'], querystring: reviewListQuery, response: { 200: qaReviewPageSchema } },
    },
    async (request) => listReviews(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/qa/flags',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['quality'], querystring: flagListQuery, response: { 200: qaFlagPageSchema } },
    },
    async (request) => listFlags(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/qa/plan',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['quality'], querystring: planQuery, response: { 200: qaPlanSchema } },
    },
    async (request) => readPlan(db, currentAuth(request), request.query.projectId),
  );

  app.put(
    '/api/qa/plan',
    {
      onRequest: guard('qa.review'),
      schema: { tags: ['quality'], body: planInput, response: { 200: qaPlanSchema } },
    },
    async (request) => savePlan(services, currentAuth(request), request.body),
  );

  app.post(
    '/api/qa/reviews/:id/score',
    {
      onRequest: guard('qa.review'),
      schema: { tags: ['quality'], params: idParam, body: scoreInput, response: { 200: qaReviewSchema } },
    },
    async (request) =>
      presentReview(await scoreReview(services, currentAuth(request), request.params.id, request.body)),
  );

  app.post(
    '/api/qa/reviews/:id/appeal',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['quality'], params: idParam, body: appealInput, response: { 200: qaReviewSchema } },
    },
    async (request) =>
      presentReview(await appealReview(services, currentAuth(request), request.params.id, request.body)),
  );

  app.get(
    '/api/qa/monthly',
    {
      onRequest: guard('qa.review'),
      schema: { tags: ['quality'], querystring: monthlyQuery, response: { 200: qaMonthlySchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId, month } = request.query;
      assertInScope(auth, projectId, 'Project');
      const [project] = await db
        .select({ tz: projects.timezone })
        .from(projects)
        .where(eq(projects.id, projectId));
      const tz = project?.tz ?? 'Asia/Shanghai';
      const [y, m] = month.split('-').map(Number) as [number, number];
      const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      const rows = await db
        .select({ agentId: qaReviews.agentId, total: qaReviews.total })
        .from(qaReviews)
        .where(
          and(
            eq(qaReviews.projectId, projectId),
            isNotNull(qaReviews.total),
            inArray(qaReviews.status, ['已评分', '已复核']),
            gte(qaReviews.subjectAt, startOfLocalDay(`${month}-01`, tz)),
            lt(qaReviews.subjectAt, startOfLocalDay(`${next}-01`, tz)),
          ),
        );
      return {
        projectId,
        month,
        agents: monthlyScores(rows.map((r) => ({ agentId: r.agentId, total: r.total ?? 0 }))),
      };
    },
  );
}
