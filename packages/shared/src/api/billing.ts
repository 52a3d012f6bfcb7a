import { z } from 'zod';
import { isoDate, isoTime, nullableTime, page } from './common';

/**
 * 收费中心 core: fee items, meter readings, billing runs, bills and their adjustments. Money is
 * integer 分; unit prices are in 0.01 分 (1/10,000 元) so 2.35 元/m² is 23500 and 0.4883 元/kWh 4883.
 */
export const FEE_ITEM_KINDS = ['monthly', 'quarterly', 'yearly', 'one_off', 'deposit'] as const;
export const FEE_ITEM_PAYERS = ['unit', 'parking', 'resident'] as const;
export const FEE_ITEM_FORMULAS = ['area', 'fixed', 'meter', 'tiered', 'apportion'] as const;
export const FEE_AREA_BASES = ['building', 'inner'] as const;
export const FEE_ROUNDINGS = ['fen', 'jiao', 'yuan'] as const;
export const BILL_STATUS_VALUES = ['unpaid', 'partial', 'paid'] as const;
export type BillStatusValue = (typeof BILL_STATUS_VALUES)[number];
export const BILL_ADJUSTMENT_KINDS = [
  'adjustment',
  'discount',
  'write_off',
  'late_fee',
  'late_fee_waiver',
] as const;
export type BillAdjustmentKind = (typeof BILL_ADJUSTMENT_KINDS)[number];
/** What a person may ask for; late fees are charged by the daily job only. */
export const REQUESTABLE_ADJUSTMENTS = ['adjustment', 'discount', 'write_off', 'late_fee_waiver'] as const;
export const BILL_ADJUSTMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const BILLING_RUN_STATES = ['queued', 'running', 'done', 'failed'] as const;
export const METER_READING_SOURCES = ['phone', 'console', 'import'] as const;
/** Why a reading was refused (rules/meter.ts). */
export const READING_REFUSALS = ['negative', 'lower_than_last', 'jump'] as const;

const id = z.number().int().positive();
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a period is written 2026-12');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written 2026-12-06');
const fen = z.number().int();
export const priceTierSchema = z.object({
  upTo: z.number().positive().max(1e9).nullable(),
  unitPrice: z.number().int().min(0).max(1e9),
});

export const feeItemSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(FEE_ITEM_KINDS),
  payer: z.enum(FEE_ITEM_PAYERS),
  formula: z.enum(FEE_ITEM_FORMULAS),
  areaBasis: z.enum(FEE_AREA_BASES),
  unitPrice: z.number().nullable(),
  fixedAmount: z.number().nullable(),
  tiers: z.array(priceTierSchema).nullable(),
  rounding: z.enum(FEE_ROUNDINGS),
  startDate: isoDate,
  dueDays: z.number(),
  lateFeeRate: z.number(),
  lateFeeGraceDays: z.number(),
  lateFeeCapPercent: z.number(),
  priority: z.number(),
  active: z.boolean(),
  unitCount: z.number(),
  version: z.number(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type FeeItem = z.infer<typeof feeItemSchema>;
export const feeItemPageSchema = page(feeItemSchema);

const feeItemFields = {
  name: z.string().trim().min(1).max(40),
  kind: z.enum(FEE_ITEM_KINDS),
  payer: z.enum(FEE_ITEM_PAYERS).default('unit'),
  formula: z.enum(FEE_ITEM_FORMULAS),
  areaBasis: z.enum(FEE_AREA_BASES).default('building'),
  unitPrice: z.number().int().min(0).max(1e9).nullish(),
  fixedAmount: fen.min(0).max(1e9).nullish(),
  tiers: z.array(priceTierSchema).min(1).max(10).nullish(),
  rounding: z.enum(FEE_ROUNDINGS).default('fen'),
  startDate: day,
  dueDays: z.number().int().min(0).max(366).default(30),
  lateFeeRate: z.number().int().min(0).max(100).default(0),
  /** Absent: the project's setting billing.lateFeeGraceDays. */
  lateFeeGraceDays: z.number().int().min(0).max(366).optional(),
  lateFeeCapPercent: z.number().int().min(0).max(100).default(0),
  priority: z.number().int().min(0).max(1000).default(100),
};

/** POST /api/fee-items. */
export const createFeeItemBody = z.object({
  projectId: id,
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _'),
  ...feeItemFields,
});
export type CreateFeeItemBody = z.input<typeof createFeeItemBody>;

/** PATCH /api/fee-items/:id: absent = unchanged. */
export const editFeeItemBody = z.object({
  version: z.number().int().positive(),
  name: feeItemFields.name.optional(),
  kind: feeItemFields.kind.optional(),
  payer: z.enum(FEE_ITEM_PAYERS).optional(),
  formula: feeItemFields.formula.optional(),
  areaBasis: z.enum(FEE_AREA_BASES).optional(),
  unitPrice: feeItemFields.unitPrice,
  fixedAmount: feeItemFields.fixedAmount,
  tiers: feeItemFields.tiers,
  rounding: z.enum(FEE_ROUNDINGS).optional(),
  startDate: day.optional(),
  dueDays: z.number().int().min(0).max(366).optional(),
  lateFeeRate: z.number().int().min(0).max(100).optional(),
  lateFeeGraceDays: z.number().int().min(0).max(366).optional(),
  lateFeeCapPercent: z.number().int().min(0).max(100).optional(),
  priority: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
export type EditFeeItemBody = z.input<typeof editFeeItemBody>;

/** POST /api/fee-items/:id/units and …/units/detach: one way of naming the units. */
export const attachUnitsBody = z
  .object({
    unitIds: z.array(id).min(1).max(5000).optional(),
    buildingIds: z.array(id).min(1).max(500).optional(),
    unitTypes: z.array(z.string().trim().min(1).max(20)).min(1).max(20).optional(),
    /** 车位号 of a parking fee (with exactly one unit). */
    parkingSpace: z.string().trim().max(20).optional(),
    startDate: day.optional(),
    endDate: day.optional(),
  })
  .refine((b) => [b.unitIds, b.buildingIds, b.unitTypes].filter(Boolean).length === 1, {
    message: 'name the units by exactly one of unitIds, buildingIds or unitTypes',
  });
export type AttachUnitsBody = z.input<typeof attachUnitsBody>;
export const attachResultSchema = z.object({ changed: z.number(), unitCount: z.number() });

export const meterReadingSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  feeItemId: z.number(),
  feeItemName: z.string(),
  unitId: z.number().nullable(),
  unitLabel: z.string().nullable(),
  period: z.string(),
  value: z.number(),
  previousValue: z.number().nullable(),
  consumption: z.number(),
  meterChange: z.boolean(),
  photoUploadId: z.number().nullable(),
  source: z.enum(METER_READING_SOURCES),
  readAt: isoTime,
  readByName: z.string().nullable(),
});
export type MeterReading = z.infer<typeof meterReadingSchema>;
export const meterReadingPageSchema = page(meterReadingSchema);

/** POST /api/meter-readings: unitId null = the shared meter an apportioned item splits. */
export const recordReadingBody = z.object({
  feeItemId: id,
  unitId: id.nullable(),
  period,
  value: z.number().min(0).max(1e10),
  /** 换表: the meter was replaced, this reading starts from zero. */
  meterChange: z.boolean().default(false),
  photoUploadId: id.nullish(),
  source: z.enum(['phone', 'console']).default('console'),
});
export type RecordReadingBody = z.input<typeof recordReadingBody>;

export const billingRunSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  period: z.string(),
  status: z.enum(BILLING_RUN_STATES),
  unitsTotal: z.number(),
  unitsDone: z.number(),
  billsCreated: z.number(),
  linesCreated: z.number(),
  amountCreated: z.number(),
  error: z.string().nullable(),
  startedByName: z.string().nullable(),
  startedAt: nullableTime,
  finishedAt: nullableTime,
  createdAt: isoTime,
});
export type BillingRun = z.infer<typeof billingRunSchema>;
export const billingRunPageSchema = page(billingRunSchema);
export const startBillingRunBody = z.object({ projectId: id, period });

export const billSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  buildingId: z.number(),
  buildingName: z.string(),
  unitId: z.number(),
  unitLabel: z.string(),
  period: z.string(),
  dueDate: isoDate,
  billedAmount: z.number(),
  adjustedAmount: z.number(),
  paidAmount: z.number(),
  balance: z.number(),
  status: z.enum(BILL_STATUS_VALUES),
  disputed: z.boolean(),
  settledAt: nullableTime,
  createdAt: isoTime,
  version: z.number(),
});
export type Bill = z.infer<typeof billSchema>;
export const billPageSchema = page(billSchema);

export const billLineSchema = z.object({
  id: z.number(),
  feeItemId: z.number(),
  feeItemName: z.string(),
  description: z.string(),
  parkingSpace: z.string(),
  quantity: z.number().nullable(),
  unitPrice: z.number().nullable(),
  amount: z.number(),
});
export type BillLine = z.infer<typeof billLineSchema>;

export const billAdjustmentSchema = z.object({
  id: z.number(),
  billId: z.number(),
  kind: z.enum(BILL_ADJUSTMENT_KINDS),
  amount: z.number(),
  reason: z.string(),
  status: z.enum(BILL_ADJUSTMENT_STATUSES),
  lateFeeDay: isoDate.nullable(),
  requestedById: z.number().nullable(),
  requestedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  decidedAt: nullableTime,
  createdAt: isoTime,
  version: z.number(),
});
export type BillAdjustment = z.infer<typeof billAdjustmentSchema>;
export const billAdjustmentPageSchema = page(
  billAdjustmentSchema.extend({ unitLabel: z.string(), period: z.string() }),
);

/** A payment's share of a bill (filled in once payments exist; empty until then). */
export const billAllocationSchema = z.object({
  id: z.number(),
  paymentId: z.number(),
  amount: z.number(),
  method: z.string(),
  receiptNo: z.string().nullable(),
  paidAt: isoTime,
});

export const billDetailSchema = billSchema.extend({
  lines: z.array(billLineSchema),
  adjustments: z.array(billAdjustmentSchema),
  allocations: z.array(billAllocationSchema),
});
export type BillDetail = z.infer<typeof billDetailSchema>;

/**
 * POST /api/bills/:id/adjustments. amount in 分: signed for an adjustment (+ charges more), the
 * size of the reduction for a discount, write-off or late-fee waiver.
 */
export const requestAdjustmentBody = z.object({
  kind: z.enum(REQUESTABLE_ADJUSTMENTS),
  amount: fen
    .min(-1e9)
    .max(1e9)
    .refine((v) => v !== 0, 'the amount must not be zero'),
  reason: z.string().trim().min(2).max(200),
});
export type RequestAdjustmentBody = z.input<typeof requestAdjustmentBody>;

/** POST /api/bill-adjustments/:id/decide: a second person with billing.finance. */
export const decideAdjustmentBody = z.object({
  decision: z.enum(['approve', 'reject']),
  version: z.number().int().positive(),
});

/** POST /api/meter-readings/import: the good rows are kept, each bad one named with its reason. */
export const readingImportResultSchema = z.object({
  total: z.number(),
  created: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
});
export type ReadingImportResult = z.infer<typeof readingImportResultSchema>;
