import type { emergencyReviewInput, rectificationInput } from '@guanjia/shared/api';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import { AppError, badRequest, notFound } from '../../platform/http/errors';
import { publishEmergency } from './arm-timer';
import { emergencyInScope } from './load';
import type { Ctx } from './open-emergency';
import { type EmergencyRow, emergencies, emergencyRectifications } from './schema';

type Item = z.infer<typeof rectificationInput>;

async function assertOwners(tx: DbOrTx, companyId: number, items: readonly Item[]) {
  const ids = [...new Set(items.map((i) => i.ownerId))];
  if (!ids.length) return;
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.companyId, companyId)));
  const strays = ids.filter((id) => !found.some((f) => f.id === id));
  if (strays.length) throw badRequest('Unknown owner of a rectification item', { ownerId: strays });
}

async function insertItems(tx: DbOrTx, e: EmergencyRow, items: readonly Item[], now: Date) {
  if (!items.length) return [];
  return tx
    .insert(emergencyRectifications)
    .values(items.map((i) => ({ ...i, emergencyId: e.id, projectId: e.projectId, createdAt: now })))
    .returning();
}

/**
 * 复盘 (W-19): investigation (cause, course), evaluation, reward/penalty notes and the rectification
 * items. Written once the incident is under control; the per-step compliance is computed, not typed.
 */
export async function writeReview(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  input: z.infer<typeof emergencyReviewInput>,
) {
  const now = ctx.clock.now();
  const e = await ctx.database.db.transaction(async (tx) => {
    const e = await emergencyInScope(tx, auth, id, true);
    if (!['已控制', '已结束'].includes(e.status) || e.closedAt)
      throw new AppError(409, 'invalid_transition', 'Emergency: the review follows control of the incident', {
        from: e.status,
      });
    await assertOwners(tx, auth.companyId, input.rectifications);
    const review = {
      cause: input.cause,
      course: input.course,
      evaluation: input.evaluation,
      rewardsPenalties: input.rewardsPenalties,
      reviewedAt: now.toISOString(),
      reviewedById: auth.userId,
    };
    const [saved] = await tx
      .update(emergencies)
      .set({ review, updatedAt: now, version: e.version + 1 })
      .where(eq(emergencies.id, e.id))
      .returning();
    const items = await insertItems(tx, e, input.rectifications, now);
    await recordEvent(tx, userActor(auth), now, {
      action: 'emergency.reviewed',
      entityType: 'emergency',
      entityId: e.id,
      projectId: e.projectId,
      before: e.review ? { reviewedAt: e.review.reviewedAt } : undefined,
      after: { rectifications: items.length, drill: e.drill },
    });
    return saved ?? e;
  });
  await publishEmergency(ctx, e, []);
  return e;
}

export async function addRectification(ctx: Ctx, auth: AuthContext, id: number, item: Item) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const e = await emergencyInScope(tx, auth, id, true);
    await assertOwners(tx, auth.companyId, [item]);
    const [row] = await insertItems(tx, e, [item], now);
    await recordEvent(tx, userActor(auth), now, {
      action: 'emergency.rectification_added',
      entityType: 'emergency',
      entityId: e.id,
      projectId: e.projectId,
      after: { title: item.title, ownerId: item.ownerId, dueDate: item.dueDate },
    });
    return row;
  });
}

/** Tick an item done (or reopen it). */
export async function setRectificationDone(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  itemId: number,
  done: boolean,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const e = await emergencyInScope(tx, auth, id, true);
    const [item] = await tx
      .select()
      .from(emergencyRectifications)
      .where(eq(emergencyRectifications.id, itemId))
      .for('update');
    if (!item || item.emergencyId !== e.id) throw notFound('Rectification item');
    const [saved] = await tx
      .update(emergencyRectifications)
      .set({ doneAt: done ? (item.doneAt ?? now) : null })
      .where(eq(emergencyRectifications.id, itemId))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: done ? 'emergency.rectification_done' : 'emergency.rectification_reopened',
      entityType: 'emergency',
      entityId: e.id,
      projectId: e.projectId,
      after: { title: item.title },
    });
    return saved ?? item;
  });
}
