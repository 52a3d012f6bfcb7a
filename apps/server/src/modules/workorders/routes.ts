import { WORK_ORDER_STATUSES } from '@guanjia/shared';
import { candidatesSchema, workOrderPageSchema, workOrderViewSchema } from '@guanjia/shared/api';
import { and, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type AuthContext, can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import { users } from '../../platform/auth/schema';
import type { App } from '../../platform/http/app-types';
import { idParam, offsetOf, pageQuery } from '../../platform/http/pagination';
import { technicianCandidates } from '../dispatch/candidates';
import { scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { loadSlaSettings } from '../sla/settings';
import { presentWorkOrder } from '../tickets/detail';
import { guardAny } from '../tickets/guard-any';
import { rankCandidates } from '../tickets/rules/dispatch-choice';
import { tickets } from '../tickets/schema';
import { workOrderActionRoutes } from './action-routes';
import { workOrders } from './schema';
import { loadVisible, presentWorkOrderView } from './work-order-view';

const listQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z
    .string()
    .transform((v) => v.split(','))
    .pipe(z.array(z.enum(WORK_ORDER_STATUSES)).min(1))
    .optional(),
  technicianId: z.coerce.number().int().positive().optional(),
  /** mine = held by me; pool = offered for grabbing. */
  view: z.enum(['mine', 'pool', 'all']).default('all'),
});

/**
 * Desk staff (tickets.read) see every order in scope; a technician (workorders.execute only) sees his
 * own orders and the grab pool of his projects — not other people's jobs.
 */
function visibility(auth: AuthContext, view: 'mine' | 'pool' | 'all'): SQL | undefined {
  const mine = eq(workOrders.technicianId, auth.userId);
  const pool = and(eq(workOrders.status, '待派单'), eq(workOrders.dispatchMode, 'grab'));
  if (view === 'mine') return mine;
  if (view === 'pool') return pool;
  return can(auth, 'tickets.read') ? undefined : or(mine, pool);
}

export async function workOrderRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  const workOrderView = (auth: AuthContext, id: number) => presentWorkOrderView(services, auth, id);

  app.get(
    '/api/work-orders',
    {
      onRequest: guardAny('tickets.read', 'workorders.execute'),
      schema: { tags: ['work-orders'], querystring: listQuery, response: { 200: workOrderPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
      const where = and(
        inArray(workOrders.projectId, scope.length ? scope : [-1]),
        visibility(auth, q.view),
        q.status ? inArray(workOrders.status, q.status) : undefined,
        q.technicianId ? eq(workOrders.technicianId, q.technicianId) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select({
            wo: workOrders,
            ticketNumber: tickets.number,
            title: tickets.title,
            unitLabel: units.label,
          })
          .from(workOrders)
          .innerJoin(tickets, eq(tickets.id, workOrders.ticketId))
          .leftJoin(units, eq(units.id, tickets.unitId))
          .where(where)
          .orderBy(desc(workOrders.id))
          .limit(q.pageSize)
          .offset(offsetOf(q)),
        db.select({ n: count() }).from(workOrders).where(where),
      ]);
      const techIds = [...new Set(rows.map((r) => r.wo.technicianId).filter((x): x is number => x !== null))];
      const names = techIds.length
        ? await db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(inArray(users.id, techIds))
        : [];
      const nameMap = new Map(names.map((n) => [n.id, n.name]));
      const now = services.clock.now();
      return {
        items: rows.map((r) => ({
          ...presentWorkOrder(r.wo, [], nameMap, now, auth.permissions),
          ticketNumber: r.ticketNumber,
          title: r.title,
          unitLabel: r.unitLabel,
        })),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/work-orders/:id',
    {
      onRequest: guardAny('tickets.read', 'workorders.execute'),
      schema: { tags: ['work-orders'], params: idParam, response: { 200: workOrderViewSchema } },
    },
    async (request) => workOrderView(currentAuth(request), request.params.id),
  );

  app.get(
    '/api/work-orders/:id/candidates',
    {
      onRequest: guard('tickets.dispatch'),
      schema: { tags: ['work-orders'], params: idParam, response: { 200: candidatesSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const wo = await loadVisible(db, auth, request.params.id);
      const settings = await loadSlaSettings(db, wo.companyId, wo.projectId);
      const people = await technicianCandidates(db, wo.companyId, wo.projectId, settings.dispatchOpenCap);
      const ranked = rankCandidates(people, wo.skill);
      return {
        skill: wo.skill,
        items: ranked.map((r) => {
          const person = people.find((p) => p.id === r.candidate.id)!;
          return {
            id: person.id,
            displayName: person.displayName,
            skills: person.skills,
            onDuty: person.onDuty,
            openCount: person.openCount,
            cap: person.cap,
            eligible: r.eligible,
            reasons: r.reasons,
          };
        }),
      };
    },
  );

  await workOrderActionRoutes(app, (auth, id) => workOrderView(auth, id));
}
