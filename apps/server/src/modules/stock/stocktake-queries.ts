import type { Stocktake } from '@guanjia/shared/api';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { differences } from './rules/stock';
import { materials, type StocktakeRow, stocktakeLines, stocktakes } from './schema';

export async function stocktakeInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const query = db.select().from(stocktakes).where(eq(stocktakes.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Stocktake');
  assertInScope(auth, row.projectId, 'Stocktake');
  return row;
}

async function linesOf(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({
      l: stocktakeLines,
      name: materials.name,
      spec: materials.spec,
      unit: materials.unit,
      code: materials.code,
    })
    .from(stocktakeLines)
    .innerJoin(materials, eq(materials.id, stocktakeLines.materialId))
    .where(inArray(stocktakeLines.stocktakeId, ids))
    .orderBy(asc(materials.category), asc(materials.code));
}

export async function presentStocktakes(db: DbOrTx, rows: StocktakeRow[]): Promise<Stocktake[]> {
  const lines = await linesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((s) => {
    const mine = lines.filter((x) => x.l.stocktakeId === s.id);
    const d = differences(mine.map((x) => x.l));
    return {
      id: s.id,
      projectId: s.projectId,
      month: s.month,
      status: s.status,
      closedAt: s.closedAt?.toISOString() ?? null,
      lines: mine.map((x, i) => ({
        materialId: x.l.materialId,
        materialName: x.name,
        spec: x.spec,
        unit: x.unit,
        bookQty: x.l.bookQty,
        countedQty: x.l.countedQty,
        difference: d.perLine[i]?.difference ?? null,
        differenceFen: d.perLine[i]?.differenceFen ?? null,
      })),
      differences: d.count,
      differenceFen: d.fen,
      createdAt: s.createdAt.toISOString(),
      version: s.version,
    };
  });
}

export async function listStocktakes(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; page: number; pageSize: number },
) {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const where = and(inArray(stocktakes.projectId, scope.length ? scope : [-1]));
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(stocktakes)
      .where(where)
      .orderBy(desc(stocktakes.month), desc(stocktakes.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(stocktakes).where(where),
  ]);
  const items = (await presentStocktakes(db, rows)).map(({ lines: _l, ...rest }) => rest);
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
