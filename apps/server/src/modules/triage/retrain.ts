import { and, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { ticketCategories, tickets } from '../tickets/schema';
import { latestVersion, measure, shippedTexts, trainModel, urgentPathsOf } from './model-store';
import type { TrainingText } from './rules/classifier';
import { ticketTriage, triageModels } from './schema';

/** A company's corrected ticket weighs as much as this many shipped sentences: its own words. */
const CORRECTION_WEIGHT = 3;

/**
 * Later edits are corrections too: a ticket whose category or type now differs from what it was
 * classified with is marked corrected (once, with the time). Runs before every retrain.
 */
export async function markCorrections(db: DbOrTx, companyId: number, now: Date): Promise<number> {
  const rows = await db
    .update(ticketTriage)
    .set({ corrected: true, correctedAt: now })
    .from(tickets)
    .where(
      and(
        eq(ticketTriage.companyId, companyId),
        eq(ticketTriage.corrected, false),
        eq(tickets.id, ticketTriage.ticketId),
        or(
          sql`${tickets.categoryId} is distinct from ${ticketTriage.suggestedCategoryId}`,
          ne(tickets.type, ticketTriage.suggestedType),
        ),
      ),
    )
    .returning({ id: ticketTriage.ticketId });
  return rows.length;
}

/** The company's corrected tickets as training texts: final category (a leaf) and type, never the suggestion. */
export async function correctedTexts(db: DbOrTx, companyId: number): Promise<TrainingText[]> {
  const rows = await db
    .select({ text: tickets.description, path: ticketCategories.pathNames, type: tickets.type })
    .from(ticketTriage)
    .innerJoin(tickets, eq(tickets.id, ticketTriage.ticketId))
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .where(
      and(
        eq(ticketTriage.companyId, companyId),
        eq(ticketTriage.corrected, true),
        isNotNull(tickets.categoryId),
        eq(ticketCategories.level, 3),
      ),
    );
  return rows.map((r) => ({ ...r, weight: CORRECTION_WEIGHT }));
}

/**
 * Train a new version for the company from the shipped set plus its corrected tickets, measure it on
 * the fresh set and make it the active one. The previous versions stay for a roll-back.
 */
export async function retrainCompany(
  ctx: Pick<Services, 'database' | 'clock'>,
  companyId: number,
  actor: Actor,
): Promise<{ id: number; version: number; corrected: number }> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  await markCorrections(db, companyId, now);
  const corrections = await correctedTexts(db, companyId);
  const texts = [...shippedTexts(), ...corrections];
  const { model, trainMs } = trainModel(texts);
  const metrics = measure(model, await urgentPathsOf(db, companyId));
  return db.transaction(async (tx) => {
    // Serialise concurrent retrains of one company on its rows: the version must be the next one.
    await tx.execute(sql`select id from triage_models where company_id = ${companyId} for update`);
    const version = (await latestVersion(tx, companyId)) + 1;
    await tx
      .update(triageModels)
      .set({ active: false })
      .where(and(eq(triageModels.companyId, companyId), eq(triageModels.active, true)));
    const [row] = await tx
      .insert(triageModels)
      .values({
        companyId,
        version,
        kind: 'retrained',
        engine: model.engine,
        model,
        trainingTexts: texts.length,
        correctedTickets: corrections.length,
        metrics,
        trainMs,
        active: true,
        createdById: actor.userId,
        createdAt: now,
      })
      .returning({ id: triageModels.id });
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, actor, now, {
      action: 'triage.model_trained',
      entityType: 'triage_model',
      entityId: row.id,
      projectId: null,
      after: { version, correctedTickets: corrections.length, trainingTexts: texts.length, ...metrics },
    });
    return { id: row.id, version, corrected: corrections.length };
  });
}
