import type { ZoneInput, ZonePatch } from '@guanjia/shared/api';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { userProjects, users } from '../../platform/auth/schema';
import { invalidateSessions } from '../../platform/auth/session-cache';
import type { DbOrTx } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, conflict } from '../../platform/http/errors';
import { buildings } from '../org/schema';
import { zoneInScope } from './queries';
import { zoneBuildings, zones } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

/** Buildings of the project, each in no other zone (a building belongs to one zone). */
async function checkBuildings(tx: DbOrTx, projectId: number, zoneId: number | null, ids: readonly number[]) {
  if (!ids.length) return;
  const found = await tx
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(inArray(buildings.id, [...ids]), eq(buildings.projectId, projectId)));
  if (found.length !== new Set(ids).size) throw badRequest('A building is not in this project');
  const taken = await tx
    .select({ buildingId: zoneBuildings.buildingId, zoneId: zoneBuildings.zoneId })
    .from(zoneBuildings)
    .where(
      and(inArray(zoneBuildings.buildingId, [...ids]), zoneId ? ne(zoneBuildings.zoneId, zoneId) : undefined),
    );
  if (taken.length)
    throw conflict('A building is already in another zone', { buildingIds: taken.map((t) => t.buildingId) });
}

/** Butler and deputy must be staff of the company who reach the project. */
async function checkPeople(
  tx: DbOrTx,
  auth: AuthContext,
  projectId: number,
  ids: (number | null | undefined)[],
) {
  for (const id of ids) {
    if (!id) continue;
    const [u] = await tx
      .select({ id: users.id, all: users.allProjects })
      .from(users)
      .where(and(eq(users.id, id), eq(users.companyId, auth.companyId)));
    const reach = u?.all
      ? true
      : (
          await tx
            .select({ id: userProjects.userId })
            .from(userProjects)
            .where(and(eq(userProjects.userId, id), eq(userProjects.projectId, projectId)))
        ).length > 0;
    if (!u || !reach) throw badRequest('The butler or deputy does not work in this project');
  }
}

export async function createZone(ctx: Ctx, auth: AuthContext, body: ZoneInput) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  const id = await ctx.database.db
    .transaction(async (tx) => {
      await checkPeople(tx, auth, body.projectId, [body.butlerId, body.deputyId]);
      await checkBuildings(tx, body.projectId, null, body.buildingIds);
      const { buildingIds, ...fields } = body;
      const [row] = await tx
        .insert(zones)
        .values({ ...fields, companyId: auth.companyId, createdAt: now, updatedAt: now })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      if (buildingIds.length)
        await tx.insert(zoneBuildings).values(
          [...new Set(buildingIds)].map((b) => ({
            zoneId: row.id,
            buildingId: b,
            projectId: row.projectId,
          })),
        );
      await recordEvent(tx, userActor(auth), now, {
        action: 'zone.created',
        entityType: 'zone',
        entityId: row.id,
        projectId: row.projectId,
        after: {
          code: row.code,
          name: row.name,
          butlerId: row.butlerId,
          deputyId: row.deputyId,
          buildingIds,
        },
      });
      return row.id;
    })
    .catch(uniqueAsConflict);
  // Zone-limited users' scopes are resolved per session: a zone's buildings changed, so re-resolve.
  await invalidateSessions(ctx);
  return id;
}

export async function updateZone(ctx: Ctx, auth: AuthContext, id: number, body: ZonePatch) {
  const now = ctx.clock.now();
  await ctx.database.db
    .transaction(async (tx) => {
      const z = checkVersion(await zoneInScope(tx, auth, id, true), body.version, 'Zone');
      const { version: _v, buildingIds, ...rest } = body;
      const fields = definedOnly(rest);
      await checkPeople(tx, auth, z.projectId, [fields.butlerId, fields.deputyId]);
      let before: number[] | undefined;
      if (buildingIds) {
        await checkBuildings(tx, z.projectId, z.id, buildingIds);
        before = (
          await tx
            .select({ b: zoneBuildings.buildingId })
            .from(zoneBuildings)
            .where(eq(zoneBuildings.zoneId, z.id))
        ).map((r) => r.b);
        await tx.delete(zoneBuildings).where(eq(zoneBuildings.zoneId, z.id));
        if (buildingIds.length)
          await tx
            .insert(zoneBuildings)
            .values(
              [...new Set(buildingIds)].map((b) => ({ zoneId: z.id, buildingId: b, projectId: z.projectId })),
            );
      }
      await tx
        .update(zones)
        .set({ ...fields, version: z.version + 1, updatedAt: now })
        .where(eq(zones.id, z.id));
      const changed = diff(z as Record<string, unknown>, fields as Record<string, unknown>);
      await recordEvent(tx, userActor(auth), now, {
        action: 'zone.updated',
        entityType: 'zone',
        entityId: z.id,
        projectId: z.projectId,
        before: { ...(changed?.before ?? {}), ...(before ? { buildingIds: before } : {}) },
        after: { ...(changed?.after ?? {}), ...(buildingIds ? { buildingIds } : {}) },
      });
    })
    .catch(uniqueAsConflict);
  await invalidateSessions(ctx);
}

export async function deleteZone(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const z = checkVersion(await zoneInScope(tx, auth, id, true), version, 'Zone');
    await tx.delete(zones).where(eq(zones.id, z.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'zone.deleted',
      entityType: 'zone',
      entityId: z.id,
      projectId: z.projectId,
      before: { code: z.code, name: z.name },
    });
  });
  await invalidateSessions(ctx);
}

function uniqueAsConflict(error: unknown): never {
  if (isUniqueViolation(error)) throw conflict('A zone with this code already exists in the project');
  throw error;
}
