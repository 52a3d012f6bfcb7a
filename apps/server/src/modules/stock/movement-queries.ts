import { wallClockInstant } from '@guanjia/shared';
import type { StockMovement, StockMovementKind, WorkOrderDraft } from '@guanjia/shared/api';
import { and, count, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { nextMonth } from '../patrol/patrol-queries';
import { projectZone } from '../patrol/route-queries';
import { workOrders } from '../workorders/schema';
import { materials, stockMovements } from './schema';

export async function listMovements(
  db: DbOrTx,
  auth: AuthContext,
  q: {
    projectId?: number;
    materialId?: number;
    kind?: StockMovementKind;
    workOrderNumber?: string;
    month?: string;
    page: number;
    pageSize: number;
  },
) {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const parts: (SQL | undefined)[] = [inArray(stockMovements.projectId, scope.length ? scope : [-1])];
  if (q.materialId) parts.push(eq(stockMovements.materialId, q.materialId));
  if (q.kind) parts.push(eq(stockMovements.kind, q.kind));
  if (q.workOrderNumber) parts.push(eq(stockMovements.workOrderNumber, q.workOrderNumber));
  if (q.month) {
    const tz = await projectZone(db, q.projectId ?? scope[0] ?? -1);
    parts.push(gte(stockMovements.occurredAt, wallClockInstant(`${q.month}-01`, '00:00', tz)));
    parts.push(lt(stockMovements.occurredAt, wallClockInstant(nextMonth(q.month), '00:00', tz)));
  }
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select({ m: stockMovements, name: materials.name, unit: materials.unit, by: users.displayName })
      .from(stockMovements)
      .innerJoin(materials, eq(materials.id, stockMovements.materialId))
      .leftJoin(users, eq(users.id, stockMovements.byId))
      .where(where)
      .orderBy(desc(stockMovements.occurredAt), desc(stockMovements.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(stockMovements).where(where),
  ]);
  const items: StockMovement[] = rows.map(({ m, name, unit, by }) => ({
    id: m.id,
    projectId: m.projectId,
    materialId: m.materialId,
    materialName: name,
    unit,
    kind: m.kind,
    delta: m.delta,
    priceFen: m.priceFen,
    workOrderNumber: m.workOrderNumber,
    stocktakeId: m.stocktakeId,
    note: m.note,
    byName: by ?? null,
    occurredAt: m.occurredAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/**
 * The stock-out a work order suggests: the materials the technician entered at 完工, matched to the
 * catalogue by name (or "name spec"), less what was already drawn against the order. Nothing is
 * written: the storekeeper confirms each line (see the module's README note in routes.ts).
 */
export async function workOrderDraft(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId: number; workOrderNumber: string },
): Promise<WorkOrderDraft> {
  assertInScope(auth, q.projectId, 'Project');
  const [wo] = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.projectId, q.projectId), eq(workOrders.number, q.workOrderNumber)));
  if (!wo) throw notFound('Work order');
  const [catalogue, drawn] = await Promise.all([
    db
      .select()
      .from(materials)
      .where(and(eq(materials.projectId, q.projectId), eq(materials.active, true))),
    db
      .select({ materialId: stockMovements.materialId, delta: stockMovements.delta })
      .from(stockMovements)
      .where(and(eq(stockMovements.projectId, q.projectId), eq(stockMovements.workOrderNumber, wo.number))),
  ]);
  const issued = new Map<number, number>();
  for (const d of drawn) issued.set(d.materialId, (issued.get(d.materialId) ?? 0) - d.delta);
  const lines = wo.materials.map((line) => {
    const item = line.item.trim();
    const match =
      catalogue.find((m) => m.name === item) ??
      catalogue.find((m) => `${m.name} ${m.spec}`.trim() === item || `${m.name}${m.spec}` === item);
    const already = match ? Math.max(0, issued.get(match.id) ?? 0) : 0;
    const qty = Math.ceil(line.qty);
    return {
      item,
      qty: line.qty,
      unit: line.unit ?? null,
      materialId: match?.id ?? null,
      issued: already,
      suggested: match ? Math.max(0, qty - already) : 0,
    };
  });
  return { workOrderNumber: wo.number, workOrderId: wo.id, status: wo.status, lines };
}
