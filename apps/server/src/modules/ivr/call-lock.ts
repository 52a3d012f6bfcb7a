import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { ivrSessions } from './schema';

type Session = typeof ivrSessions.$inferSelect;

/** Longer than any step takes; only a node that died mid-step leaves a call held this long. */
const LEASE_SECONDS = 15;
/** A PBX waits a few seconds for a step at most; past that a busy answer beats a late one. */
const WAIT_MS = 5_000;

/**
 * Serialise the steps of one call across requests and nodes: the step takes a lease on the call's
 * session row (compare-and-set on lock columns, judged by the database clock) and runs with it.
 * Not a `SELECT … FOR UPDATE` held for the step: a voicemail step files its ticket through the
 * shared intake batchers in transactions of their own, which on the embedded engine (one
 * connection) would wait forever behind a transaction held open around them.
 */
export async function withCallLock<T>(
  db: Db,
  where: SQL | undefined,
  fn: (session: Session) => Promise<T>,
): Promise<T> {
  const owner = randomUUID();
  const started = Date.now();
  let session: Session | undefined;
  for (let attempt = 0; !session; attempt++) {
    [session] = await db
      .update(ivrSessions)
      .set({ lockOwner: owner, lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where(and(where, or(isNull(ivrSessions.lockedUntil), lt(ivrSessions.lockedUntil, sql`now()`))))
      .returning();
    if (session) break;
    if (Date.now() - started > WAIT_MS)
      throw new AppError(503, 'call_busy', 'Another step of this call is still running');
    await sleep(Math.min(5 + attempt * 5, 40));
  }
  try {
    return await fn(session);
  } finally {
    await db
      .update(ivrSessions)
      .set({ lockOwner: null, lockedUntil: null })
      .where(and(where, eq(ivrSessions.lockOwner, owner)));
  }
}
