import { and, asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { Db } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { offsetOf } from '../../platform/http/pagination';
import { staffVisibility } from '../staff/queries';
import type { extensionInput, extensionListQuery } from './inputs';
import { agentExtensions } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Staff the caller may see, with their PBX extension (the screen pop goes to whoever sits there). */
export async function listExtensions(db: Db, auth: AuthContext, q: z.infer<typeof extensionListQuery>) {
  const where = and(staffVisibility(auth), eq(users.active, true));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        displayName: users.displayName,
        username: users.username,
        extension: agentExtensions.extension,
      })
      .from(users)
      .leftJoin(agentExtensions, eq(agentExtensions.userId, users.id))
      .where(where)
      .orderBy(asc(users.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function setExtension(
  ctx: Ctx,
  auth: AuthContext,
  userId: number,
  input: z.infer<typeof extensionInput>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), staffVisibility(auth)));
    if (!user) throw notFound('Staff member');
    const [before] = await tx
      .select()
      .from(agentExtensions)
      .where(eq(agentExtensions.userId, userId))
      .for('update');
    if (input.extension) {
      const [taken] = await tx
        .select({ userId: agentExtensions.userId })
        .from(agentExtensions)
        .where(
          and(eq(agentExtensions.companyId, auth.companyId), eq(agentExtensions.extension, input.extension)),
        );
      if (taken && taken.userId !== userId)
        throw conflict('This extension belongs to someone else', { extension: input.extension });
    }
    await tx.delete(agentExtensions).where(eq(agentExtensions.userId, userId));
    if (input.extension)
      await tx
        .insert(agentExtensions)
        .values({ companyId: auth.companyId, extension: input.extension, userId, createdAt: now });
    await recordEvent(tx, userActor(auth), now, {
      action: 'telephony.extension_set',
      entityType: 'user',
      entityId: userId,
      before: { extension: before?.extension ?? null },
      after: { extension: input.extension },
    });
    return { id: userId, extension: input.extension };
  });
}
