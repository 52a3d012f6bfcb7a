import { parseQrCode } from '@guanjia/shared';
import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { AppError, notFound } from '../../platform/http/errors';
import { equipment } from './schema';

/**
 * A scanned label → what it opens. A label of a project the caller does not serve is refused with a
 * sentence of its own (the project id is printed in the payload, so saying so discloses nothing).
 */
export async function resolveScan(db: DbOrTx, auth: AuthContext, scanned: string) {
  const qr = parseQrCode(scanned);
  if (!qr)
    throw new AppError(400, 'qr_unknown', 'This is not a Guanjia label', { code: scanned.slice(0, 80) });
  // 404 like every out-of-scope record, with its own sentence so the technician knows why.
  if (!auth.projectIds.includes(qr.projectId))
    throw new AppError(404, 'not_found', 'This label belongs to another project', {
      reason: 'other_project',
    });
  if (qr.kind !== 'equipment') return { ...qr, equipmentId: null, path: null };
  const [row] = await db
    .select({ id: equipment.id })
    .from(equipment)
    .where(and(eq(equipment.projectId, qr.projectId), eq(equipment.code, qr.code)));
  if (!row) throw notFound('Equipment', { code: qr.code });
  return { ...qr, equipmentId: row.id, path: `/tech/equipment/${row.id}` };
}
