import { deliveryPageSchema } from '@guanjia/shared/api';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { residents } from '../residents/schema';
import { deliveryListQuery } from './inputs';
import { presentDelivery } from './queries';
import { DELIVERY_CHANNELS, DELIVERY_SOURCES, deliveries } from './schema';

const logQuery = deliveryListQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  sourceType: z.enum(DELIVERY_SOURCES).optional(),
  channel: z.enum(DELIVERY_CHANNELS).optional(),
  residentId: z.coerce.number().int().positive().optional(),
});

/** The console's delivery log across sources: with the `log` provider, portal login codes show here. */
export async function deliveryRoutes(app: App): Promise<void> {
  const { db } = app.services.database;
  app.get(
    '/api/deliveries',
    {
      onRequest: guard('notices.read'),
      schema: { tags: ['notices'], querystring: logQuery, response: { 200: deliveryPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
      const where = and(
        inArray(deliveries.projectId, scope.length ? scope : [-1]),
        q.sourceType ? eq(deliveries.sourceType, q.sourceType) : undefined,
        q.channel ? eq(deliveries.channel, q.channel) : undefined,
        q.status ? eq(deliveries.status, q.status) : undefined,
        q.residentId ? eq(deliveries.residentId, q.residentId) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select({ d: deliveries, name: residents.name })
          .from(deliveries)
          .leftJoin(residents, eq(residents.id, deliveries.residentId))
          .where(where)
          .orderBy(desc(deliveries.id))
          .limit(q.pageSize)
          .offset(offsetOf(q)),
        db.select({ n: count() }).from(deliveries).where(where),
      ]);
      return {
        items: rows.map((r) => presentDelivery(auth, r.d, r.name)),
        total: total?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
