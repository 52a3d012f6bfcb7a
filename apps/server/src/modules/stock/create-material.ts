import type { CreateMaterialBody, EditMaterialBody } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { materialInScope } from './material-queries';
import { materials } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** A material in the project's catalogue; a code is unique in the project (409 from the index). */
export async function createMaterial(ctx: Ctx, auth: AuthContext, body: CreateMaterialBody) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(materials)
      .values({ ...body, companyId: auth.companyId, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'material.created',
      entityType: 'material',
      entityId: row.id,
      projectId: row.projectId,
      after: { code: row.code, name: row.name, priceFen: row.priceFen },
    });
    return row;
  });
}

/** Rename, reprice or switch off a material (versioned); its movements keep the price they had. */
export async function editMaterial(ctx: Ctx, auth: AuthContext, id: number, body: EditMaterialBody) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const m = checkVersion(await materialInScope(tx, auth, id, true), body.version, 'Material');
    const { version: _v, ...rest } = body;
    const fields = definedOnly(rest);
    const [row] = await tx
      .update(materials)
      .set({ ...fields, version: m.version + 1, updatedAt: now })
      .where(eq(materials.id, m.id))
      .returning();
    if (!row) throw new Error('material vanished inside its transaction');
    const changed = diff(m as Record<string, unknown>, fields as Record<string, unknown>);
    await recordEvent(tx, userActor(auth), now, {
      action: 'material.updated',
      entityType: 'material',
      entityId: m.id,
      projectId: m.projectId,
      before: changed?.before ?? {},
      after: changed?.after ?? {},
    });
    return row;
  });
}
