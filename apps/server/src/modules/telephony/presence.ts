import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import type { presenceInput } from './inputs';
import { agentPresence } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

/** The agent's own switch: 在线 / 小休 (with reason) / 离线. 通话中 is set by the PBX's events only. */
export async function setPresence(ctx: Ctx, auth: AuthContext, input: z.infer<typeof presenceInput>) {
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(agentPresence)
      .where(eq(agentPresence.userId, auth.userId))
      .for('update');
    const values = {
      state: input.state,
      reason: input.state === '小休' ? (input.reason ?? null) : null,
      since: now,
      // Coming back to 在线 starts the idle clock that longest-idle routing reads.
      idleSince: input.state === '在线' ? (before?.state === '在线' ? before.idleSince : now) : null,
    };
    const [saved] = await tx
      .insert(agentPresence)
      .values({ userId: auth.userId, companyId: auth.companyId, ...values })
      .onConflictDoUpdate({
        target: agentPresence.userId,
        set: { ...values, version: sql`${agentPresence.version} + 1` },
      })
      .returning();
    if (!saved) throw new Error('upsert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'agent.presence',
      entityType: 'user',
      entityId: auth.userId,
      before: before ? { state: before.state, reason: before.reason } : null,
      after: { state: saved.state, reason: saved.reason },
    });
    return saved;
  });
  await ctx.bus.publish({
    type: 'agent.presence',
    companyId: auth.companyId,
    entityType: 'user',
    entityId: auth.userId,
    data: { state: row.state },
  });
  return presentPresence(row);
}

export const presentPresence = (row: typeof agentPresence.$inferSelect) => ({
  userId: row.userId,
  state: row.state,
  reason: row.reason,
  since: row.since.toISOString(),
  currentCallId: row.currentCallId,
  version: row.version,
});

/** answer → 通话中 on this call; hangup of that call → back to 在线 with a fresh idle clock. */
export async function followCall(
  tx: DbOrTx,
  companyId: number,
  agentId: number,
  callId: number,
  event: 'answer' | 'hangup',
  now: Date,
): Promise<void> {
  if (event === 'answer') {
    const values = { state: '通话中' as const, reason: null, since: now, currentCallId: callId };
    await tx
      .insert(agentPresence)
      .values({ userId: agentId, companyId, ...values })
      .onConflictDoUpdate({
        target: agentPresence.userId,
        set: { ...values, version: sql`${agentPresence.version} + 1` },
      });
    return;
  }
  await tx
    .update(agentPresence)
    .set({
      state: '在线',
      since: now,
      idleSince: now,
      currentCallId: null,
      version: sql`${agentPresence.version} + 1`,
    })
    .where(
      and(
        eq(agentPresence.userId, agentId),
        eq(agentPresence.state, '通话中'),
        eq(agentPresence.currentCallId, callId),
      ),
    );
}
