import {
  analyticsDashboardListSchema,
  analyticsDashboardSchema,
  analyticsDrillSchema,
  bigScreenSchema,
  healthLeagueSchema,
  pdfFile,
} from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { assertCan, assertInScope, can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { badRequest, forbidden, notFound } from '../../platform/http/errors';
import { sendXlsx } from '../../platform/http/xlsx';
import { localDayOf, startOfLocalDay } from '../reports/rules/days';
import { computeDashboard, drillList } from './compute';
import { labelIn, labelLocale, localizeDashboard, localizeDrill, localizeHealth } from './localize';
import './dashboards';
import { dashboardWorkbook, drillWorkbook } from './export-xlsx';
import { healthLeague } from './health';
import { renderMonthlyReport } from './monthly-pdf';
import { allDashboards } from './registry';
import { bigScreen } from './screen';
import { dashboardFor, kpiContext, projectZone } from './window';

const tags = ['analytics'];
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
const windowQuery = z.object({
  projectId: z.coerce.number().int().positive(),
  from: instant.optional(),
  to: instant.optional(),
  format: z.enum(['xlsx']).optional(),
});
const dashboardParams = z.object({ dashboard: z.string().regex(/^[a-z_-]{1,40}$/) });
const drillParams = dashboardParams.extend({ card: z.string().regex(/^[a-z0-9_]{1,60}$/) });
/** A drill exported to Excel holds at most this many rows (the console pages through the rest). */
const DRILL_EXPORT_CAP = 50_000;

export async function analyticsRoutes(app: App): Promise<void> {
  const { database, clock } = app.services;
  const { db } = database;

  app.get(
    '/api/analytics',
    { onRequest: guard('analytics.read'), schema: { tags, response: { 200: analyticsDashboardListSchema } } },
    async (request) => {
      const auth = currentAuth(request);
      const locale = labelLocale(request.headers['accept-language']);
      return {
        items: allDashboards()
          .filter((d) => can(auth, d.permission))
          .map((d) => ({ key: d.key, title: labelIn(locale, d.title), permission: d.permission })),
      };
    },
  );

  app.get(
    '/api/analytics/health',
    {
      onRequest: guard('analytics.read'),
      schema: {
        tags,
        querystring: z.object({ from: instant.optional(), to: instant.optional() }),
        response: { 200: healthLeagueSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const league = await healthLeague(db, auth, request.query, clock.now());
      return localizeHealth(labelLocale(request.headers['accept-language']), league);
    },
  );

  app.get(
    '/api/analytics/screen',
    {
      onRequest: guard('analytics.read'),
      schema: {
        tags,
        querystring: z.object({ projectId: z.coerce.number().int().positive() }),
        response: { 200: bigScreenSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      assertCan(auth, 'tickets.read');
      assertInScope(auth, request.query.projectId, 'Project');
      const { timeZone } = await projectZone(db, request.query.projectId);
      return bigScreen(db, request.query.projectId, timeZone, clock.now());
    },
  );

  app.get(
    '/api/analytics/:dashboard',
    {
      onRequest: guard('analytics.read'),
      schema: {
        tags,
        params: dashboardParams,
        querystring: windowQuery,
        response: { 200: analyticsDashboardSchema },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const def = dashboardFor(auth, request.params.dashboard);
      const c = await kpiContext(db, auth, def, request.query, clock.now());
      const locale = labelLocale(request.headers['accept-language']);
      const result = localizeDashboard(locale, await computeDashboard(c, def));
      if (request.query.format !== 'xlsx') return result;
      if (!can(auth, 'export.run')) throw forbidden('export.run');
      return sendXlsx(reply, `${result.title}.xlsx`, await dashboardWorkbook(result, locale), {
        'x-total-count': String(result.cards.length),
      });
    },
  );

  app.get(
    '/api/analytics/:dashboard/drill/:card',
    {
      onRequest: guard('analytics.read'),
      schema: {
        tags,
        params: drillParams,
        querystring: windowQuery.extend({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: analyticsDrillSchema },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const def = dashboardFor(auth, request.params.dashboard);
      const card = def.cards.find((x) => x.key === request.params.card);
      if (!card) throw notFound('Card');
      const q = request.query;
      const c = await kpiContext(db, auth, def, q, clock.now());
      const locale = labelLocale(request.headers['accept-language']);
      if (q.format !== 'xlsx')
        return localizeDrill(locale, await drillList(c, def, card, q.page, q.pageSize));
      if (!can(auth, 'export.run')) throw forbidden('export.run');
      const list = localizeDrill(locale, await drillList(c, def, card, 1, DRILL_EXPORT_CAP));
      const title = labelIn(locale, def.title);
      return sendXlsx(reply, `${title}-${list.label}.xlsx`, await drillWorkbook(list, c.timeZone), {
        'x-total-count': String(list.total),
        'x-export-truncated': list.total > list.items.length ? '1' : '0',
      });
    },
  );

  app.get(
    '/api/reports/monthly.pdf',
    {
      onRequest: guard('analytics.read'),
      schema: {
        tags,
        querystring: z.object({
          projectId: z.coerce.number().int().positive(),
          month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
        }),
        response: { 200: pdfFile },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const { projectId, month } = request.query;
      assertInScope(auth, projectId, 'Project');
      const service = dashboardFor(auth, 'service');
      const { timeZone, name } = await projectZone(db, projectId);
      const [y, m] = month.split('-').map(Number) as [number, number];
      const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      const now = clock.now();
      if (startOfLocalDay(`${month}-01`, timeZone) > now) throw badRequest('The month has not started yet');
      const q = {
        projectId,
        from: `${month}-01`,
        to: localDayOf(new Date(startOfLocalDay(`${next}-01`, timeZone).getTime() - 1), timeZone),
      };
      const c = await kpiContext(db, auth, service, q, now);
      const people = can(auth, 'tickets.read') ? dashboardFor(auth, 'people') : null;
      const dissatisfied = (await db.execute(sql`
        select t.number, coalesce(c.name, '未分类') as category, b.score_overall as score, b.comment
          from callbacks b join tickets t on t.id = b.ticket_id left join ticket_categories c on c.id = t.category_id
         where t.project_id = ${projectId} and t.created_at >= ${c.from} and t.created_at < ${c.to}
           and b.satisfied = false order by b.completed_at limit 50`)) as unknown as {
        rows: { number: string; category: string; score: number | null; comment: string | null }[];
      };
      const pdf = await renderMonthlyReport({
        projectName: name,
        month,
        generatedAt: new Intl.DateTimeFormat('zh-CN', {
          timeZone,
          dateStyle: 'short',
          timeStyle: 'short',
          hour12: false,
        }).format(now),
        service: await computeDashboard(c, service),
        people: people ? await computeDashboard({ ...c, params: {} }, people) : null,
        dissatisfied: dissatisfied.rows.map((r) => ({
          ...r,
          score: r.score === null ? null : Number(r.score),
        })),
      });
      const filename = `${name}-${month}-月度客服统计报告.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
