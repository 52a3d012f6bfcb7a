import { eq } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { type RectificationRow, rectifications } from './schema';

/** The item if the caller may see it (404 otherwise, like a missing one); locked for a write. */
export async function rectificationInScope(
  db: DbOrTx,
  auth: AuthContext,
  id: number,
  lock = false,
): Promise<RectificationRow> {
  const q = db.select().from(rectifications).where(eq(rectifications.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Rectification');
  assertInScope(auth, row.projectId, 'Rectification');
  return row;
}
