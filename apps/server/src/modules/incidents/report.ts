import { and, avg, count, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { scopeIds } from '../org/queries';
import { incidents } from './schema';

export const incidentReportQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});

/**
 * Q60 in the reports: emergencies in the period (by creation day, Asia/Shanghai), how many reached
 * residents within the target, how many breached, and the average created → first-delivery minutes.
 */
export async function incidentReport(db: DbOrTx, auth: AuthContext, q: z.infer<typeof incidentReportQuery>) {
  if (q.projectId) assertInScope(auth, q.projectId, 'Project');
  const scope = q.projectId ? [q.projectId] : scopeIds(auth);
  const from = new Date(`${q.from}T00:00:00+08:00`);
  const to = new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000);
  const where = and(
    inArray(incidents.projectId, scope.length ? scope : [-1]),
    gte(incidents.createdAt, from),
    lt(incidents.createdAt, to),
  );
  const rows = await db
    .select({
      projectId: incidents.projectId,
      emergency: incidents.emergency,
      total: count(),
      breached: sql<number>`count(*) filter (where ${incidents.notifyBreached})`.mapWith(Number),
      notified: sql<number>`count(*) filter (where ${incidents.firstDeliveryAt} is not null)`.mapWith(Number),
      avgMinutes: avg(sql`extract(epoch from (${incidents.firstDeliveryAt} - ${incidents.createdAt})) / 60`),
    })
    .from(incidents)
    .where(where)
    .groupBy(incidents.projectId, incidents.emergency)
    .orderBy(incidents.projectId);
  const restored = await db
    .select({ n: count() })
    .from(incidents)
    .where(and(where, eq(incidents.status, '已恢复'), isNotNull(incidents.resolvedAt)));
  return {
    from: q.from,
    to: q.to,
    restored: restored[0]?.n ?? 0,
    items: rows.map((r) => ({
      projectId: r.projectId,
      emergency: r.emergency,
      total: r.total,
      notified: r.notified,
      breached: r.breached,
      metTarget: r.emergency ? r.notified - r.breached : null,
      avgFirstDeliveryMinutes: r.avgMinutes === null ? null : Math.round(Number(r.avgMinutes) * 10) / 10,
    })),
  };
}
