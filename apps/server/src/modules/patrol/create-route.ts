import type { CreatePatrolRouteBody } from '@guanjia/shared/api';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { patrolRoutes } from './schema';
import { writePoints } from './write-points';

/** A patrol route with its ordered points; patrols follow from its schedule (generate-patrols.ts). */
export async function createRoute(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  body: CreatePatrolRouteBody,
) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patrolRoutes)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId,
        name: body.name,
        kind: body.kind,
        schedule: body.schedule,
        toleranceMinutes: body.toleranceMinutes,
        active: body.active,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await writePoints(tx, row.id, row.projectId, body.points);
    await recordEvent(tx, userActor(auth), now, {
      action: 'patrol_route.created',
      entityType: 'patrol_route',
      entityId: row.id,
      projectId: row.projectId,
      after: {
        name: row.name,
        kind: row.kind,
        schedule: row.schedule,
        points: body.points.map((p) => p.code),
      },
    });
    return row;
  });
}
