import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects, units } from '../org/schema';

/**
 * 收费中心 core: fee items, their attachment to units, meter readings, billing runs, bills and the
 * rows that change a bill. Money is integer 分 everywhere. Payments (payments-schema.ts) and
 * 催缴 (collection-schema.ts) live beside this file and reference these tables.
 */

export const FEE_KINDS = ['monthly', 'quarterly', 'yearly', 'one_off', 'deposit'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
export const FEE_PAYERS = ['unit', 'parking', 'resident'] as const;
export type FeePayer = (typeof FEE_PAYERS)[number];
/** area × price, a fixed amount, meter delta × price, tiered meter price, a shared meter split by area. */
export const FEE_FORMULAS = ['area', 'fixed', 'meter', 'tiered', 'apportion'] as const;
export type FeeFormula = (typeof FEE_FORMULAS)[number];
/** 建筑面积 (units.area_m2) or 套内面积 (units.inner_area_m2). */
export const AREA_BASES = ['building', 'inner'] as const;
export type AreaBasis = (typeof AREA_BASES)[number];
/** Round a line to the 分, 角 or 元. */
export const ROUNDINGS = ['fen', 'jiao', 'yuan'] as const;
export type Rounding = (typeof ROUNDINGS)[number];
/** One step of a tiered meter price: up to `upTo` units of consumption (null = the rest) at `unitPrice`. */
export type PriceTier = { upTo: number | null; unitPrice: number };

export const feeItems = pgTable(
  'fee_items',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<FeeKind>().notNull(),
    payer: text('payer').$type<FeePayer>().notNull().default('unit'),
    formula: text('formula').$type<FeeFormula>().notNull(),
    areaBasis: text('area_basis').$type<AreaBasis>().notNull().default('building'),
    /**
     * Price per m², per meter unit or per month, in 0.01 分 (1/10,000 元) so that tariffs such as
     * 0.4883 元/kWh and 2.35 元/m² are exact integers (4883, 23500).
     */
    unitPrice: integer('unit_price'),
    /** The amount of a fixed fee, in 分. */
    fixedAmount: integer('fixed_amount'),
    tiers: jsonb('tiers').$type<PriceTier[]>(),
    rounding: text('rounding').$type<Rounding>().notNull().default('fen'),
    startDate: date('start_date').notNull(),
    /** Days after the period's first day that a bill line of this item falls due. */
    dueDays: integer('due_days').notNull().default(30),
    /** 滞纳金: per-day rate in 1/10,000 of the overdue balance (5 = 万分之五), after graceDays, capped. */
    lateFeeRate: integer('late_fee_rate').notNull().default(0),
    lateFeeGraceDays: integer('late_fee_grace_days').notNull().default(0),
    /** Cap on the late fees of one bill, as a percentage of the line amounts it is charged on. */
    lateFeeCapPercent: integer('late_fee_cap_percent').notNull().default(0),
    /** Lower number is paid first when prepaid balance (预存) is applied to new bills. */
    priority: integer('priority').notNull().default(100),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('fee_items_project_code_uq').on(t.projectId, t.code)],
);
export type FeeItemRow = typeof feeItems.$inferSelect;

/** A fee item charged to a unit (or to a parking space held by the unit), from startDate to endDate. */
export const feeItemUnits = pgTable(
  'fee_item_units',
  {
    id: id(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    feeItemId: ref('fee_item_id')
      .notNull()
      .references(() => feeItems.id),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    /** 车位号 for a parking fee; empty for a unit's own fees. */
    parkingSpace: text('parking_space').notNull().default(''),
    startDate: date('start_date'),
    endDate: date('end_date'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('fee_item_units_uq').on(t.feeItemId, t.unitId, t.parkingSpace),
    index('fee_item_units_unit_idx').on(t.unitId),
  ],
);
export type FeeItemUnitRow = typeof feeItemUnits.$inferSelect;

export const READING_SOURCES = ['phone', 'console', 'import'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

/**
 * One meter reading of a metered fee item. unitId null = the shared meter an apportioned item splits
 * by area share (Q101 公共水电分摊). meterChange: the meter was replaced, so this reading starts a
 * new series instead of being refused as lower than the last.
 */
export const meterReadings = pgTable(
  'meter_readings',
  {
    id: id(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    feeItemId: ref('fee_item_id')
      .notNull()
      .references(() => feeItems.id),
    unitId: ref('unit_id').references(() => units.id),
    period: text('period').notNull(),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    previousValue: numeric('previous_value', { precision: 14, scale: 2, mode: 'number' }),
    meterChange: boolean('meter_change').notNull().default(false),
    photoUploadId: ref('photo_upload_id'),
    source: text('source').$type<ReadingSource>().notNull(),
    readAt: at('read_at').notNull(),
    readById: ref('read_by_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('meter_readings_period_uq').on(t.feeItemId, t.unitId, t.period).nullsNotDistinct(),
    index('meter_readings_unit_idx').on(t.unitId, t.feeItemId, t.period),
  ],
);
export type MeterReadingRow = typeof meterReadings.$inferSelect;

export const BILLING_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];

/** One billing run of a project and period ("2026-12"), done by a job that reports progress here. */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    period: text('period').notNull(),
    status: text('status').$type<BillingRunStatus>().notNull().default('queued'),
    unitsTotal: integer('units_total').notNull().default(0),
    unitsDone: integer('units_done').notNull().default(0),
    billsCreated: integer('bills_created').notNull().default(0),
    linesCreated: integer('lines_created').notNull().default(0),
    /** Sum of the lines this run created, in 分 (bigint: a large estate's month passes 2^31 分). */
    amountCreated: bigint('amount_created', { mode: 'number' }).notNull().default(0),
    error: text('error'),
    startedById: ref('started_by_id'),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('billing_runs_project_idx').on(t.projectId, t.period)],
);
export type BillingRunRow = typeof billingRuns.$inferSelect;

/**
 * A unit's bill for one period. The amounts are never edited by a correction: billed is the sum of
 * its lines, adjusted the sum of its approved adjustment rows (signed), paid the sum of payment
 * allocations less refunds — each kept up to date in the same transaction as the row it sums, so
 * the arrears report reads one row per bill. balance is generated from the three.
 */
export const bills = pgTable(
  'bills',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    buildingId: ref('building_id').notNull(),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    billingRunId: ref('billing_run_id'),
    dueDate: date('due_date').notNull(),
    billedAmount: integer('billed_amount').notNull().default(0),
    adjustedAmount: integer('adjusted_amount').notNull().default(0),
    paidAmount: integer('paid_amount').notNull().default(0),
    balance: integer('balance')
      .notNull()
      .generatedAlwaysAs(sql`billed_amount + adjusted_amount - paid_amount`),
    /** 有争议: collection stops while a bill is disputed. */
    disputed: boolean('disputed').notNull().default(false),
    /** The day the balance last reached 0 (null while something is owed). */
    settledAt: at('settled_at'),
    /**
     * 临时收费 (charge-once.ts): the record that caused a one-off bill, e.g. ('decoration', 12) for a
     * 装修押金 or ('booking', 7) for a 场地使用费. Null for periodic and imported bills. A one-off bill's
     * period is "2026-12 decoration:12" so it never takes the unit × month key of the periodic bill.
     */
    sourceType: text('source_type'),
    sourceId: ref('source_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    unique('bills_unit_period_uq').on(t.unitId, t.period),
    // One bill per source record: charging the same deposit twice is a no-op, never a second bill.
    uniqueIndex('bills_source_uq').on(t.sourceType, t.sourceId).where(sql`source_type is not null`),
    index('bills_project_period_idx').on(t.projectId, t.period),
    // The arrears report and the 催缴 job read only bills that still owe something.
    index('bills_open_idx').on(t.projectId, t.buildingId, t.dueDate).where(sql`balance > 0`),
  ],
);
export type BillRow = typeof bills.$inferSelect;

/** One fee item on a bill; (unit, fee item, period, parking space) makes re-running a period add only what is missing. */
export const billLines = pgTable(
  'bill_lines',
  {
    id: id(),
    billId: ref('bill_id')
      .notNull()
      .references(() => bills.id),
    projectId: ref('project_id').notNull(),
    unitId: ref('unit_id').notNull(),
    feeItemId: ref('fee_item_id')
      .notNull()
      .references(() => feeItems.id),
    period: text('period').notNull(),
    parkingSpace: text('parking_space').notNull().default(''),
    description: text('description').notNull(),
    /** m², meter units or months, as used by the formula. */
    quantity: numeric('quantity', { precision: 14, scale: 2, mode: 'number' }),
    unitPrice: integer('unit_price'),
    amount: integer('amount').notNull(),
    meterReadingId: ref('meter_reading_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('bill_lines_uq').on(t.unitId, t.feeItemId, t.period, t.parkingSpace),
    index('bill_lines_bill_idx').on(t.billId),
    index('bill_lines_fee_item_idx').on(t.feeItemId, t.period),
  ],
);
export type BillLineRow = typeof billLines.$inferSelect;

/**
 * 调整 / 减免 / 核销 / 滞纳金 / 滞纳金减免: every correction is a new row. amount is signed (a discount is
 * negative). Discounts, write-offs and waivers need an approver; only approved rows count in
 * bills.adjusted_amount. A late fee's lateFeeDay makes the daily job duplicate-proof per bill × day.
 */
export const ADJUSTMENT_KINDS = [
  'adjustment',
  'discount',
  'write_off',
  'late_fee',
  'late_fee_waiver',
] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];
export const ADJUSTMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

export const billAdjustments = pgTable(
  'bill_adjustments',
  {
    id: id(),
    billId: ref('bill_id')
      .notNull()
      .references(() => bills.id),
    projectId: ref('project_id').notNull(),
    kind: text('kind').$type<AdjustmentKind>().notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<AdjustmentStatus>().notNull().default('approved'),
    lateFeeDay: date('late_fee_day'),
    requestedById: ref('requested_by_id'),
    approvedById: ref('approved_by_id'),
    decidedAt: at('decided_at'),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    index('bill_adjustments_bill_idx').on(t.billId),
    uniqueIndex('bill_adjustments_late_fee_uq').on(t.billId, t.lateFeeDay).where(sql`kind = 'late_fee'`),
    index('bill_adjustments_pending_idx').on(t.projectId, t.createdAt).where(sql`status = 'pending'`),
  ],
);
export type BillAdjustmentRow = typeof billAdjustments.$inferSelect;
