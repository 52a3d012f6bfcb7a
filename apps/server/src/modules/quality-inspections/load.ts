import { eq } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { type InspectionRow, inspections } from './schema';

/**
 * A 暗访 (mystery visit) is hidden from the inspected team until it is submitted: before then only its
 * inspector and the quality managers see it, everyone else gets the same 404 as a missing one.
 */
export const maySeeInspection = (
  auth: AuthContext,
  row: Pick<InspectionRow, 'mode' | 'state' | 'inspectorId'>,
) =>
  row.mode !== 'mystery' ||
  row.state === 'submitted' ||
  row.inspectorId === auth.userId ||
  can(auth, 'quality.manage');

/** The inspection if the caller may see it (404 otherwise); locked for a write. */
export async function inspectionInScope(
  db: DbOrTx,
  auth: AuthContext,
  id: number,
  lock = false,
): Promise<InspectionRow> {
  const q = db.select().from(inspections).where(eq(inspections.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Inspection');
  assertInScope(auth, row.projectId, 'Inspection');
  if (!maySeeInspection(auth, row)) throw notFound('Inspection');
  return row;
}
