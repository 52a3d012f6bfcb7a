import { and, eq, inArray } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, conflict } from '../../platform/http/errors';
import { onHandOf } from './material-queries';
import { differences } from './rules/stock';
import { materials, stockMovements, stocktakeLines, stocktakes } from './schema';
import { stocktakeInScope } from './stocktake-queries';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** 月度盘点 opened: one line per active material with its book quantity now; one per project and month. */
export async function openStocktake(ctx: Ctx, auth: AuthContext, body: { projectId: number; month: string }) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stocktakes)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId,
        month: body.month,
        createdById: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('This month already has a stocktake');
    const list = await tx
      .select()
      .from(materials)
      .where(and(eq(materials.projectId, body.projectId), eq(materials.active, true)));
    const hand = await onHandOf(
      tx,
      list.map((m) => m.id),
    );
    if (list.length)
      await tx.insert(stocktakeLines).values(
        list.map((m) => ({
          stocktakeId: row.id,
          materialId: m.id,
          bookQty: hand.get(m.id) ?? 0,
          priceFen: m.priceFen,
        })),
      );
    await recordEvent(tx, userActor(auth), now, {
      action: 'stocktake.opened',
      entityType: 'stocktake',
      entityId: row.id,
      projectId: row.projectId,
      after: { month: row.month, lines: list.length },
    });
    return row;
  });
}

/** Counted quantities entered (any subset of the lines; again to correct them) while counting. */
export async function countStocktake(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: { version: number; lines: { materialId: number; countedQty: number }[] },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const s = checkVersion(await stocktakeInScope(tx, auth, id, true), body.version, 'Stocktake');
    if (s.status !== 'counting') throw conflict('The stocktake is closed');
    const known = await tx
      .select({ materialId: stocktakeLines.materialId })
      .from(stocktakeLines)
      .where(
        and(
          eq(stocktakeLines.stocktakeId, s.id),
          inArray(stocktakeLines.materialId, body.lines.map((l) => l.materialId).concat(-1)),
        ),
      );
    const ok = new Set(known.map((k) => k.materialId));
    const bad = body.lines.filter((l) => !ok.has(l.materialId)).map((l) => l.materialId);
    if (bad.length) throw badRequest('Materials not on this stocktake', { materialIds: bad });
    for (const l of body.lines)
      await tx
        .update(stocktakeLines)
        .set({ countedQty: l.countedQty })
        .where(and(eq(stocktakeLines.stocktakeId, s.id), eq(stocktakeLines.materialId, l.materialId)));
    const [row] = await tx
      .update(stocktakes)
      .set({ version: s.version + 1, updatedAt: now })
      .where(eq(stocktakes.id, s.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'stocktake.counted',
      entityType: 'stocktake',
      entityId: s.id,
      projectId: s.projectId,
      after: { lines: body.lines },
    });
    return row!;
  });
}

/**
 * 账实相符: closing writes each difference (counted − book) as an adjustment movement, so the book
 * matches the shelf from then on. Uncounted lines are left as they are.
 */
export async function closeStocktake(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const s = checkVersion(await stocktakeInScope(tx, auth, id, true), version, 'Stocktake');
    if (s.status !== 'counting') throw conflict('The stocktake is closed');
    const lines = await tx.select().from(stocktakeLines).where(eq(stocktakeLines.stocktakeId, s.id));
    const d = differences(lines);
    const adjustments = lines
      .map((l, i) => ({ l, diff: d.perLine[i]?.difference ?? 0 }))
      .filter((x) => x.diff !== 0);
    if (adjustments.length)
      await tx.insert(stockMovements).values(
        adjustments.map(({ l, diff }) => ({
          companyId: s.companyId,
          projectId: s.projectId,
          materialId: l.materialId,
          kind: 'adjust' as const,
          delta: diff,
          priceFen: l.priceFen,
          stocktakeId: s.id,
          note: `${s.month} 盘点${diff > 0 ? '盘盈' : '盘亏'}`,
          byId: auth.userId,
          occurredAt: now,
        })),
      );
    const [row] = await tx
      .update(stocktakes)
      .set({ status: 'closed', closedAt: now, version: s.version + 1, updatedAt: now })
      .where(eq(stocktakes.id, s.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'stocktake.closed',
      entityType: 'stocktake',
      entityId: s.id,
      projectId: s.projectId,
      after: { differences: d.count, differenceFen: d.fen },
    });
    return row!;
  });
}
