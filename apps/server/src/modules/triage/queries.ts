import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { ticketTriage, triageModels } from './schema';

/** Model versions (newest first) and the last 30 days of live figures, for the settings page. */
export async function triageOverview(db: DbOrTx, auth: AuthContext, now: Date) {
  const models = await db
    .select({
      id: triageModels.id,
      version: triageModels.version,
      kind: triageModels.kind,
      engine: triageModels.engine,
      trainingTexts: triageModels.trainingTexts,
      correctedTickets: triageModels.correctedTickets,
      metrics: triageModels.metrics,
      trainMs: triageModels.trainMs,
      active: triageModels.active,
      createdAt: triageModels.createdAt,
    })
    .from(triageModels)
    .where(eq(triageModels.companyId, auth.companyId))
    .orderBy(desc(triageModels.version))
    .limit(50);
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [live] = await db
    .select({
      triaged: sql<number>`count(*)::int`,
      corrected: sql<number>`count(*) filter (where ${ticketTriage.corrected})::int`,
      autoUrgent: sql<number>`count(*) filter (where ${ticketTriage.autoUrgent})::int`,
    })
    .from(ticketTriage)
    .where(and(eq(ticketTriage.companyId, auth.companyId), gte(ticketTriage.createdAt, since)));
  const triaged = live?.triaged ?? 0;
  const corrected = live?.corrected ?? 0;
  return {
    models: models.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    live: {
      triaged,
      corrected,
      autoUrgent: live?.autoUrgent ?? 0,
      acceptedRate: triaged ? Math.round(((triaged - corrected) / triaged) * 1000) / 1000 : null,
    },
  };
}

export async function ticketTriageOf(db: DbOrTx, companyId: number, ticketId: number) {
  const [row] = await db
    .select()
    .from(ticketTriage)
    .where(and(eq(ticketTriage.ticketId, ticketId), eq(ticketTriage.companyId, companyId)));
  return row ?? null;
}
