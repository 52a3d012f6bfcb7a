import { asc, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { Db } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import type { queueInput, queueListQuery, queuePatch } from './inputs';
import { callQueues } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;
type QueueRow = typeof callQueues.$inferSelect;

export const presentQueue = (q: QueueRow) => ({
  id: q.id,
  projectId: q.projectId,
  name: q.name,
  strategy: q.strategy,
  skills: q.skills,
  memberIds: q.memberIds,
  version: q.version,
});

export async function listQueues(db: Db, auth: AuthContext, q: z.infer<typeof queueListQuery>) {
  const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
  const where = inArray(callQueues.projectId, scope.length ? scope : [-1]);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(callQueues)
      .where(where)
      .orderBy(asc(callQueues.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(callQueues).where(where),
  ]);
  return { items: rows.map(presentQueue), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function createQueue(ctx: Ctx, auth: AuthContext, input: z.infer<typeof queueInput>) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(callQueues)
        .values({ ...input, companyId: auth.companyId, createdAt: now, updatedAt: now })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await recordEvent(tx, userActor(auth), now, {
        action: 'queue.created',
        entityType: 'call_queue',
        entityId: row.id,
        projectId: row.projectId,
        after: input,
      });
      return presentQueue(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('A queue with this name exists in the project', { name: input.name });
    throw error;
  }
}

export async function updateQueue(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  patch: z.infer<typeof queuePatch>,
) {
  const now = ctx.clock.now();
  const { version, ...fields } = patch;
  try {
    return await ctx.database.db.transaction(async (tx) => {
      const [existing] = await tx.select().from(callQueues).where(eq(callQueues.id, id)).for('update');
      if (!existing) throw notFound('Queue');
      assertInScope(auth, existing.projectId, 'Queue');
      const current = checkVersion(existing, version, 'Queue');
      const changes = definedOnly(fields);
      const [row] = await tx
        .update(callQueues)
        .set({ ...changes, updatedAt: now, version: current.version + 1 })
        .where(eq(callQueues.id, id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      const delta = diff(current, changes);
      if (delta)
        await recordEvent(tx, userActor(auth), now, {
          action: 'queue.updated',
          entityType: 'call_queue',
          entityId: id,
          projectId: row.projectId,
          ...delta,
        });
      return presentQueue(row);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('A queue with this name exists in the project', { name: patch.name });
    throw error;
  }
}
