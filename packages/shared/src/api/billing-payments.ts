import { z } from 'zod';
import { isoDate, isoTime, nullableTime, page } from './common';

/** 收费: payments, prepaid (预存), refunds, online orders, the cashier's 日结 and the portal's bills. */

export const PAYMENT_METHOD_CODES = ['cash', 'bank_transfer', 'pos', 'online', 'prepaid'] as const;
export type PaymentMethodCode = (typeof PAYMENT_METHOD_CODES)[number];
export const DESK_METHOD_CODES = ['cash', 'bank_transfer', 'pos'] as const;
export const REFUND_KIND_CODES = ['prepaid', 'deposit'] as const;
export const ONLINE_ORDER_STATUS_CODES = ['created', 'paid', 'closed'] as const;
export const PSP_PROVIDERS = ['sandbox', 'wechatpay'] as const;
export type PspProvider = (typeof PSP_PROVIDERS)[number];

const fen = z.number().int();
const positiveFen = z.number().int().positive().max(100_000_000_00, 'at most ¥100,000,000.00');
const billIdList = z.array(z.number().int().positive()).min(1).max(500);

// ---- requests ----

export const paymentBody = z.object({
  unitId: z.number().int().positive(),
  /** The bills to settle; none = every open bill of the unit, oldest first. */
  billIds: z.array(z.number().int().positive()).max(500).optional(),
  amount: positiveFen,
  method: z.enum(DESK_METHOD_CODES),
  /** 预存: whatever the bills do not take goes to the unit's prepaid balance (else a larger amount is refused). */
  prepay: z.boolean().default(false),
  note: z.string().trim().max(500).default(''),
});
export type PaymentBody = z.infer<typeof paymentBody>;

export const paymentListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  projectId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  cashierId: z.coerce.number().int().positive().optional(),
  method: z.enum(PAYMENT_METHOD_CODES).optional(),
  /** Project-local days, inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Receipt number or unit label. */
  q: z.string().trim().max(50).optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type PaymentListQuery = z.infer<typeof paymentListQuery>;

export const reverseBody = z.object({ reason: z.string().trim().min(2).max(500) });

export const refundBody = z.object({
  unitId: z.number().int().positive(),
  kind: z.enum(REFUND_KIND_CODES),
  /** The deposit's bill (装修押金) for kind deposit. */
  billId: z.number().int().positive().optional(),
  amount: positiveFen,
  method: z.enum(DESK_METHOD_CODES),
  reason: z.string().trim().min(2).max(500),
});
export type RefundBody = z.infer<typeof refundBody>;

export const refundListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  projectId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
});

export const onlineOrderBody = z.object({ billIds: billIdList, provider: z.enum(PSP_PROVIDERS) });
export type OnlineOrderBody = z.infer<typeof onlineOrderBody>;

export const cashierReportQuery = z.object({
  projectId: z.coerce.number().int().positive(),
  date: z.iso.date(),
  cashierId: z.coerce.number().int().positive().optional(),
  format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
});
export type CashierReportQuery = z.infer<typeof cashierReportQuery>;

export const cashierUnitQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  /** A unit label (1-1-101), a resident's name or a phone number. */
  q: z.string().trim().min(1).max(50),
});

// ---- answers ----

export const paymentAllocationSchema = z.object({
  billId: z.number(),
  period: z.string(),
  amount: fen,
});

export const paymentSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  unitId: z.number(),
  unitLabel: z.string(),
  amount: fen,
  prepaidAmount: fen,
  method: z.enum(PAYMENT_METHOD_CODES),
  cashierId: z.number().nullable(),
  cashierName: z.string().nullable(),
  receiptNo: z.string(),
  paidAt: isoTime,
  note: z.string(),
  reversalOf: z.number().nullable(),
  /** The reversal of this payment, when it was reversed (冲正). */
  reversedBy: z.number().nullable(),
  reason: z.string().nullable(),
  provider: z.string().nullable(),
  allocations: z.array(paymentAllocationSchema),
});
export type Payment = z.infer<typeof paymentSchema>;
export const paymentPageSchema = page(paymentSchema);

export const prepaidEntrySchema = z.object({
  id: z.number(),
  kind: z.enum(['deposit', 'apply', 'refund', 'reversal', 'credit']),
  amount: fen,
  paymentId: z.number().nullable(),
  refundId: z.number().nullable(),
  at: isoTime,
});
export const prepaidSchema = z.object({
  unitId: z.number(),
  balance: fen,
  entries: z.array(prepaidEntrySchema),
});
export type Prepaid = z.infer<typeof prepaidSchema>;

export const refundSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  unitId: z.number(),
  unitLabel: z.string(),
  kind: z.enum(REFUND_KIND_CODES),
  billId: z.number().nullable(),
  amount: fen,
  method: z.enum(PAYMENT_METHOD_CODES),
  reason: z.string(),
  refundedById: z.number(),
  refundedByName: z.string().nullable(),
  refundedAt: isoTime,
});
export type Refund = z.infer<typeof refundSchema>;
export const refundPageSchema = page(refundSchema);

export const onlineOrderSchema = z.object({
  id: z.number(),
  outTradeNo: z.string(),
  provider: z.enum(PSP_PROVIDERS),
  /** 测试支付: the sandbox simulates the provider; no money moves. */
  sandbox: z.boolean(),
  amount: fen,
  billIds: z.array(z.number()),
  status: z.enum(ONLINE_ORDER_STATUS_CODES),
  /** What the payer's phone opens (a QR code at the desk); the sandbox's is its 测试支付 page. */
  payUrl: z.string().nullable(),
  paymentId: z.number().nullable(),
  receiptNo: z.string().nullable(),
  createdAt: isoTime,
  paidAt: nullableTime,
});
export type OnlineOrder = z.infer<typeof onlineOrderSchema>;

/** The provider's expected answer to a notification (WeChat Pay v3: 200/204 or a FAIL code). */
export const notifyAnswerSchema = z.object({ code: z.string(), message: z.string() });

export const cashierReportSchema = z.object({
  projectId: z.number(),
  date: isoDate,
  cashierId: z.number().nullable(),
  byMethod: z.array(z.object({ method: z.enum(PAYMENT_METHOD_CODES), count: z.number(), amount: fen })),
  /** Receipts issued that day (reversals included: each is a receipt of its own). */
  receipts: z.number(),
  reversals: z.object({ count: z.number(), amount: fen }),
  refunds: z.object({ count: z.number(), amount: fen }),
  /** Sum of every payment: equals the sum of byMethod and of the listed payments. */
  total: fen,
  /** Money actually taken in (total less prepaid applications, which moved no money). */
  received: fen,
  payments: z.array(paymentSchema),
});
export type CashierReport = z.infer<typeof cashierReportSchema>;

export const billLineBriefSchema = z.object({
  id: z.number(),
  feeItemName: z.string(),
  description: z.string(),
  amount: fen,
});
export const openBillSchema = z.object({
  id: z.number(),
  period: z.string(),
  dueDate: isoDate,
  billedAmount: fen,
  adjustedAmount: fen,
  paidAmount: fen,
  balance: fen,
  settledAt: nullableTime,
  lines: z.array(billLineBriefSchema),
});
export type OpenBillView = z.infer<typeof openBillSchema>;

export const unitAccountSchema = z.object({
  unitId: z.number(),
  projectId: z.number(),
  label: z.string(),
  residents: z.array(z.object({ id: z.number(), name: z.string() })),
  openBills: z.array(openBillSchema),
  arrears: fen,
  prepaidBalance: fen,
  lastPayment: z.object({ id: z.number(), amount: fen, paidAt: isoTime, receiptNo: z.string() }).nullable(),
  /** Paid deposits (装修押金) that may be refunded, for the refund form. */
  deposits: z.array(
    z.object({ billId: z.number(), period: z.string(), description: z.string(), refundable: fen }),
  ),
});
export type UnitAccount = z.infer<typeof unitAccountSchema>;

export const cashierUnitHitSchema = z.object({
  unitId: z.number(),
  projectId: z.number(),
  label: z.string(),
  residentNames: z.array(z.string()),
  arrears: fen,
});
export const cashierUnitHitsSchema = z.object({ items: z.array(cashierUnitHitSchema) });

/** The small arrears block of the screen pop and the resident 360. */
export const unitArrearsBriefSchema = z.object({
  unitId: z.number(),
  label: z.string(),
  arrears: fen,
  openBills: z.number(),
  oldestDueDate: isoDate.nullable(),
  prepaidBalance: fen,
  lastPayment: z.object({ amount: fen, paidAt: isoTime, receiptNo: z.string() }).nullable(),
});
export type UnitArrearsBrief = z.infer<typeof unitArrearsBriefSchema>;
export const unitArrearsQuery = z.object({
  unitIds: z
    .string()
    .regex(/^\d+(,\d+){0,19}$/, 'comma-separated unit ids (at most 20)')
    .transform((v) => v.split(',').map(Number)),
});
export type UnitArrearsList = z.infer<typeof unitArrearsListSchema>;
export const unitArrearsListSchema = z.object({ items: z.array(unitArrearsBriefSchema) });

export const portalBillsSchema = z.object({
  units: z.array(
    z.object({
      unitId: z.number(),
      label: z.string(),
      prepaidBalance: fen,
      arrears: fen,
      current: z.array(openBillSchema),
      history: z.array(openBillSchema),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.number(),
      unitLabel: z.string(),
      receiptNo: z.string(),
      amount: fen,
      method: z.enum(PAYMENT_METHOD_CODES),
      paidAt: isoTime,
    }),
  ),
  /** Providers the portal may offer; sandbox is labelled 测试支付. */
  providers: z.array(z.object({ code: z.enum(PSP_PROVIDERS), sandbox: z.boolean() })),
});
export type PortalBills = z.infer<typeof portalBillsSchema>;

export type CashierUnitHits = z.infer<typeof cashierUnitHitsSchema>;
export type PaymentPage = z.infer<typeof paymentPageSchema>;
export type RefundPage = z.infer<typeof refundPageSchema>;
