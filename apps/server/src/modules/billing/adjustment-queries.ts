import { BILL_ADJUSTMENT_KINDS, BILL_ADJUSTMENT_STATUSES } from '@guanjia/shared/api';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { pageQuery } from '../../platform/http/pagination';
import { units } from '../org/schema';
import { adjustmentColumns, presentAdjustment } from './bill-queries';
import { billAdjustments, bills } from './schema';

/** GET /api/bill-adjustments: the approval queue (status=pending) and the corrections ledger. */
export const adjustmentListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(BILL_ADJUSTMENT_STATUSES).optional(),
  kind: z.enum(BILL_ADJUSTMENT_KINDS).optional(),
});

export async function listAdjustments(db: DbOrTx, auth: AuthContext, q: z.infer<typeof adjustmentListQuery>) {
  const scope = q.projectId
    ? auth.projectIds.includes(q.projectId)
      ? [q.projectId]
      : []
    : [...auth.projectIds];
  const where = and(
    scope.length ? inArray(billAdjustments.projectId, scope) : sql`false`,
    q.status ? eq(billAdjustments.status, q.status) : undefined,
    q.kind ? eq(billAdjustments.kind, q.kind) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({ ...adjustmentColumns, unitLabel: units.label, period: bills.period })
      .from(billAdjustments)
      .innerJoin(bills, eq(bills.id, billAdjustments.billId))
      .innerJoin(units, eq(units.id, bills.unitId))
      .where(where)
      .orderBy(desc(billAdjustments.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(billAdjustments).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...presentAdjustment(r), unitLabel: r.unitLabel, period: r.period })),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function adjustmentView(db: DbOrTx, auth: AuthContext, id: number) {
  const [row] = await db.select(adjustmentColumns).from(billAdjustments).where(eq(billAdjustments.id, id));
  if (!row || !auth.projectIds.includes(row.a.projectId)) throw notFound('Bill adjustment');
  return presentAdjustment(row);
}
