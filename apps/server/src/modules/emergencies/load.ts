import { asc, eq } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { emergencies, emergencySteps } from './schema';

/** The emergency if the caller may see it (404 otherwise, like a missing one); locked for a write. */
export async function emergencyInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db.select().from(emergencies).where(eq(emergencies.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Emergency');
  assertInScope(auth, row.projectId, 'Emergency');
  return row;
}

export const stepsOf = (db: DbOrTx, emergencyId: number) =>
  db
    .select()
    .from(emergencySteps)
    .where(eq(emergencySteps.emergencyId, emergencyId))
    .orderBy(asc(emergencySteps.seq));
