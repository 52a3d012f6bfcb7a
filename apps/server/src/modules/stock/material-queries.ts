import type { Material } from '@guanjia/shared/api';
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { type MaterialRow, materials, stockMovements } from './schema';

export async function materialInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const query = db.select().from(materials).where(eq(materials.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Material');
  assertInScope(auth, row.projectId, 'Material');
  return row;
}

/** What is on hand per material: the sum of its movements. */
export async function onHandOf(db: DbOrTx, ids: readonly number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: stockMovements.materialId, n: sql<number>`coalesce(sum(${stockMovements.delta}), 0)::int` })
    .from(stockMovements)
    .where(inArray(stockMovements.materialId, [...ids]))
    .groupBy(stockMovements.materialId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function presentMaterials(db: DbOrTx, rows: MaterialRow[]): Promise<Material[]> {
  const hand = await onHandOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    category: r.category,
    priceFen: r.priceFen,
    minStock: r.minStock,
    onHand: hand.get(r.id) ?? 0,
    active: r.active,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  }));
}

const onHandSql = sql`coalesce((select sum(m.delta) from stock_movements m where m.material_id = ${materials.id}), 0)`;

export async function listMaterials(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; q?: string; low?: 'true' | 'false'; page: number; pageSize: number },
) {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const parts: (SQL | undefined)[] = [inArray(materials.projectId, scope.length ? scope : [-1])];
  if (q.q)
    parts.push(
      or(
        ilike(materials.name, `%${q.q}%`),
        ilike(materials.code, `%${q.q}%`),
        ilike(materials.spec, `%${q.q}%`),
      ),
    );
  if (q.low === 'true') parts.push(sql`${onHandSql} <= ${materials.minStock}`);
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(materials)
      .where(where)
      .orderBy(asc(materials.category), asc(materials.code), asc(materials.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(materials).where(where),
  ]);
  return {
    items: await presentMaterials(db, rows),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
