import type { Bus } from '../bus/bus';
import { cacheOf, invalidate } from '../cache/caches';
import type { Clock } from '../clock/clock';
import type { Database } from '../db/client';
import type { AuthContext } from './context';
import { hashToken, resolveSessionWithExpiry } from './sessions';

interface Entry {
  auth: AuthContext;
  expiresAt: Date;
}

/**
 * resolveSession with a few seconds of memory per token: the lookup (session, user, roles, scope) is
 * three queries on every API request. Correctness first: logout, deactivation, password resets and any
 * change to users, roles, grants or projects clear the cache (invalidateSessions), and expiry is checked
 * against the domain clock on every hit.
 */
export async function resolveSessionCached(
  services: { database: Database; clock: Clock },
  token: string,
): Promise<AuthContext | null> {
  const cache = cacheOf<Entry | null>(services.database, 'auth');
  const entry = await cache.get(hashToken(token), async () => {
    const found = await resolveSessionWithExpiry(services.database.db, services.clock, token);
    return found ? { auth: Object.freeze(found.auth), expiresAt: found.expiresAt } : null;
  });
  if (!entry || entry.expiresAt <= services.clock.now()) return null;
  return entry.auth;
}

/** After a write to sessions, users, user_roles, user_projects, roles or projects has committed. */
export const invalidateSessions = (services: { database: Database; bus: Bus }) =>
  invalidate(services, 'auth');
