import type { logAttemptBody } from '@guanjia/shared/api';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { units } from '../org/schema';
import { residentUnits } from '../residents/schema';
import { localDay, projectOf } from './collection-context';
import { collectionAttempts } from './collection-schema';
import { bills } from './schema';
import { unitArrearsSummary } from './unit-arrears';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Everything a unit has paid on its bills: a promise is kept when this grows by the promised amount. */
export async function unitPaid(db: DbOrTx, unitId: number): Promise<number> {
  const [row] = await db
    .select({ paid: sql<string>`coalesce(sum(${bills.paidAmount}), 0)` })
    .from(bills)
    .where(eq(bills.unitId, unitId));
  return Number(row?.paid ?? 0);
}

export async function unitInScope(db: DbOrTx, auth: AuthContext, unitId: number) {
  const [unit] = await db
    .select({ id: units.id, projectId: units.projectId, buildingId: units.buildingId, label: units.label })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw notFound('Unit');
  assertInScope(auth, unit.projectId, 'Unit');
  return unit;
}

/**
 * An agent logs the result of a 催缴 call they made (or a visit): 已接通 / 未接 / 承诺付款 / 拒付 /
 * 号码错误. A promise (date, amount) holds the campaign until its date; a newer one replaces it.
 */
export async function logAttempt(ctx: Ctx, auth: AuthContext, body: z.infer<typeof logAttemptBody>) {
  const { db } = ctx.database;
  const unit = await unitInScope(db, auth, body.unitId);
  const project = await projectOf(db, unit.projectId);
  const now = ctx.clock.now();
  const today = localDay(now, project?.timezone ?? 'Asia/Shanghai');
  if (body.promisedDate && body.promisedDate < today)
    throw badRequest('The promised date must not be in the past', { field: 'promisedDate' });
  return db.transaction(async (tx) => {
    if (body.residentId) {
      const [link] = await tx
        .select({ id: residentUnits.residentId })
        .from(residentUnits)
        .where(and(eq(residentUnits.unitId, unit.id), eq(residentUnits.residentId, body.residentId)));
      if (!link) throw badRequest('The resident does not live in this unit', { field: 'residentId' });
    }
    const summary = await unitArrearsSummary(tx, unit.id, today);
    const promised = body.outcome === 'promised';
    if (promised)
      await tx
        .update(collectionAttempts)
        .set({ promiseState: null, updatedAt: now })
        .where(and(eq(collectionAttempts.unitId, unit.id), eq(collectionAttempts.promiseState, 'open')));
    const oldest = summary.bills.find((b) => b.daysOverdue >= 1 && !b.disputed);
    const [row] = await tx
      .insert(collectionAttempts)
      .values({
        companyId: auth.companyId,
        projectId: unit.projectId,
        buildingId: unit.buildingId,
        unitId: unit.id,
        residentId: body.residentId ?? null,
        channel: body.channel,
        status: 'done',
        outcome: body.outcome,
        scheduledAt: now,
        attemptedAt: now,
        episode: oldest?.dueDate ?? null,
        owedAmount: summary.owed,
        daysOverdue: summary.daysOverdue,
        promisedDate: promised ? (body.promisedDate ?? null) : null,
        promisedAmount: promised ? (body.promisedAmount ?? summary.owed) : null,
        promiseState: promised ? 'open' : null,
        paidAtPromise: promised ? await unitPaid(tx, unit.id) : null,
        byId: auth.userId,
        note: body.note,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'collection_attempt.logged',
      entityType: 'unit',
      entityId: unit.id,
      projectId: unit.projectId,
      after: {
        attemptId: row.id,
        channel: row.channel,
        outcome: row.outcome,
        promisedDate: row.promisedDate,
        promisedAmount: row.promisedAmount,
      },
    });
    return row;
  });
}
