import type { CreateMovementBody } from '@guanjia/shared/api';
import { and, eq, sql } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, conflict } from '../../platform/http/errors';
import { workOrders } from '../workorders/schema';
import { materialInScope } from './material-queries';
import { deltaOf } from './rules/stock';
import { stockMovements } from './schema';

const MOVEMENT_ACTION = { in: 'stock.in', out: 'stock.out', return: 'stock.return' } as const;

/**
 * 入库, 领用 or 退库. A stock-out must name a work order of the project by its number (W-25) and
 * cannot take more than is on hand; the material row is locked so two stock-outs cannot both pass.
 */
export async function recordMovement(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  body: CreateMovementBody,
) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const m = await materialInScope(tx, auth, body.materialId, true);
    if (m.projectId !== body.projectId) throw badRequest('Material not in this project');
    let workOrderId: number | null = null;
    const number = body.workOrderNumber?.trim() || null;
    if (number) {
      const [wo] = await tx
        .select({ id: workOrders.id })
        .from(workOrders)
        .where(and(eq(workOrders.projectId, body.projectId), eq(workOrders.number, number)));
      if (!wo) throw badRequest('No work order with this number in the project', { workOrderNumber: number });
      workOrderId = wo.id;
    }
    const delta = deltaOf(body.kind, body.qty);
    if (delta < 0) {
      const [row] = await tx
        .select({ n: sql<number>`coalesce(sum(${stockMovements.delta}), 0)::int` })
        .from(stockMovements)
        .where(eq(stockMovements.materialId, m.id));
      const hand = Number(row?.n ?? 0);
      if (hand + delta < 0) throw conflict('Not enough in stock', { onHand: hand, asked: body.qty });
    }
    const [mv] = await tx
      .insert(stockMovements)
      .values({
        companyId: auth.companyId,
        projectId: m.projectId,
        materialId: m.id,
        kind: body.kind,
        delta,
        priceFen: m.priceFen,
        workOrderNumber: number,
        workOrderId,
        note: body.note,
        byId: auth.userId,
        occurredAt: now,
      })
      .returning();
    if (!mv) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: MOVEMENT_ACTION[body.kind],
      entityType: 'material',
      entityId: m.id,
      projectId: m.projectId,
      after: { movementId: mv.id, delta, workOrderNumber: number },
    });
    return mv;
  });
}
