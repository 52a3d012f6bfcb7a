import { uploadUrl } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, can } from '../../platform/auth/context';
import type { BusMessage } from '../../platform/bus/bus';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { rectificationInScope } from './load';
import { departmentLeader, notifyAbout } from './recipients';
import { type RectificationRow, rectificationRounds, rectifications } from './schema';
import { RECHECK_DAYS } from './settings';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;
const DAY = 86_400_000;

const notAllowed = (message: string) => new AppError(403, 'forbidden', message);

async function publish(ctx: Ctx, row: RectificationRow, outbox: BusMessage[]) {
  for (const m of outbox) await ctx.bus.publish(m);
  await ctx.bus.publish({
    type: 'rectification.changed',
    companyId: row.companyId,
    projectId: row.projectId,
    entityType: 'rectification',
    entityId: row.id,
    data: { state: row.state },
  });
}

/**
 * The owner submits the fix (note and photos): the item waits for the checker's re-check. The owner, the
 * department's head or, for an item given to a department without a person, any staff who handles
 * rectifications in the project may submit.
 */
export async function submitRectification(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  input: { note: string; photoIds: number[] },
): Promise<RectificationRow> {
  const now = ctx.clock.now();
  const outbox: BusMessage[] = [];
  const row = await ctx.database.db.transaction(async (tx) => {
    const r = await rectificationInScope(tx, auth, id, true);
    if (r.state !== 'open')
      throw badRequest('Only an open rectification item can be submitted', { state: r.state });
    const leader = await departmentLeader(tx, r.departmentId);
    const mayAct =
      r.ownerId === auth.userId ||
      leader === auth.userId ||
      (!r.ownerId && can(auth, 'rectifications.handle'));
    if (!mayAct) throw notAllowed('Only the owner or the department head submits this fix');
    if (!input.photoIds.length && !input.note.trim())
      throw badRequest('Describe the fix or add a photo', { photoIds: 'required without a note' });
    await attachUploads(tx, staffReader(auth), r.projectId, input.photoIds.map(uploadUrl));
    const [u] = await tx
      .update(rectifications)
      .set({ state: 'submitted', submittedAt: now, updatedAt: now, version: r.version + 1 })
      .where(eq(rectifications.id, r.id))
      .returning();
    if (!u) throw new Error('update returned nothing');
    await tx.insert(rectificationRounds).values({
      rectificationId: r.id,
      round: r.round,
      kind: 'submit',
      note: input.note,
      photoIds: input.photoIds,
      byId: auth.userId,
      createdAt: now,
    });
    await recordEvent(tx, userActor(auth), now, {
      action: 'rectification.submitted',
      entityType: 'rectification',
      entityId: r.id,
      projectId: r.projectId,
      before: { state: r.state },
      after: { state: 'submitted', round: r.round, photos: input.photoIds.length },
    });
    await notifyAbout(
      { tx, now, outbox },
      u,
      [u.checkerId],
      'rectification.submitted',
      `整改待复查:${u.title}`,
      input.note || u.title,
    );
    return u;
  });
  await publish(ctx, row, outbox);
  return row;
}

/**
 * The checker re-checks a submitted fix: pass closes the item; fail sends it back to the owner with a
 * new deadline (the checker's, or the re-check period) as the next round, whose escalation is armed again.
 */
export async function recheckRectification(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  input: { pass: boolean; note: string; deadline?: string; version?: number },
): Promise<RectificationRow> {
  const now = ctx.clock.now();
  const outbox: BusMessage[] = [];
  const row = await ctx.database.db.transaction(async (tx) => {
    const r = await rectificationInScope(tx, auth, id, true);
    if (input.version !== undefined) checkVersion(r, input.version, 'Rectification');
    if (r.state !== 'submitted')
      throw badRequest('Only a submitted fix can be re-checked', { state: r.state });
    if (r.checkerId !== auth.userId && !can(auth, 'quality.manage'))
      throw notAllowed('Only the checker re-checks this fix');
    let deadline: Date | null = null;
    if (!input.pass) {
      deadline = input.deadline
        ? new Date(input.deadline)
        : new Date(
            now.getTime() +
              (await getSetting(tx, RECHECK_DAYS, { companyId: r.companyId, projectId: r.projectId })) * DAY,
          );
      if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= now.getTime())
        throw badRequest('The new deadline must be in the future', { deadline: input.deadline });
    }
    const [u] = await tx
      .update(rectifications)
      .set(
        input.pass
          ? { state: 'closed', closedAt: now, updatedAt: now, version: r.version + 1 }
          : {
              state: 'open',
              round: r.round + 1,
              deadline: deadline!,
              submittedAt: null,
              escalatedAt: null,
              updatedAt: now,
              version: r.version + 1,
            },
      )
      .where(eq(rectifications.id, r.id))
      .returning();
    if (!u) throw new Error('update returned nothing');
    await tx.insert(rectificationRounds).values({
      rectificationId: r.id,
      round: r.round,
      kind: input.pass ? 'pass' : 'fail',
      note: input.note,
      byId: auth.userId,
      newDeadline: deadline,
      createdAt: now,
    });
    await recordEvent(tx, userActor(auth), now, {
      action: input.pass ? 'rectification.passed' : 'rectification.failed',
      entityType: 'rectification',
      entityId: r.id,
      projectId: r.projectId,
      before: { state: r.state, round: r.round },
      after: { state: u.state, round: u.round, deadline: u.deadline.toISOString(), note: input.note },
    });
    if (!input.pass) {
      const leader = await departmentLeader(tx, u.departmentId);
      await notifyAbout(
        { tx, now, outbox },
        u,
        [u.ownerId, leader],
        'rectification.rejected',
        `整改复查未通过:${u.title}`,
        input.note || u.title,
      );
    }
    return u;
  });
  await publish(ctx, row, outbox);
  return row;
}
