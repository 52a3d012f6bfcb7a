import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects, units } from '../org/schema';
import { bills } from './schema';

/**
 * 收费: payments and where their money went. Nothing here is ever edited: a 冲正 (reversal) is a new
 * payment with a negative amount pointing at the one it cancels, a refund is a new row. Every row that
 * moves money onto or off a bill updates bills.paid_amount in the same transaction.
 */

export const PAYMENT_METHODS = ['cash', 'bank_transfer', 'pos', 'online', 'prepaid'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** What a cashier takes at the desk; online and prepaid payments are recorded by the system. */
export const DESK_METHODS = ['cash', 'bank_transfer', 'pos'] as const;

export const payments = pgTable(
  'payments',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    /** 分; negative for a reversal. */
    amount: integer('amount').notNull(),
    /** The part of amount that went into the unit's prepaid account (预存). */
    prepaidAmount: integer('prepaid_amount').notNull().default(0),
    method: text('method').$type<PaymentMethod>().notNull(),
    /** Null for payments the system records (online notifications, prepaid applied by a run). */
    cashierId: ref('cashier_id'),
    /** SF + the project-local day + a 4-digit sequence: SF202612060001. Unique per project. */
    receiptNo: text('receipt_no').notNull(),
    paidAt: at('paid_at').notNull(),
    note: text('note').notNull().default(''),
    /** Set on the reversal row: the payment it cancels (at most one reversal per payment). */
    reversalOf: ref('reversal_of'),
    reason: text('reason'),
    onlineOrderId: ref('online_order_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('payments_receipt_uq').on(t.projectId, t.receiptNo),
    uniqueIndex('payments_reversal_uq').on(t.reversalOf).where(sql`reversal_of is not null`),
    index('payments_project_paid_idx').on(t.projectId, t.paidAt),
    index('payments_unit_idx').on(t.unitId, t.paidAt),
  ],
);
export type PaymentRow = typeof payments.$inferSelect;

/** How much of a payment went to which bill (negative on a reversal). */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    id: id(),
    paymentId: ref('payment_id')
      .notNull()
      .references(() => payments.id),
    billId: ref('bill_id')
      .notNull()
      .references(() => bills.id),
    projectId: ref('project_id').notNull(),
    amount: integer('amount').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('payment_allocations_payment_idx').on(t.paymentId),
    index('payment_allocations_bill_idx').on(t.billId),
  ],
);
export type PaymentAllocationRow = typeof paymentAllocations.$inferSelect;

/** A per-project, per-day counter behind the receipt numbers (an upsert hands out the next one). */
export const receiptCounters = pgTable(
  'receipt_counters',
  {
    projectId: ref('project_id').notNull(),
    day: date('day').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.day] })],
);

/**
 * A unit's prepaid balance (预存), kept beside its ledger in the same transaction; the row is locked
 * (FOR UPDATE) by everything that spends it, so two spends never both see the same money.
 */
export const prepaidAccounts = pgTable('prepaid_accounts', {
  unitId: ref('unit_id')
    .primaryKey()
    .references(() => units.id),
  companyId: ref('company_id').notNull(),
  projectId: ref('project_id').notNull(),
  balance: integer('balance').notNull().default(0),
  updatedAt: updatedAt(),
  version: version(),
});

/** credit: money a cancelled one-off charge had been paid (退费转预存, charge-once.ts). */
export const PREPAID_ENTRY_KINDS = ['deposit', 'apply', 'refund', 'reversal', 'credit'] as const;
export type PrepaidEntryKind = (typeof PREPAID_ENTRY_KINDS)[number];

/** Every movement of a prepaid balance: signed, the balance is their sum. */
export const prepaidLedger = pgTable(
  'prepaid_ledger',
  {
    id: id(),
    projectId: ref('project_id').notNull(),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<PrepaidEntryKind>().notNull(),
    amount: integer('amount').notNull(),
    paymentId: ref('payment_id'),
    refundId: ref('refund_id'),
    at: at('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('prepaid_ledger_unit_idx').on(t.unitId, t.at)],
);
export type PrepaidEntryRow = typeof prepaidLedger.$inferSelect;

/** 退款: of a prepaid balance, or of a paid deposit (装修押金) on a bill. */
export const REFUND_KINDS = ['prepaid', 'deposit'] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];

export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').$type<RefundKind>().notNull(),
    billId: ref('bill_id').references(() => bills.id),
    amount: integer('amount').notNull(),
    method: text('method').$type<PaymentMethod>().notNull(),
    reason: text('reason').notNull(),
    refundedById: ref('refunded_by_id').notNull(),
    refundedAt: at('refunded_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('refunds_project_idx').on(t.projectId, t.refundedAt)],
);
export type RefundRow = typeof refunds.$inferSelect;

export const ONLINE_ORDER_STATUSES = ['created', 'paid', 'closed'] as const;
export type OnlineOrderStatus = (typeof ONLINE_ORDER_STATUSES)[number];
export const ONLINE_ORDER_CHANNELS = ['desk', 'portal'] as const;
export type OnlineOrderChannel = (typeof ONLINE_ORDER_CHANNELS)[number];

/**
 * An order at a payment provider. out_trade_no is ours, provider_txn_id theirs: both unique, so a
 * notification delivered twice (or two at once) can record the payment only once.
 */
export const onlineOrders = pgTable(
  'online_orders',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    provider: text('provider').notNull(),
    outTradeNo: text('out_trade_no').notNull(),
    amount: integer('amount').notNull(),
    billIds: jsonb('bill_ids').$type<number[]>().notNull(),
    status: text('status').$type<OnlineOrderStatus>().notNull().default('created'),
    channel: text('channel').$type<OnlineOrderChannel>().notNull(),
    providerTxnId: text('provider_txn_id'),
    /** What the payer opens: WeChat's code_url (shown as a QR code) or the sandbox's page. */
    payUrl: text('pay_url'),
    paymentId: ref('payment_id'),
    createdById: ref('created_by_id'),
    /** The resident's portal phone when the order came from the portal. */
    createdByPhone: text('created_by_phone'),
    paidAt: at('paid_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    unique('online_orders_out_trade_no_uq').on(t.outTradeNo),
    uniqueIndex('online_orders_txn_uq')
      .on(t.provider, t.providerTxnId)
      .where(sql`provider_txn_id is not null`),
    index('online_orders_unit_idx').on(t.unitId, t.createdAt),
  ],
);
export type OnlineOrderRow = typeof onlineOrders.$inferSelect;
