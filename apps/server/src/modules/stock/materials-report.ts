import { wallClockInstant } from '@guanjia/shared';
import type { MaterialsReport } from '@guanjia/shared/api';
import { and, asc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { nextMonth } from '../patrol/patrol-queries';
import { projectZone } from '../patrol/route-queries';
import { consumption, toBuy } from './rules/stock';
import { materials, stockMovements } from './schema';
import { STOCK_DUE_DAY } from './settings';

/**
 * 耗材月报 and 月采购计划 (W-25) for one month: per material the opening stock, what came in, went out
 * against work orders, came back and was adjusted at the stocktake, the closing stock, the value used,
 * and what to buy for next month.
 */
export async function materialsReport(
  db: DbOrTx,
  q: { projectId: number; month: string; companyId: number },
): Promise<MaterialsReport> {
  const tz = await projectZone(db, q.projectId);
  const from = wallClockInstant(`${q.month}-01`, '00:00', tz);
  const to = wallClockInstant(nextMonth(q.month), '00:00', tz);
  const [list, moves, dueDay] = await Promise.all([
    db
      .select()
      .from(materials)
      .where(eq(materials.projectId, q.projectId))
      .orderBy(asc(materials.category), asc(materials.code)),
    db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.projectId, q.projectId), lt(stockMovements.occurredAt, to))),
    getSetting(db, STOCK_DUE_DAY, { companyId: q.companyId, projectId: q.projectId }),
  ]);
  let consumedFen = 0;
  let purchaseFen = 0;
  const rows = list
    .map((m) => {
      const mine = moves.filter((x) => x.materialId === m.id);
      const before = mine.filter((x) => x.occurredAt < from);
      const during = mine.filter((x) => x.occurredAt >= from);
      const sum = (kind: string) => during.filter((x) => x.kind === kind).reduce((s, x) => s + x.delta, 0);
      const opening = before.reduce((s, x) => s + x.delta, 0);
      const closing = opening + during.reduce((s, x) => s + x.delta, 0);
      const used = during.reduce((s, x) => s + consumption(x.kind, x.delta), 0);
      const fen = during.reduce((s, x) => s + consumption(x.kind, x.delta) * x.priceFen, 0);
      const buy = m.active ? toBuy(used, m.minStock, closing) : 0;
      consumedFen += fen;
      purchaseFen += buy * m.priceFen;
      return {
        materialId: m.id,
        code: m.code,
        name: m.name,
        spec: m.spec,
        unit: m.unit,
        opening,
        inQty: sum('in'),
        outQty: -sum('out'),
        returnQty: sum('return'),
        adjustQty: sum('adjust'),
        closing,
        consumedFen: fen,
        workOrders: new Set(during.filter((x) => x.kind === 'out').map((x) => x.workOrderNumber)).size,
        toBuy: buy,
        touched: mine.length > 0 || m.active,
      };
    })
    .filter((r) => r.touched)
    .map(({ touched: _t, ...r }) => r);
  return { month: q.month, dueDay, rows, consumedFen, purchaseFen };
}
