import { maskPhone } from '@guanjia/shared';
import { callbackQueueSchema, ticketDetailSchema } from '@guanjia/shared/api';
import { and, asc, count, eq, inArray, lt } from 'drizzle-orm';
import { can } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam, offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { units } from '../org/schema';
import { ticketDetail } from '../tickets/detail';
import { tickets } from '../tickets/schema';
import { callbackBody, callbackListQuery } from './inputs';
import { recordCallback } from './record-callback';
import { callbacks } from './schema';

export async function callbackRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.post(
    '/api/tickets/:id/callback',
    {
      onRequest: guard('callbacks.write'),
      schema: {
        tags: ['callbacks'],
        params: idParam,
        body: callbackBody,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      await recordCallback(services, auth, request.params.id, request.body);
      return ticketDetail(services.database, auth, request.params.id, services.clock.now());
    },
  );

  // The callback queue: open rounds, oldest due first.
  app.get(
    '/api/callbacks',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['callbacks'], querystring: callbackListQuery, response: { 200: callbackQueueSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const pii = can(auth, 'pii.view');
      const q = request.query;
      const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
      const where = and(
        inArray(callbacks.projectId, scope.length ? scope : [-1]),
        eq(callbacks.status, q.status),
        q.overdue === 'true' ? lt(callbacks.dueAt, services.clock.now()) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select({
            cb: callbacks,
            number: tickets.number,
            title: tickets.title,
            type: tickets.type,
            contactName: tickets.contactName,
            contactPhone: tickets.contactPhone,
            unitLabel: units.label,
            ticketVersion: tickets.version,
          })
          .from(callbacks)
          .innerJoin(tickets, eq(tickets.id, callbacks.ticketId))
          .leftJoin(units, eq(units.id, tickets.unitId))
          .where(where)
          .orderBy(asc(callbacks.dueAt))
          .limit(q.pageSize)
          .offset(offsetOf(q)),
        db.select({ n: count() }).from(callbacks).where(where),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.cb.id,
          ticketId: r.cb.ticketId,
          projectId: r.cb.projectId,
          round: r.cb.round,
          status: r.cb.status,
          dueAt: r.cb.dueAt.toISOString(),
          attempts: r.cb.attempts,
          ticketNumber: r.number,
          title: r.title,
          type: r.type,
          contactName: r.contactName,
          contactPhone: r.contactPhone ? (pii ? r.contactPhone : maskPhone(r.contactPhone)) : null,
          unitLabel: r.unitLabel,
          ticketVersion: r.ticketVersion,
        })),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
