import type { EditPatrolRouteBody } from '@guanjia/shared/api';
import { count, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { routeInScope } from './route-queries';
import { patrolPoints, patrolRoutes, patrols } from './schema';
import { writePoints } from './write-points';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Rename, reschedule, switch off or re-point a route (versioned). Patrols already generated keep their points. */
export async function editRoute(ctx: Ctx, auth: AuthContext, id: number, body: EditPatrolRouteBody) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const r = checkVersion(await routeInScope(tx, auth, id, true), body.version, 'Patrol route');
    const { version: _v, points, ...rest } = body;
    const fields = definedOnly(rest);
    const [row] = await tx
      .update(patrolRoutes)
      .set({ ...fields, version: r.version + 1, updatedAt: now })
      .where(eq(patrolRoutes.id, r.id))
      .returning();
    if (!row) throw new Error('route vanished inside its transaction');
    let pointChange: { before: string[]; after: string[] } | null = null;
    if (points) {
      const old = await tx
        .select({ code: patrolPoints.code })
        .from(patrolPoints)
        .where(eq(patrolPoints.routeId, r.id));
      await writePoints(tx, r.id, r.projectId, points);
      pointChange = { before: old.map((p) => p.code), after: points.map((p) => p.code) };
    }
    const changed = diff(r as Record<string, unknown>, fields as Record<string, unknown>);
    await recordEvent(tx, userActor(auth), now, {
      action: 'patrol_route.updated',
      entityType: 'patrol_route',
      entityId: r.id,
      projectId: r.projectId,
      before: { ...(changed?.before ?? {}), ...(pointChange ? { points: pointChange.before } : {}) },
      after: { ...(changed?.after ?? {}), ...(pointChange ? { points: pointChange.after } : {}) },
    });
    return row;
  });
}

/** A route nobody has walked yet can be deleted; one with patrols is switched off instead (409). */
export async function deleteRoute(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const r = checkVersion(await routeInScope(tx, auth, id, true), version, 'Patrol route');
    const [walked] = await tx.select({ n: count() }).from(patrols).where(eq(patrols.routeId, r.id));
    if ((walked?.n ?? 0) > 0) throw conflict('The route has patrols; switch it off instead');
    await tx.delete(patrolRoutes).where(eq(patrolRoutes.id, r.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'patrol_route.deleted',
      entityType: 'patrol_route',
      entityId: r.id,
      projectId: r.projectId,
      before: { name: r.name },
    });
  });
}
