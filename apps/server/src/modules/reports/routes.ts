import { homeTodaySchema, slaReportSchema } from '@guanjia/shared/api';
import { z } from 'zod';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { badRequest } from '../../platform/http/errors';
import { slaContextFor } from '../sla/cached-context';
import { homeToday } from './home-today';
import { slaReport } from './sla-report';

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
/** A bare date means local midnight in Asia/Shanghai, as the console's date pickers mean it. */
const toInstant = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00+08:00` : v);

export async function reportRoutes(app: App): Promise<void> {
  const { database, clock } = app.services;
  app.get(
    '/api/reports/sla',
    {
      onRequest: guard('reports.read'),
      schema: {
        tags: ['reports'],
        querystring: z.object({ projectId: z.coerce.number().int().positive(), from: instant, to: instant }),
        response: { 200: slaReportSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      assertInScope(auth, projectId, 'Project');
      const from = toInstant(request.query.from);
      const to = toInstant(request.query.to);
      if (!(from < to)) throw badRequest('from must be before to');
      const { timezone } = await slaContextFor(database, database.db, auth.companyId, projectId);
      const groups = await slaReport(database, projectId, from, to, clock.now(), timezone);
      const sum = (f: (g: (typeof groups)[number]) => number) => groups.reduce((s, g) => s + f(g), 0);
      return {
        projectId,
        from: from.toISOString(),
        to: to.toISOString(),
        totals: {
          total: sum((g) => g.total),
          met: sum((g) => g.met),
          breached: sum((g) => g.breached),
          open: sum((g) => g.open),
          callbacksDue: sum((g) => g.callbacks.due),
          callbacksOnTime: sum((g) => g.callbacks.onTime),
        },
        groups,
      };
    },
  );

  // The role home pages' figures for today (主管/项目经理 KPIs, 班长 summary).
  app.get(
    '/api/home/today',
    {
      onRequest: guard('reports.read'),
      schema: {
        tags: ['reports'],
        querystring: z.object({ projectId: z.coerce.number().int().positive() }),
        response: { 200: homeTodaySchema },
      },
    },
    async (request) => homeToday(database.db, currentAuth(request), request.query.projectId, clock.now()),
  );
}
