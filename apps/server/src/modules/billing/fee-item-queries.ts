import type { FeeItem } from '@guanjia/shared/api';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { pageQuery, queryBool } from '../../platform/http/pagination';
import { type FeeItemRow, feeItems } from './schema';

export const feeItemListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  /** Include items switched off. */
  all: queryBool.optional(),
});

const unitCount = sql<number>`(select count(distinct unit_id)::int from fee_item_units x where x.fee_item_id = ${feeItems.id})`;

export const presentFeeItem = (r: FeeItemRow, units: number): FeeItem => ({
  id: r.id,
  projectId: r.projectId,
  code: r.code,
  name: r.name,
  kind: r.kind,
  payer: r.payer,
  formula: r.formula,
  areaBasis: r.areaBasis,
  unitPrice: r.unitPrice,
  fixedAmount: r.fixedAmount,
  tiers: r.tiers,
  rounding: r.rounding,
  startDate: r.startDate,
  dueDays: r.dueDays,
  lateFeeRate: r.lateFeeRate,
  lateFeeGraceDays: r.lateFeeGraceDays,
  lateFeeCapPercent: r.lateFeeCapPercent,
  priority: r.priority,
  active: r.active,
  unitCount: units,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listFeeItems(db: DbOrTx, auth: AuthContext, q: z.infer<typeof feeItemListQuery>) {
  const scope = q.projectId
    ? auth.projectIds.includes(q.projectId)
      ? [q.projectId]
      : []
    : [...auth.projectIds];
  const where = and(
    scope.length ? inArray(feeItems.projectId, scope) : sql`false`,
    q.all ? undefined : eq(feeItems.active, true),
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({ r: feeItems, n: unitCount })
      .from(feeItems)
      .where(where)
      .orderBy(asc(feeItems.priority), asc(feeItems.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(feeItems).where(where),
  ]);
  return {
    items: rows.map(({ r, n }) => presentFeeItem(r, n)),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function feeItemInScope(
  db: DbOrTx,
  auth: AuthContext,
  id: number,
  lock = false,
): Promise<FeeItemRow> {
  const q = db.select().from(feeItems).where(eq(feeItems.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || !auth.projectIds.includes(row.projectId)) throw notFound('Fee item');
  return row;
}

export async function feeItemView(db: DbOrTx, auth: AuthContext, id: number): Promise<FeeItem> {
  const row = await feeItemInScope(db, auth, id);
  const [c] = await db.select({ n: unitCount }).from(feeItems).where(eq(feeItems.id, id));
  return presentFeeItem(row, c?.n ?? 0);
}
