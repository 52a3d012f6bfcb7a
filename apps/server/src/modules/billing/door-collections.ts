import type { assignDoorBody, createDoorBody, doneDoorBody } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { assertStaffOfProject } from '../complaints/department-queries';
import { notify } from '../notifications/notify';
import { publishAll } from '../tickets/ticket-write';
import { type CollectionTaskRow, collectionTasks } from './collection-schema';
import { DOOR_COLLECTION_LEAD_HOURS } from './collection-settings';
import { unitInScope } from './log-attempt';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

export async function taskInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db.select().from(collectionTasks).where(eq(collectionTasks.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Collection task');
  assertInScope(auth, row.projectId, 'Collection task');
  return row;
}

async function tellAssignee(
  w: { tx: DbOrTx; now: Date; outbox: BusMessage[] },
  t: CollectionTaskRow,
  unitLabel: string,
) {
  if (!t.assigneeId) return;
  await notify(w, [
    {
      companyId: t.companyId,
      userId: t.assigneeId,
      projectId: t.projectId,
      kind: 'collection.door',
      title: `【上门收费】${unitLabel}`,
      body: `${t.contactName} ${t.note}`.trim().slice(0, 300),
      dedupeKey: `door:${t.id}:${t.assigneeId}`,
    },
  ]);
}

/**
 * 上门收费 (W-24): the resident asked for a visit; the time is agreed at least a day ahead (Q08) and the
 * visit is a task for whoever goes (told in the console's bell).
 */
export async function createDoorCollection(
  ctx: Ctx,
  auth: AuthContext,
  body: z.infer<typeof createDoorBody>,
) {
  const { db } = ctx.database;
  const unit = await unitInScope(db, auth, body.unitId);
  const now = ctx.clock.now();
  const agreedAt = new Date(body.agreedAt);
  const lead = await getSetting(db, DOOR_COLLECTION_LEAD_HOURS, {
    companyId: auth.companyId,
    projectId: unit.projectId,
  });
  if (agreedAt.getTime() < now.getTime() + lead * 3_600_000)
    throw badRequest('A door-to-door collection must be agreed at least a day ahead (Q08)', {
      field: 'agreedAt',
      leadHours: lead,
    });
  const outbox: BusMessage[] = [];
  const row = await db.transaction(async (tx) => {
    if (body.assigneeId)
      await assertStaffOfProject(tx, auth.companyId, unit.projectId, [body.assigneeId], 'assigneeId');
    const [t] = await tx
      .insert(collectionTasks)
      .values({
        companyId: auth.companyId,
        projectId: unit.projectId,
        unitId: unit.id,
        kind: 'door',
        status: body.assigneeId ? 'assigned' : 'open',
        assigneeId: body.assigneeId ?? null,
        agreedAt,
        contactName: body.contactName,
        contactPhone: body.contactPhone,
        note: body.note,
        createdById: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!t) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'door_collection.created',
      entityType: 'collection_task',
      entityId: t.id,
      projectId: t.projectId,
      after: { unitId: t.unitId, agreedAt: agreedAt.toISOString(), assigneeId: t.assigneeId },
    });
    await tellAssignee({ tx, now, outbox }, t, unit.label);
    return t;
  });
  await publishAll(ctx, outbox);
  return row;
}

export async function assignDoorCollection(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof assignDoorBody>,
) {
  const now = ctx.clock.now();
  const outbox: BusMessage[] = [];
  const row = await ctx.database.db.transaction(async (tx) => {
    const t = checkVersion(await taskInScope(tx, auth, id, true), body.version, 'Collection task');
    if (t.status === 'done' || t.status === 'cancelled')
      throw badRequest('The task is already finished', { status: t.status });
    await assertStaffOfProject(tx, auth.companyId, t.projectId, [body.assigneeId], 'assigneeId');
    const [next] = await tx
      .update(collectionTasks)
      .set({ assigneeId: body.assigneeId, status: 'assigned', updatedAt: now, version: t.version + 1 })
      .where(eq(collectionTasks.id, t.id))
      .returning();
    if (!next) throw new Error('task vanished inside its transaction');
    await recordEvent(tx, userActor(auth), now, {
      action: 'collection_task.assigned',
      entityType: 'collection_task',
      entityId: t.id,
      projectId: t.projectId,
      before: { assigneeId: t.assigneeId },
      after: { assigneeId: body.assigneeId },
    });
    const unit = await unitInScope(tx, auth, t.unitId);
    await tellAssignee({ tx, now, outbox }, next, unit.label);
    return next;
  });
  await publishAll(ctx, outbox);
  return row;
}

/** Done (with what happened: collected, not at home …) or cancelled. */
export async function finishCollectionTask(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof doneDoorBody>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const t = checkVersion(await taskInScope(tx, auth, id, true), body.version, 'Collection task');
    if (t.status === 'done' || t.status === 'cancelled')
      throw badRequest('The task is already finished', { status: t.status });
    const status = body.cancelled ? 'cancelled' : 'done';
    const [next] = await tx
      .update(collectionTasks)
      .set({ status, result: body.result, doneAt: now, updatedAt: now, version: t.version + 1 })
      .where(eq(collectionTasks.id, t.id))
      .returning();
    if (!next) throw new Error('task vanished inside its transaction');
    await recordEvent(tx, userActor(auth), now, {
      action: `collection_task.${status}`,
      entityType: 'collection_task',
      entityId: t.id,
      projectId: t.projectId,
      before: { status: t.status },
      after: { status, result: body.result },
    });
    return next;
  });
}
