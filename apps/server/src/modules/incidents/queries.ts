import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import type { incidentListQuery } from './inputs';
import { type IncidentRow, incidents, incidentTickets } from './schema';

/** Q60 state: met / breached once something went out; pending or overdue while nothing has. */
export function notifyState(i: IncidentRow, now: Date): 'met' | 'breached' | 'pending' | 'overdue' | null {
  if (i.notifyTargetMinutes === null) return null;
  if (i.firstDeliveryAt) return i.notifyBreached ? 'breached' : 'met';
  if (i.notifyBreached) return 'overdue';
  const due = i.createdAt.getTime() + i.notifyTargetMinutes * 60_000;
  return now.getTime() > due ? 'overdue' : 'pending';
}

export function presentIncident(i: IncidentRow, now: Date, linkedTickets?: number) {
  const firstDeliveryMinutes = i.firstDeliveryAt
    ? Math.round(((i.firstDeliveryAt.getTime() - i.createdAt.getTime()) / 60_000) * 10) / 10
    : null;
  return {
    id: i.id,
    projectId: i.projectId,
    kind: i.kind,
    emergency: i.emergency,
    planned: i.planned,
    title: i.title,
    reason: i.reason,
    buildingIds: i.buildingIds,
    unitIds: i.unitIds,
    categoryIds: i.categoryIds,
    startsAt: i.startsAt.toISOString(),
    expectedEndAt: i.expectedEndAt?.toISOString() ?? null,
    residentText: i.residentText,
    agentScript: i.agentScript,
    status: i.status,
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
    cancelledAt: i.cancelledAt?.toISOString() ?? null,
    announcedAt: i.announcedAt?.toISOString() ?? null,
    resolutionNote: i.resolutionNote,
    notifyTargetMinutes: i.notifyTargetMinutes,
    recipientCount: i.recipientCount,
    firstDeliveryAt: i.firstDeliveryAt?.toISOString() ?? null,
    firstDeliveryMinutes,
    notifyBreached: i.notifyBreached || notifyState(i, now) === 'overdue',
    notifyState: notifyState(i, now),
    linkedTickets: linkedTickets ?? null,
    createdById: i.createdById,
    createdAt: i.createdAt.toISOString(),
    version: i.version,
  };
}

/** The incident if the caller may see it; 404 otherwise (existence is not disclosed). */
export async function incidentInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), inArray(incidents.projectId, scopeIds(auth))));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Incident');
  return row;
}

export async function linkedCount(db: DbOrTx, incidentId: number): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(incidentTickets)
    .where(eq(incidentTickets.incidentId, incidentId));
  return r?.n ?? 0;
}

export async function listIncidents(db: DbOrTx, auth: AuthContext, q: z.infer<typeof incidentListQuery>) {
  const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
  const where = and(
    inArray(incidents.projectId, scope.length ? scope : [-1]),
    q.status ? eq(incidents.status, q.status) : undefined,
    q.kind ? eq(incidents.kind, q.kind) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(incidents)
      .where(where)
      .orderBy(desc(incidents.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(incidents).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
