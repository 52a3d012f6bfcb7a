import { and, eq, inArray } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import { invalidateSessions } from '../../platform/auth/session-cache';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { userZones, zones } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

async function staffOfCompany(db: DbOrTx, auth: AuthContext, userId: number) {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.companyId, auth.companyId)));
  if (!u) throw notFound('User');
}

export async function readZoneScope(db: DbOrTx, auth: AuthContext, userId: number) {
  await staffOfCompany(db, auth, userId);
  const rows = await db
    .select({ zoneId: userZones.zoneId })
    .from(userZones)
    .innerJoin(zones, eq(zones.id, userZones.zoneId))
    .where(and(eq(userZones.userId, userId), inArray(zones.projectId, scopeIds(auth))));
  return { userId, zoneIds: rows.map((r) => r.zoneId).sort((a, b) => a - b) };
}

/**
 * Limit a user to zones (empty = no zone limit). Only zones of the caller's projects are touched, so a
 * manager of one project neither sees nor removes the user's zones elsewhere.
 */
export async function saveZoneScope(ctx: Ctx, auth: AuthContext, userId: number, zoneIds: number[]) {
  const now = ctx.clock.now();
  const scope = scopeIds(auth);
  await ctx.database.db.transaction(async (tx) => {
    await staffOfCompany(tx, auth, userId);
    const wanted = [...new Set(zoneIds)];
    const found = wanted.length
      ? await tx
          .select({ id: zones.id })
          .from(zones)
          .where(and(inArray(zones.id, wanted), inArray(zones.projectId, scope)))
      : [];
    if (found.length !== wanted.length) throw notFound('Zone');
    const mine = tx.select({ id: zones.id }).from(zones).where(inArray(zones.projectId, scope));
    const before = await readZoneScope(tx, auth, userId);
    await tx.delete(userZones).where(and(eq(userZones.userId, userId), inArray(userZones.zoneId, mine)));
    if (wanted.length) await tx.insert(userZones).values(wanted.map((zoneId) => ({ userId, zoneId })));
    await recordEvent(tx, userActor(auth), now, {
      action: 'zone.scope_set',
      entityType: 'user',
      entityId: userId,
      before: { zoneIds: before.zoneIds },
      after: { zoneIds: wanted },
    });
  });
  await invalidateSessions(ctx);
  return readZoneScope(ctx.database.db, auth, userId);
}
