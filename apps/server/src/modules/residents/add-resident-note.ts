import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { residents } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * A note on the resident 360 ("prefers calls after 18:00", "elderly, speak slowly"): an event on the
 * resident's timeline, not an edit of the archive, so it needs no version and never conflicts.
 */
export async function addResidentNote(ctx: Ctx, auth: AuthContext, id: number, note: string) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ projectId: residents.projectId })
      .from(residents)
      .where(eq(residents.id, id));
    if (!row) throw notFound('Resident');
    assertInScope(auth, row.projectId, 'Resident');
    await recordEvent(tx, userActor(auth), now, {
      action: 'resident.noted',
      entityType: 'resident',
      entityId: id,
      projectId: row.projectId,
      after: { note },
    });
  });
}
