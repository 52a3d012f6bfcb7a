import { portalCollectionMessagesSchema } from '@guanjia/shared/api';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app-types';
import { currentPortal } from '../portal/context';
import { collectionAttempts } from './collection-schema';

/** The 催缴 reminders a resident received (SMS, spoken calls, notices), for the units bound to the phone. */
export function portalCollectionRoutes(
  app: App,
  portalGuard: (request: FastifyRequest) => Promise<void>,
): void {
  const { db } = app.services.database;
  app.get(
    '/api/portal/collection-messages',
    {
      onRequest: portalGuard,
      schema: { tags: ['portal'], response: { 200: portalCollectionMessagesSchema } },
    },
    async (request) => {
      const portal = currentPortal(request);
      const unitIds = [...new Set(portal.units.map((u) => u.id))];
      if (!unitIds.length) return { items: [] };
      const rows = await db
        .select()
        .from(collectionAttempts)
        .where(
          and(
            inArray(collectionAttempts.unitId, unitIds),
            eq(collectionAttempts.status, 'done'),
            inArray(collectionAttempts.channel, ['sms', 'call', 'letter']),
            inArray(collectionAttempts.outcome, ['sent']),
          ),
        )
        .orderBy(desc(collectionAttempts.attemptedAt))
        .limit(50);
      const label = new Map(portal.units.map((u) => [u.id, u.label]));
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: (r.attemptedAt ?? r.scheduledAt).toISOString(),
          unitLabel: label.get(r.unitId) ?? '',
          channel: r.channel,
          message: r.message,
          owedAmount: r.owedAmount,
        })),
      };
    },
  );
}
