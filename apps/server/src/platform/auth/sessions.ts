import { createHash, randomBytes } from 'node:crypto';
import { isPermission, type Permission } from '@guanjia/shared';
import { and, count, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock';
import type { Db } from '../db/client';
import { recordEvent } from '../events/record-event';
import { AppError, unauthorized } from '../http/errors';
import { getSetting } from '../settings/get-setting';
import { LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES } from '../settings/registry';
import type { AuthContext } from './context';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { needsRehash, type ScryptCost } from './password-cost';
import { projectsOfCompany, zoneScopeOfUser } from './project-ids';
import { loginAttempts, roles, sessions, userProjects, userRoles, users } from './schema';

export const SESSION_DAYS = 14;
/** Per source address, whatever the username: slows down password spraying. */
const IP_WINDOW_MINUTES = 15;
const IP_MAX_FAILURES = 30;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
}

/** `cost`: the scrypt factors passwords are hashed with now; an older, weaker hash is upgraded here. */
export async function login(
  db: Db,
  clock: Clock,
  input: LoginInput,
  cost: ScryptCost,
): Promise<{ token: string; userId: number }> {
  const now = clock.now();
  const windowStart = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
  const [ipFailures] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, `ip:${input.ip}`), gt(loginAttempts.at, windowStart)));
  if ((ipFailures?.n ?? 0) >= IP_MAX_FAILURES) {
    throw new AppError(429, 'too_many_attempts', 'Too many failed logins from this address; try again later');
  }
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.trim().toLowerCase()));
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw new AppError(429, 'account_locked', 'Account temporarily locked after repeated failed logins', {
      lockedUntil: user.lockedUntil.toISOString(),
    });
  }
  const ok = await verifyPassword(input.password, user?.passwordHash ?? dummyHash(cost));
  if (!user || !ok || !user.active) {
    await db.insert(loginAttempts).values({ key: `ip:${input.ip}`, at: now });
    // Old attempts are worthless after the window; trimming here keeps the table small without a job.
    await db.delete(loginAttempts).where(lt(loginAttempts.at, windowStart));
    if (user) await registerFailure(db, now, user);
    throw unauthorized('Wrong username or password');
  }
  // Hashed before the transaction: a few hundred milliseconds of CPU need not hold a connection.
  const upgraded = needsRehash(user.passwordHash, cost) ? await hashPassword(input.password, cost) : null;
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip,
    });
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    // Only over the hash just verified: a password reset committed meanwhile wins.
    if (upgraded)
      await tx
        .update(users)
        .set({ passwordHash: upgraded })
        .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
    await recordEvent(tx, { userId: user.id, companyId: user.companyId, source: 'user' }, now, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      after: { ip: input.ip },
    });
  });
  return { token, userId: user.id };
}

async function registerFailure(db: Db, now: Date, user: typeof users.$inferSelect): Promise<void> {
  const scope = { companyId: user.companyId };
  const max = await getSetting(db, LOGIN_MAX_FAILURES, scope);
  const failures = user.failedLogins + 1;
  const lock =
    failures >= max
      ? new Date(now.getTime() + (await getSetting(db, LOGIN_LOCK_MINUTES, scope)) * 60_000)
      : null;
  await db
    .update(users)
    .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock })
    .where(eq(users.id, user.id));
}

/** Resolve a bearer token or cookie into the caller; expired or unknown tokens are simply anonymous. */
export async function resolveSession(db: Db, clock: Clock, token: string): Promise<AuthContext | null> {
  return (await resolveSessionWithExpiry(db, clock, token))?.auth ?? null;
}

/** The caller and when the session ends (the session cache re-checks expiry on every hit). */
export async function resolveSessionWithExpiry(
  db: Db,
  clock: Clock,
  token: string,
): Promise<{ auth: AuthContext; expiresAt: Date } | null> {
  const now = clock.now();
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row?.user.active) return null;
  return { auth: await loadAuthContext(db, row.user, row.session.id), expiresAt: row.session.expiresAt };
}

export async function loadAuthContext(
  db: Db,
  user: typeof users.$inferSelect,
  sessionId: number,
): Promise<AuthContext> {
  const roleRows = await db
    .select({ permissions: roles.permissions })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, user.id));
  const permissions = new Set<Permission>();
  for (const r of roleRows) for (const p of r.permissions) if (isPermission(p)) permissions.add(p);
  const projectIds = user.allProjects
    ? await projectsOfCompany(db, user.companyId)
    : (
        await db
          .select({ id: userProjects.projectId })
          .from(userProjects)
          .where(eq(userProjects.userId, user.id))
      ).map((r) => r.id);
  const zones = await zoneScopeOfUser(db, user.id);
  return {
    userId: user.id,
    companyId: user.companyId,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    permissions,
    projectIds,
    allProjects: user.allProjects,
    zoneIds: zones?.zoneIds ?? null,
    zoneBuildingIds: zones?.buildingIds ?? null,
    sessionId,
  };
}

export async function logout(db: Db, sessionId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function revokeUserSessions(db: Db, userIds: number[]): Promise<void> {
  if (userIds.length) await db.delete(sessions).where(inArray(sessions.userId, userIds));
}
