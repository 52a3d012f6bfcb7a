import type { contactWindowsBody } from '@guanjia/shared/api';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { residents } from '../residents/schema';
import { contactWindows } from './collection-schema';

async function residentInScope(db: DbOrTx, auth: AuthContext, id: number) {
  const [r] = await db
    .select({ id: residents.id, projectId: residents.projectId })
    .from(residents)
    .where(eq(residents.id, id));
  if (!r) throw notFound('Resident');
  assertInScope(auth, r.projectId, 'Resident');
  return r;
}

const present = (residentId: number, rows: { weekdays: number[]; start: string; end: string }[]) => ({
  residentId,
  windows: rows.map((w) => ({ weekdays: w.weekdays, start: w.start, end: w.end })),
});

export async function readContactWindows(db: DbOrTx, auth: AuthContext, residentId: number) {
  const r = await residentInScope(db, auth, residentId);
  const rows = await db
    .select()
    .from(contactWindows)
    .where(eq(contactWindows.residentId, r.id))
    .orderBy(asc(contactWindows.id));
  return present(r.id, rows);
}

/** The resident's own contact windows (分时间段催缴, §1.12), replaced as a whole; empty = Q07 only. */
export async function saveContactWindows(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  residentId: number,
  body: z.infer<typeof contactWindowsBody>,
) {
  for (const w of body.windows)
    if (w.end <= w.start)
      throw badRequest('A contact window must end after it starts', { start: w.start, end: w.end });
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const r = await residentInScope(tx, auth, residentId);
    const old = await tx.delete(contactWindows).where(eq(contactWindows.residentId, r.id)).returning();
    if (body.windows.length)
      await tx.insert(contactWindows).values(
        body.windows.map((w) => ({
          projectId: r.projectId,
          residentId: r.id,
          weekdays: [...new Set(w.weekdays)].sort(),
          start: w.start,
          end: w.end,
          createdAt: now,
        })),
      );
    await recordEvent(tx, userActor(auth), now, {
      action: 'resident.contact_windows_set',
      entityType: 'resident',
      entityId: r.id,
      projectId: r.projectId,
      before: present(r.id, old).windows,
      after: body.windows,
    });
    return present(r.id, body.windows);
  });
}
