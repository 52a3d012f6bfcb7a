import type { Refund } from '@guanjia/shared/api';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { units } from '../org/schema';
import { refunds } from './payments-schema';

export async function listRefunds(
  db: DbOrTx,
  auth: AuthContext,
  q: { page: number; pageSize: number; projectId?: number; unitId?: number; id?: number },
) {
  const where = and(
    eq(refunds.companyId, auth.companyId),
    inArray(refunds.projectId, auth.projectIds.length ? [...auth.projectIds] : [-1]),
    q.projectId ? eq(refunds.projectId, q.projectId) : undefined,
    q.unitId ? eq(refunds.unitId, q.unitId) : undefined,
    q.id ? eq(refunds.id, q.id) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({ r: refunds, unitLabel: units.label, byName: users.displayName })
      .from(refunds)
      .innerJoin(units, eq(units.id, refunds.unitId))
      .leftJoin(users, eq(users.id, refunds.refundedById))
      .where(where)
      .orderBy(desc(refunds.refundedAt), desc(refunds.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(refunds).where(where),
  ]);
  const items: Refund[] = rows.map(({ r, unitLabel, byName }) => ({
    id: r.id,
    projectId: r.projectId,
    unitId: r.unitId,
    unitLabel,
    kind: r.kind,
    billId: r.billId,
    amount: r.amount,
    method: r.method,
    reason: r.reason,
    refundedById: r.refundedById,
    refundedByName: byName,
    refundedAt: r.refundedAt.toISOString(),
  }));
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
