import { notificationPageSchema, notificationsMarkedSchema, okSchema } from '@guanjia/shared/api';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam, offsetOf, pageQuery } from '../../platform/http/pagination';
import { notifications } from './schema';

/** The signed-in user's own in-app notifications (SLA warnings, escalations, new assignments). */
export async function notificationRoutes(app: App): Promise<void> {
  const { database, clock } = app.services;
  const { db } = database;

  app.get(
    '/api/notifications',
    {
      onRequest: guard(),
      schema: {
        tags: ['notifications'],
        querystring: pageQuery.extend({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: notificationPageSchema },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      const where = and(
        eq(notifications.userId, auth.userId),
        q.unread === 'true' ? isNull(notifications.readAt) : undefined,
      );
      const [rows, [total], [unread]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.id))
          .limit(q.pageSize)
          .offset(offsetOf(q)),
        db.select({ n: count() }).from(notifications).where(where),
        db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, auth.userId), isNull(notifications.readAt))),
      ]);
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          level: n.level,
          title: n.title,
          body: n.body,
          projectId: n.projectId,
          ticketId: n.ticketId,
          workOrderId: n.workOrderId,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
        total: total?.n ?? 0,
        unread: unread?.n ?? 0,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    { onRequest: guard(), schema: { tags: ['notifications'], params: idParam, response: { 200: okSchema } } },
    async (request) => {
      const auth = currentAuth(request);
      const rows = await db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(
          and(
            eq(notifications.id, request.params.id),
            eq(notifications.userId, auth.userId),
            isNull(notifications.readAt),
          ),
        )
        .returning({ id: notifications.id });
      if (!rows.length) {
        const [mine] = await db
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, auth.userId)));
        if (!mine) throw notFound('Notification');
      }
      return { ok: true };
    },
  );

  app.post(
    '/api/notifications/read-all',
    { onRequest: guard(), schema: { tags: ['notifications'], response: { 200: notificationsMarkedSchema } } },
    async (request) => {
      const auth = currentAuth(request);
      const rows = await db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(and(eq(notifications.userId, auth.userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return { ok: true, marked: rows.length };
    },
  );
}
