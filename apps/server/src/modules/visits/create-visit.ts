import type { VisitInput } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { userProjects, users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { units } from '../org/schema';
import { assertBuildingInZones } from '../zones/scope';
import { careCampaigns, visits } from './schema';
import { HOME_ENTRY_VISITORS } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Visitors are staff of the company who reach the project. */
export async function checkVisitors(
  tx: DbOrTx,
  companyId: number,
  projectId: number,
  ids: readonly number[],
) {
  for (const id of new Set(ids)) {
    const [u] = await tx
      .select({ all: users.allProjects, active: users.active })
      .from(users)
      .where(and(eq(users.id, id), eq(users.companyId, companyId)));
    const reaches =
      u?.all ||
      (
        await tx
          .select({ u: userProjects.userId })
          .from(userProjects)
          .where(and(eq(userProjects.userId, id), eq(userProjects.projectId, projectId)))
      ).length > 0;
    if (!u?.active || !reaches) throw badRequest('A visitor does not work in this project');
  }
}

/** Plan a visit to a household. Entering the home takes two visitors (Q11). */
export async function createVisit(ctx: Ctx, auth: AuthContext, body: VisitInput): Promise<number> {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [unit] = await tx.select().from(units).where(eq(units.id, body.unitId));
    if (!unit || unit.projectId !== body.projectId) throw notFound('Unit');
    assertBuildingInZones(auth, unit.buildingId, 'Unit');
    const needed = await getSetting(tx, HOME_ENTRY_VISITORS, {
      companyId: auth.companyId,
      projectId: body.projectId,
    });
    if (body.enterHome && body.method === '上门' && new Set(body.visitorIds).size < needed)
      throw badRequest('Entering a home needs more visitors', { needed });
    await checkVisitors(tx, auth.companyId, body.projectId, body.visitorIds);
    if (body.careCampaignId) {
      const [cc] = await tx.select().from(careCampaigns).where(eq(careCampaigns.id, body.careCampaignId));
      if (!cc || cc.projectId !== body.projectId) throw notFound('Care campaign');
    }
    const [row] = await tx
      .insert(visits)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId,
        unitId: body.unitId,
        purpose: body.purpose,
        method: body.method,
        enterHome: body.enterHome,
        source: body.careCampaignId ? 'care' : 'manual',
        plannedOn: body.plannedOn,
        visitorIds: [...new Set(body.visitorIds)],
        careCampaignId: body.careCampaignId ?? null,
        note: body.note ?? null,
        createdBy: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'visit.planned',
      entityType: 'visit',
      entityId: row.id,
      projectId: row.projectId,
      after: {
        unitId: row.unitId,
        purpose: row.purpose,
        plannedOn: row.plannedOn,
        visitorIds: row.visitorIds,
      },
    });
    return row.id;
  });
}
