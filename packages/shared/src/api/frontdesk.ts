import { z } from 'zod';
import { isoTime, nullableTime, page } from './common';

/**
 * 前台服务 (issue 20): one register engine for visitor passes (W-33), parcels (W-17), item release
 * (W-16), keys and loans (W-32). Every register keeps its records as desk entries; the gate answers
 * any code through one verify call.
 */

export const DESK_REGISTERS = ['visitor', 'parcel', 'release', 'key', 'loan'] as const;
export type DeskRegister = (typeof DESK_REGISTERS)[number];

export const DESK_STATUSES = [
  '待确认',
  '有效',
  '已用完',
  '已过期',
  '已作废',
  '待取',
  '已取件',
  '已送达',
  '已弃置',
  '待审批',
  '已批准',
  '已驳回',
  '已放行',
  '已取消',
  '借出',
  '已归还',
] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];

/** Why the gate refused a code (the first four are the issue's; the others say "not yet"). */
export const GATE_REFUSALS = [
  'expired',
  'used_up',
  'revoked',
  'unknown',
  'not_yet_valid',
  'pending',
] as const;
export type GateRefusal = (typeof GATE_REFUSALS)[number];

export const KEY_CATEGORIES = ['户内钥匙', '设备房', '单元门', '其他'] as const;
export const LOAN_CATEGORIES = ['轮椅', '雨伞', '工具', '购物车', '其他'] as const;
export const ITEM_STATUSES = ['在库', '借出', '停用'] as const;
export const ID_KINDS = ['身份证', '驾驶证', '护照', '其他'] as const;

const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
const id = z.number().int().positive();
const phone = z
  .string()
  .trim()
  .regex(/^\+?\d{5,15}$/, 'a phone number')
  .or(z.literal(''));
const name = z.string().trim().min(1).max(40);

export const deskListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(DESK_STATUSES).optional(),
  q: z.string().trim().max(40).optional(),
  format: z.enum(['json', 'xlsx']).optional(),
  ...pageFields,
});
export type DeskListQuery = z.infer<typeof deskListQuery>;

export const releaseItemSchema = z.object({
  name: z.string().trim().min(1).max(40),
  qty: z.number().int().min(1).max(999),
});

/** One record of any register; the register's own fields are in `details`. */
export const deskEntrySchema = z.object({
  id: z.number(),
  projectId: z.number(),
  register: z.enum(DESK_REGISTERS),
  code: z.string(),
  status: z.enum(DESK_STATUSES),
  source: z.string(),
  unitId: z.number().nullable(),
  unitLabel: z.string().nullable(),
  name: z.string(),
  phone: z.string(),
  itemId: z.number().nullable(),
  itemName: z.string().nullable(),
  validFrom: nullableTime,
  validUntil: nullableTime,
  usesAllowed: z.number().nullable(),
  usesCount: z.number(),
  dueAt: nullableTime,
  overdue: z.boolean(),
  flags: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
  createdAt: isoTime,
  closedAt: nullableTime,
  version: z.number(),
});
export type DeskEntry = z.infer<typeof deskEntrySchema>;
export const deskEntryPageSchema = page(deskEntrySchema);

export const visitorPassBody = z.object({
  projectId: id,
  unitId: id.nullish(),
  visitorName: name,
  phone: phone.default(''),
  plate: z.string().trim().max(12).default(''),
  purpose: z.string().trim().max(60).default(''),
  headcount: z.number().int().min(1).max(50).default(1),
  validFrom: isoTime.optional(),
  validUntil: isoTime.optional(),
  /** null: unlimited (a long-term deliverer's pass). */
  uses: z.number().int().min(1).max(100).nullable().default(1),
  parkingMinutes: z.number().int().min(0).max(1440).optional(),
  /** 常住出入证: a regular deliverer (milk, newspapers, post). */
  longTerm: z.boolean().default(false),
  /** The host resident confirms before the pass works. */
  hostConfirm: z.boolean().default(false),
  /** Where the desk registered it: at the desk or at the gate. */
  at: z.enum(['desk', 'gate']).default('desk'),
});
export type VisitorPassBody = z.infer<typeof visitorPassBody>;

export const portalVisitorPassBody = visitorPassBody
  .omit({ projectId: true, hostConfirm: true, at: true, longTerm: true })
  .extend({ unitId: id });

export const gateVerifyBody = z.object({ code: z.string().trim().min(1).max(400) });
export const gateAnswerSchema = z.object({
  valid: z.boolean(),
  reason: z.enum(GATE_REFUSALS).nullable(),
  /** The register that answered (by the code's prefix): visitor, release, or a plugged-in one. */
  kind: z.string().nullable(),
  code: z.string(),
  title: z.string(),
  lines: z.array(z.string()),
  usesLeft: z.number().nullable(),
});
export type GateAnswer = z.infer<typeof gateAnswerSchema>;

export const parcelBody = z
  .object({
    projectId: id,
    unitId: id.nullish(),
    phone: phone.default(''),
    carrier: z.string().trim().min(1).max(20),
    shelf: z.string().trim().min(1).max(20),
    recipientName: z.string().trim().max(40).default(''),
    kind: z.enum(['包裹', '信件', '报刊']).default('包裹'),
    toDoor: z.boolean().default(false),
  })
  .refine((v) => v.unitId || v.phone, { message: 'a unit or a phone', path: ['unitId'] });
export type ParcelBody = z.infer<typeof parcelBody>;
export const parcelPickupBody = z
  .object({
    /** The pickup code from the notice. */
    pickupCode: z.string().trim().max(12).optional(),
    /** Or the name signed on the shelf list. */
    signedName: z.string().trim().max(40).optional(),
    signatureUploadId: id.optional(),
  })
  .refine((v) => v.pickupCode || v.signedName, { message: 'a code or a signature', path: ['pickupCode'] });

export const itemReleaseBody = z.object({
  projectId: id,
  unitId: id,
  applicantName: name,
  phone: phone.default(''),
  relation: z.enum(['业主', '租户', '商户']).default('业主'),
  /** 租户: the owner agreed (name of the owner and how they agreed). */
  ownerConsent: z.string().trim().max(60).default(''),
  items: z.array(releaseItemSchema).min(1).max(30),
  releaseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-06'),
  plate: z.string().trim().max(12).default(''),
});
export type ItemReleaseBody = z.infer<typeof itemReleaseBody>;
export const portalItemReleaseBody = itemReleaseBody.omit({ projectId: true, relation: true });
export const approveBody = z.object({
  version: z.number().int().positive(),
  /** The desk has seen the arrears / decoration flags and approves anyway. */
  acknowledgeFlags: z.boolean().default(false),
});
export const rejectBody = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1).max(200),
});
export const revokeBody = z.object({ reason: z.string().trim().max(200).default('') });

export const deskItemSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  register: z.enum(['key', 'loan']),
  name: z.string(),
  category: z.string(),
  unitId: z.number().nullable(),
  unitLabel: z.string().nullable(),
  location: z.string(),
  status: z.enum(ITEM_STATUSES),
  agreementUploadId: z.number().nullable(),
  note: z.string(),
  holder: z.string().nullable(),
  dueAt: nullableTime,
  overdue: z.boolean(),
  version: z.number(),
});
export type DeskItem = z.infer<typeof deskItemSchema>;
export const deskItemPageSchema = page(deskItemSchema);
export const keyBody = z.object({
  projectId: id,
  name: z.string().trim().min(1).max(40),
  category: z.enum(KEY_CATEGORIES),
  unitId: id.nullish(),
  location: z.string().trim().max(40).default(''),
  /** 保管钥匙委托书 (uploaded scan). */
  agreementUploadId: id.nullish(),
  note: z.string().trim().max(200).default(''),
});
export const keyAgreementBody = z.object({ agreementUploadId: id, version: z.number().int().positive() });
export const checkoutBody = z.object({
  borrowerName: name,
  phone: phone.default(''),
  purpose: z.string().trim().max(60).default(''),
  expectedReturnAt: isoTime,
  /** 钥匙签收表: the borrower's signature (typed name; a signed scan may be attached). */
  signedName: name,
  signatureUploadId: id.optional(),
});
export const returnBody = z.object({ note: z.string().trim().max(200).default('') });

export const loanBody = z.object({
  projectId: id,
  category: z.enum(LOAN_CATEGORIES),
  itemName: z.string().trim().min(1).max(40),
  unitId: id.nullish(),
  borrowerName: name,
  phone: phone.default(''),
  idKind: z.enum(ID_KINDS),
  /** W-32: valid ID shown; only the last four characters are kept. */
  idLast4: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{4}$/, 'the last four characters of the ID'),
  expectedReturnAt: isoTime,
});
