import { auditPageSchema } from '@guanjia/shared/api';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { currentAuth, guard } from '../auth/guard';
import type { App } from '../http/app-types';
import { offsetOf, pageQuery } from '../http/pagination';
import { eventVisibility } from './event-visibility';
import { events } from './schema';

/** The audit log: every change, who made it and from what to what, within the caller's scope. */
export async function auditRoutes(app: App): Promise<void> {
  const { database } = app.services;
  app.get(
    '/api/events',
    {
      onRequest: guard('audit.read'),
      schema: {
        tags: ['audit'],
        querystring: pageQuery.extend({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(50).optional(),
          projectId: z.coerce.number().int().positive().optional(),
          action: z.string().max(80).optional(),
        }),
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      const filters: (SQL | undefined)[] = [
        // Scoped like the entities they describe (event-visibility.ts), not "company-level for all".
        eventVisibility(auth),
        q.entityType ? eq(events.entityType, q.entityType) : undefined,
        q.entityId ? eq(events.entityId, q.entityId) : undefined,
        q.projectId ? eq(events.projectId, q.projectId) : undefined,
        q.action ? eq(events.action, q.action) : undefined,
      ];
      const where = and(...filters);
      const [items, [total]] = await Promise.all([
        database.db
          .select()
          .from(events)
          .where(where)
          .orderBy(desc(events.id))
          .limit(q.pageSize)
          .offset(offsetOf(q)),
        database.db.select({ n: count() }).from(events).where(where),
      ]);
      return {
        items: items.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
