import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../platform/auth/password';
import type { ScryptCost } from '../platform/auth/password-cost';
import { users } from '../platform/auth/schema';
import { revokeUserSessions } from '../platform/auth/sessions';
import type { Clock } from '../platform/clock/clock';
import type { Db } from '../platform/db/client';
import { recordEvent } from '../platform/events/record-event';

export interface ResetAdminPasswordProps {
  db: Db;
  clock: Clock;
  passwordCost: ScryptCost;
  /** The account to reset; the first start creates `admin`. */
  username: string;
  /** Chosen by the operator (GUANJIA_ADMIN_PASSWORD); otherwise one is generated. */
  password?: string;
}

export type ResetAdminPasswordResult =
  | { ok: true; username: string; password: string; generated: boolean }
  | { ok: false; reason: 'no_such_user' };

/**
 * For an operator who lost the first start's output: a new password for the admin account, its
 * lockout cleared and its sessions ended, recorded as a system event (no signed-in actor exists).
 */
export async function resetAdminPassword(props: ResetAdminPasswordProps): Promise<ResetAdminPasswordResult> {
  const { db, clock } = props;
  const password = props.password || randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password, props.passwordCost);
  const now = clock.now();
  const user = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: users.id, companyId: users.companyId, username: users.username })
      .from(users)
      .where(eq(sql`lower(${users.username})`, props.username.toLowerCase()));
    if (!row) return null;
    await tx
      .update(users)
      // A deactivated or locked-out admin is the other way to lose the console: both end here.
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, active: true, updatedAt: now })
      .where(eq(users.id, row.id));
    await recordEvent(tx, { userId: null, companyId: row.companyId, source: 'system' }, now, {
      action: 'staff.password_reset',
      entityType: 'user',
      entityId: row.id,
      after: { by: 'npm run admin:password' },
    });
    return row;
  });
  if (!user) return { ok: false, reason: 'no_such_user' };
  await revokeUserSessions(db, [user.id]);
  return { ok: true, username: user.username, password, generated: !props.password };
}
