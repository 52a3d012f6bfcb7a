import { maskPhone } from '@guanjia/shared';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { Db } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, conflict, notFound } from '../../platform/http/errors';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { projects } from '../org/schema';
import type { blockedInput, blockedListQuery } from './inputs';
import { e164Of } from './project-link';
import { blockedNumbers } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;
type Row = typeof blockedNumbers.$inferSelect;

const present = (auth: AuthContext, r: Row) => ({
  id: r.id,
  projectId: r.projectId,
  number: can(auth, 'pii.view') ? r.e164 : maskPhone(r.e164.replace(/^\+86/, '')),
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});

export async function listBlocked(db: Db, auth: AuthContext, q: z.infer<typeof blockedListQuery>) {
  const scope = q.projectId ? scopeIds(auth).filter((p) => p === q.projectId) : scopeIds(auth);
  const where = inArray(blockedNumbers.projectId, scope.length ? scope : [-1]);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(blockedNumbers)
      .where(where)
      .orderBy(desc(blockedNumbers.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(blockedNumbers).where(where),
  ]);
  return {
    items: rows.map((r) => present(auth, r)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function blockNumber(ctx: Ctx, auth: AuthContext, input: z.infer<typeof blockedInput>) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [project] = await tx
      .select({ areaCode: projects.areaCode })
      .from(projects)
      .where(eq(projects.id, input.projectId));
    const e164 = e164Of(input.number, project?.areaCode);
    if (!e164) throw badRequest('Not a phone number', { number: input.number });
    const [row] = await tx
      .insert(blockedNumbers)
      .values({
        projectId: input.projectId,
        e164,
        reason: input.reason ?? null,
        createdById: auth.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('This number is already blocked', { number: input.number });
    await recordEvent(tx, userActor(auth), now, {
      action: 'telephony.number_blocked',
      entityType: 'blocked_number',
      entityId: row.id,
      projectId: row.projectId,
      after: { reason: row.reason },
    });
    return present(auth, row);
  });
}

export async function unblockNumber(ctx: Ctx, auth: AuthContext, id: number) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(blockedNumbers).where(eq(blockedNumbers.id, id)).for('update');
    if (!row) throw notFound('Blocked number');
    assertInScope(auth, row.projectId, 'Blocked number');
    await tx.delete(blockedNumbers).where(and(eq(blockedNumbers.id, id)));
    await recordEvent(tx, userActor(auth), now, {
      action: 'telephony.number_unblocked',
      entityType: 'blocked_number',
      entityId: id,
      projectId: row.projectId,
      before: { reason: row.reason },
    });
  });
}
