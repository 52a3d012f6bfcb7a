import type { EditFacilityBody, FacilityBody } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest } from '../../platform/http/errors';
import { facilityInScope } from './facility-queries';
import { facilities } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

export async function createFacility(ctx: Ctx, auth: AuthContext, body: FacilityBody) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(facilities)
      .values({ ...body, companyId: auth.companyId, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'facility.created',
      entityType: 'facility',
      entityId: row.id,
      projectId: row.projectId,
      after: { name: row.name, kind: row.kind },
    });
    return row;
  });
}

export async function editFacility(ctx: Ctx, auth: AuthContext, id: number, body: EditFacilityBody) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const f = checkVersion(await facilityInScope(tx, auth, id, true), body.version, 'Facility');
    const { version: _v, ...rest } = body;
    const fields = definedOnly(rest);
    const merged = { ...f, ...fields };
    if (merged.openTo <= merged.openFrom) throw badRequest('closing must be after opening');
    if (merged.maxSlots < merged.minSlots) throw badRequest('maximum below minimum');
    const [row] = await tx
      .update(facilities)
      .set({ ...fields, version: f.version + 1, updatedAt: now })
      .where(eq(facilities.id, f.id))
      .returning();
    const changed = diff(f as Record<string, unknown>, fields as Record<string, unknown>);
    await recordEvent(tx, userActor(auth), now, {
      action: 'facility.updated',
      entityType: 'facility',
      entityId: f.id,
      projectId: f.projectId,
      before: changed?.before ?? {},
      after: changed?.after ?? {},
    });
    return row!;
  });
}
