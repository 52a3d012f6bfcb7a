import { normalizePhone } from '@guanjia/shared';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, can } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { staffVisibility } from '../staff/queries';
import type { staffChannelsInput } from './inputs';
import { maskAddress } from './queries';
import { type StaffChannelsRow, staffChannels } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** The person's own settings show in full; someone else's phone is masked without pii.view. */
function present(auth: AuthContext, userId: number, row: StaffChannelsRow | undefined) {
  const own = auth.userId === userId || can(auth, 'pii.view');
  const mobile = row?.mobile ?? null;
  return {
    userId,
    /** In-app notifications are always on; these are the extra channels. */
    channels: row?.channels ?? [],
    email: row?.email ?? null,
    mobile: mobile && !own ? maskAddress('sms', mobile) : mobile,
    version: row?.version ?? null,
  };
}

/** Someone the caller may manage: themselves, or staff visible to them in their company. */
async function assertReachable(db: DbOrTx, auth: AuthContext, userId: number): Promise<void> {
  if (userId === auth.userId) return;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), staffVisibility(auth)));
  if (!row) throw notFound('Staff member');
}

export async function readStaffChannels(db: DbOrTx, auth: AuthContext, userId: number) {
  await assertReachable(db, auth, userId);
  const [row] = await db.select().from(staffChannels).where(eq(staffChannels.userId, userId));
  return present(auth, userId, row);
}

export async function saveStaffChannels(
  ctx: Ctx,
  auth: AuthContext,
  userId: number,
  input: z.infer<typeof staffChannelsInput>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    await assertReachable(tx, auth, userId);
    const [existing] = await tx
      .select()
      .from(staffChannels)
      .where(eq(staffChannels.userId, userId))
      .for('update');
    if (existing) {
      if (input.version === undefined) throw badRequest('version is required', { path: 'version' });
      checkVersion(existing, input.version, 'Notification channels');
    }
    const fields = {
      channels: [...new Set(input.channels)],
      email: input.email ?? null,
      mobile: input.mobile ? (normalizePhone(input.mobile)?.e164 ?? null) : null,
      updatedAt: now,
    };
    const [row] = existing
      ? await tx
          .update(staffChannels)
          .set({ ...fields, version: existing.version + 1 })
          .where(eq(staffChannels.userId, userId))
          .returning()
      : await tx
          .insert(staffChannels)
          .values({ userId, companyId: auth.companyId, ...fields })
          .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'staff.channels_changed',
      entityType: 'user',
      entityId: userId,
      before: existing ? { channels: existing.channels } : null,
      after: { channels: fields.channels },
    });
    return present(auth, userId, row);
  });
}
