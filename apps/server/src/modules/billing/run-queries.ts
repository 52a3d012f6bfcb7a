import type { BillingRun } from '@guanjia/shared/api';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { pageQuery } from '../../platform/http/pagination';
import { userNames } from './bill-queries';
import { type BillingRunRow, billingRuns } from './schema';

export const runListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

export async function presentRuns(db: DbOrTx, rows: BillingRunRow[]): Promise<BillingRun[]> {
  const names = await userNames(
    db,
    rows.map((r) => r.startedById),
  );
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    period: r.period,
    status: r.status,
    unitsTotal: r.unitsTotal,
    unitsDone: r.unitsDone,
    billsCreated: r.billsCreated,
    linesCreated: r.linesCreated,
    amountCreated: r.amountCreated,
    error: r.error,
    startedByName: r.startedById ? (names.get(r.startedById) ?? null) : null,
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listRuns(db: DbOrTx, auth: AuthContext, q: z.infer<typeof runListQuery>) {
  const scope = q.projectId
    ? auth.projectIds.includes(q.projectId)
      ? [q.projectId]
      : []
    : [...auth.projectIds];
  const where = and(
    scope.length ? inArray(billingRuns.projectId, scope) : sql`false`,
    q.period ? eq(billingRuns.period, q.period) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(billingRuns)
      .where(where)
      .orderBy(desc(billingRuns.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(billingRuns).where(where),
  ]);
  return { items: await presentRuns(db, rows), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function runInScope(db: DbOrTx, auth: AuthContext, id: number): Promise<BillingRunRow> {
  const [row] = await db.select().from(billingRuns).where(eq(billingRuns.id, id));
  if (!row || !auth.projectIds.includes(row.projectId)) throw notFound('Billing run');
  return row;
}
