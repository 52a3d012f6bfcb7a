import { and, count, desc, eq, gte, inArray, isNotNull, lt, type SQL } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { projects } from '../org/schema';
import { startOfLocalDay } from '../reports/rules/days';
import { appealInput, monthlyQuery, reviewListQuery, sampleInput, scoreInput } from './inputs';
import { appealReview, scoreReview } from './review-commands';
import { monthlyScores } from './rules/score';
import { sampleReviews } from './sample-reviews';
import { qaReviews } from './schema';

type Row = typeof qaReviews.$inferSelect;
const present = (r: Row | undefined) =>
  r && {
    id: r.id,
    projectId: r.projectId,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    agentId: r.agentId,
    subjectAt: r.subjectAt.toISOString(),
    status: r.status,
    deductions: r.deductions,
    total: r.total,
    comment: r.comment,
    appealReason: r.appealReason,
    scoredAt: r.scoredAt?.toISOString() ?? null,
    version: r.version,
  };

/** Agents see their own findings only; QA reviewers see everyone's in their projects. */
function visibility(auth: AuthContext, projectId?: number): SQL | undefined {
  const scope = projectId ? scopeIds(auth).filter((p) => p === projectId) : scopeIds(auth);
  return and(
    inArray(qaReviews.projectId, scope.length ? scope : [-1]),
    can(auth, 'qa.review') ? undefined : eq(qaReviews.agentId, auth.userId),
  );
}

export async function qualityRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.post(
    '/api/qa/sample',
    { onRequest: guard('qa.review'), schema: { tags: ['quality'], body: sampleInput } },
    async (request) => sampleReviews(services, currentAuth(request), request.body),
  );

  app.get(
    '/api/qa/reviews',
    { onRequest: guard('tickets.read'), schema: { tags: ['quality'], querystring: reviewListQuery } },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      const where = and(
        visibility(auth, q.projectId),
        q.status ? eq(qaReviews.status, q.status) : undefined,
        q.agentId ? eq(qaReviews.agentId, q.agentId) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(qaReviews)
          .where(where)
          .orderBy(desc(qaReviews.id))
          .limit(q.pageSize)
          .offset(offsetOf(q)),
        db.select({ n: count() }).from(qaReviews).where(where),
      ]);
      return { items: rows.map(present), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/api/qa/reviews/:id/score',
    { onRequest: guard('qa.review'), schema: { tags: ['quality'], params: idParam, body: scoreInput } },
    async (request) =>
      present(await scoreReview(services, currentAuth(request), request.params.id, request.body)),
  );

  app.post(
    '/api/qa/reviews/:id/appeal',
    { onRequest: guard('tickets.read'), schema: { tags: ['quality'], params: idParam, body: appealInput } },
    async (request) =>
      present(await appealReview(services, currentAuth(request), request.params.id, request.body)),
  );

  app.get(
    '/api/qa/monthly',
    { onRequest: guard('qa.review'), schema: { tags: ['quality'], querystring: monthlyQuery } },
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
