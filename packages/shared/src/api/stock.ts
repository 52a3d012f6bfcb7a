import { z } from 'zod';
import { isoTime, page } from './common';
import { patchOf } from './patch-schema';

/** 物料库存 (W-25): a catalogue per project, movements against work-order numbers, monthly stocktakes. */

export const STOCK_MOVEMENT_KINDS = ['in', 'out', 'return', 'adjust'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];
export const STOCKTAKE_STATUSES = ['counting', 'closed'] as const;
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number];

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-11');
const qty = z.number().int().min(1).max(1_000_000);
const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const createMaterialBody = z.object({
  projectId: z.number().int().positive(),
  code: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(60),
  spec: z.string().trim().max(60).default(''),
  unit: z.string().trim().min(1).max(10),
  category: z.string().trim().max(20).default(''),
  /** 分. */
  priceFen: z.number().int().min(0).max(100_000_000),
  /** Below this the purchase plan asks for more. */
  minStock: z.number().int().min(0).max(1_000_000).default(0),
});
export type CreateMaterialBody = z.infer<typeof createMaterialBody>;
export const editMaterialBody = patchOf(createMaterialBody.omit({ projectId: true })).extend({
  version: z.number().int().positive(),
  active: z.boolean().optional(),
});
export type EditMaterialBody = z.infer<typeof editMaterialBody>;

export const materialListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(60).optional(),
  /** Only those at or below their minimum. */
  low: z.enum(['true', 'false']).optional(),
  ...pageFields,
});

export const materialSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  category: z.string(),
  priceFen: z.number(),
  minStock: z.number(),
  onHand: z.number(),
  active: z.boolean(),
  updatedAt: isoTime,
  version: z.number(),
});
export type Material = z.infer<typeof materialSchema>;
export const materialPageSchema = page(materialSchema);

/**
 * 入库 (in), 领用 (out: must cite the work order number, W-25), 退库 (return: a reusable part back to
 * stock). 盘点 adjustments are written by closing a stocktake, not posted here.
 */
export const createMovementBody = z
  .object({
    projectId: z.number().int().positive(),
    kind: z.enum(['in', 'out', 'return']),
    materialId: z.number().int().positive(),
    qty,
    workOrderNumber: z.string().trim().max(40).nullish(),
    note: z.string().trim().max(200).default(''),
  })
  .refine((b) => b.kind !== 'out' || Boolean(b.workOrderNumber), {
    message: 'a stock-out needs the work order number (W-25)',
    path: ['workOrderNumber'],
  });
export type CreateMovementBody = z.infer<typeof createMovementBody>;

export const movementListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  materialId: z.coerce.number().int().positive().optional(),
  kind: z.enum(STOCK_MOVEMENT_KINDS).optional(),
  workOrderNumber: z.string().trim().max(40).optional(),
  month: month.optional(),
  ...pageFields,
});

export const movementSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  materialId: z.number(),
  materialName: z.string(),
  unit: z.string(),
  kind: z.enum(STOCK_MOVEMENT_KINDS),
  /** Signed: + into stock, − out of it. */
  delta: z.number(),
  priceFen: z.number(),
  workOrderNumber: z.string().nullable(),
  stocktakeId: z.number().nullable(),
  note: z.string(),
  byName: z.string().nullable(),
  occurredAt: isoTime,
});
export type StockMovement = z.infer<typeof movementSchema>;
export const movementPageSchema = page(movementSchema);

/** The stock-out a completed work order suggests: its materials matched to the catalogue by name. */
export const workOrderDraftQuery = z.object({
  projectId: z.coerce.number().int().positive(),
  workOrderNumber: z.string().trim().min(1).max(40),
});
export const workOrderDraftSchema = z.object({
  workOrderNumber: z.string(),
  workOrderId: z.number(),
  status: z.string(),
  lines: z.array(
    z.object({
      item: z.string(),
      qty: z.number(),
      unit: z.string().nullable(),
      materialId: z.number().nullable(),
      /** Already drawn against this order for that material. */
      issued: z.number(),
      /** What is left to draw (0 when fully issued). */
      suggested: z.number(),
    }),
  ),
});
export type WorkOrderDraft = z.infer<typeof workOrderDraftSchema>;

export const createStocktakeBody = z.object({ projectId: z.number().int().positive(), month });
export const countStocktakeBody = z.object({
  version: z.number().int().positive(),
  lines: z
    .array(
      z.object({
        materialId: z.number().int().positive(),
        countedQty: z.number().int().min(0).max(10_000_000),
      }),
    )
    .max(2000),
});
export const closeStocktakeBody = z.object({ version: z.number().int().positive() });
export const stocktakeListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  ...pageFields,
});

export const stocktakeLineSchema = z.object({
  materialId: z.number(),
  materialName: z.string(),
  spec: z.string(),
  unit: z.string(),
  bookQty: z.number(),
  countedQty: z.number().nullable(),
  difference: z.number().nullable(),
  differenceFen: z.number().nullable(),
});
export const stocktakeSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  month: z.string(),
  status: z.enum(STOCKTAKE_STATUSES),
  closedAt: isoTime.nullable(),
  lines: z.array(stocktakeLineSchema),
  /** Lines counted with a difference, and its value in 分 (盘盈 +, 盘亏 −). */
  differences: z.number(),
  differenceFen: z.number(),
  createdAt: isoTime,
  version: z.number(),
});
export type Stocktake = z.infer<typeof stocktakeSchema>;
export const stocktakePageSchema = page(stocktakeSchema.omit({ lines: true }));

export const materialsReportQuery = z.object({ projectId: z.coerce.number().int().positive(), month });
export const materialsReportRowSchema = z.object({
  materialId: z.number(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  opening: z.number(),
  inQty: z.number(),
  outQty: z.number(),
  returnQty: z.number(),
  adjustQty: z.number(),
  closing: z.number(),
  /** Consumption (out − return) at the catalogue price, 分. */
  consumedFen: z.number(),
  workOrders: z.number(),
  /** 月采购计划: what to buy for next month (last month's use plus the minimum, less what is left). */
  toBuy: z.number(),
});
export const materialsReportSchema = z.object({
  month: z.string(),
  /** The day of the month the purchase plan and stocktake are due (W-25: the 25th). */
  dueDay: z.number(),
  rows: z.array(materialsReportRowSchema),
  consumedFen: z.number(),
  purchaseFen: z.number(),
});
export type MaterialsReport = z.infer<typeof materialsReportSchema>;
