import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { projects } from '../org/schema';
import type { ResidentInput } from './inputs';
import { replacePhones, replaceUnits } from './resident-links';
import { namePinyin } from './rules/name-pinyin';
import { residents } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

export async function createResident(ctx: Ctx, auth: AuthContext, input: ResidentInput) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction((tx) => insertResident(tx, userActor(auth), now, input));
  await ctx.bus.publish({
    type: 'resident.created',
    projectId: row.projectId,
    entityType: 'resident',
    entityId: row.id,
  });
  return row;
}

/** The insert itself, reusable inside a larger transaction (Excel import). */
export async function insertResident(tx: DbOrTx, actor: Actor, now: Date, input: ResidentInput) {
  const { phones = [], units: links = [], ...fields } = input;
  const py = namePinyin(fields.name);
  const [created] = await tx
    .insert(residents)
    .values({ ...fields, namePinyin: py.full, nameInitials: py.initials, createdAt: now, updatedAt: now })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  const [project] = await tx
    .select({ areaCode: projects.areaCode })
    .from(projects)
    .where(eq(projects.id, input.projectId));
  await replacePhones(tx, created.id, created.projectId, phones, project?.areaCode);
  await replaceUnits(tx, created.id, created.projectId, links);
  await recordEvent(tx, actor, now, {
    action: 'resident.created',
    entityType: 'resident',
    entityId: created.id,
    projectId: created.projectId,
    // The audit log keeps which fields were set, not the ID number itself.
    after: { ...fields, idNumber: fields.idNumber ? '***' : null, phones: phones.length, units: links },
  });
  return created;
}
