import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { type Actor, diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { forbidden, notFound } from '../../platform/http/errors';
import { projects } from '../org/schema';
import type { ResidentPatch } from './inputs';
import { replacePhones, replaceUnits } from './resident-links';
import { namePinyin } from './rules/name-pinyin';
import { residentPhones, residents } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

export async function updateResident(ctx: Ctx, auth: AuthContext, id: number, patch: ResidentPatch) {
  // Staff who only see masked numbers cannot overwrite them with what they were shown.
  if (!can(auth, 'pii.view') && (patch.phones !== undefined || patch.idNumber !== undefined))
    throw forbidden('pii.view');
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(residents).where(eq(residents.id, id)).for('update');
    if (!existing) throw notFound('Resident');
    assertInScope(auth, existing.projectId, 'Resident');
    checkVersion(existing, patch.version, 'Resident');
    return applyResidentPatch(tx, userActor(auth), now, existing, patch);
  });
  await ctx.bus.publish({
    type: 'resident.updated',
    projectId: row.projectId,
    entityType: 'resident',
    entityId: id,
  });
  return row;
}

/** Apply a patch to a row already locked and version-checked (also used by Excel re-import). */
export async function applyResidentPatch(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  existing: typeof residents.$inferSelect,
  patch: Omit<ResidentPatch, 'version'> & { version?: number },
) {
  const { version: _version, phones, units: links, ...fields } = patch;
  const changes: Partial<typeof residents.$inferInsert> = definedOnly(fields);
  if (changes.name && changes.name !== existing.name) {
    const py = namePinyin(changes.name);
    changes.namePinyin = py.full;
    changes.nameInitials = py.initials;
  }
  const [updated] = await tx
    .update(residents)
    .set({ ...changes, version: existing.version + 1, updatedAt: now })
    .where(eq(residents.id, existing.id))
    .returning();
  let phonesChanged = false;
  if (phones) {
    const before = await tx
      .select({ raw: residentPhones.raw })
      .from(residentPhones)
      .where(eq(residentPhones.residentId, existing.id));
    phonesChanged = JSON.stringify(before.map((p) => p.raw)) !== JSON.stringify(phones);
    const [project] = await tx
      .select({ areaCode: projects.areaCode })
      .from(projects)
      .where(eq(projects.id, existing.projectId));
    await replacePhones(tx, existing.id, existing.projectId, phones, project?.areaCode);
  }
  if (links) await replaceUnits(tx, existing.id, existing.projectId, links);
  const delta = diff(existing, changes) ?? { before: {}, after: {} };
  if (delta.after.idNumber !== undefined) {
    delta.before.idNumber = delta.before.idNumber ? '***' : null;
    delta.after.idNumber = delta.after.idNumber ? '***' : null;
  }
  const after: Record<string, unknown> = { ...delta.after };
  if (phonesChanged) after.phones = 'changed';
  if (links) after.units = links;
  await recordEvent(tx, actor, now, {
    action: 'resident.updated',
    entityType: 'resident',
    entityId: existing.id,
    projectId: existing.projectId,
    before: delta.before,
    after,
  });
  return updated!;
}
