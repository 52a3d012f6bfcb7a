import type { StockMovementKind, StocktakeStatus } from '@guanjia/shared/api';
import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects } from '../org/schema';

/** The materials a project's store keeps (水龙头, 角阀, LED灯管 …), priced in 分. */
export const materials = pgTable(
  'materials',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    spec: text('spec').notNull().default(''),
    unit: text('unit').notNull(),
    category: text('category').notNull().default(''),
    priceFen: integer('price_fen').notNull(),
    minStock: integer('min_stock').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('materials_project_code_uq').on(t.projectId, t.code)],
);
export type MaterialRow = typeof materials.$inferSelect;

/**
 * Every change of stock, signed: what is on hand is the sum of the deltas (no stored balance to drift).
 * A stock-out cites the work order's number (W-25 领用记录必须对应维修单号).
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    materialId: ref('material_id')
      .notNull()
      .references(() => materials.id),
    kind: text('kind').$type<StockMovementKind>().notNull(),
    delta: integer('delta').notNull(),
    priceFen: integer('price_fen').notNull(),
    workOrderNumber: text('work_order_number'),
    workOrderId: ref('work_order_id'),
    stocktakeId: ref('stocktake_id'),
    note: text('note').notNull().default(''),
    byId: ref('by_id'),
    occurredAt: at('occurred_at').notNull(),
  },
  (t) => [
    index('stock_movements_material_idx').on(t.materialId, t.occurredAt),
    index('stock_movements_project_idx').on(t.projectId, t.occurredAt),
    index('stock_movements_wo_idx').on(t.projectId, t.workOrderNumber),
  ],
);
export type StockMovementRow = typeof stockMovements.$inferSelect;

/** 月度盘点: book quantities against counted ones; closing writes the differences as adjustments. */
export const stocktakes = pgTable(
  'stocktakes',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    month: text('month').notNull(),
    status: text('status').$type<StocktakeStatus>().notNull().default('counting'),
    closedAt: at('closed_at'),
    createdById: ref('created_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('stocktakes_project_month_uq').on(t.projectId, t.month)],
);
export type StocktakeRow = typeof stocktakes.$inferSelect;

export const stocktakeLines = pgTable(
  'stocktake_lines',
  {
    id: id(),
    stocktakeId: ref('stocktake_id')
      .notNull()
      .references(() => stocktakes.id, { onDelete: 'cascade' }),
    materialId: ref('material_id').notNull(),
    bookQty: integer('book_qty').notNull(),
    countedQty: integer('counted_qty'),
    priceFen: integer('price_fen').notNull(),
  },
  (t) => [uniqueIndex('stocktake_lines_uq').on(t.stocktakeId, t.materialId)],
);
export type StocktakeLineRow = typeof stocktakeLines.$inferSelect;
