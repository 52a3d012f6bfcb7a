import { z } from 'zod';
import { isoTime, nullableTime, page } from './common';

/** 装修管理 (W-14): from the application to the deposit refund, with daily site inspections. */

export const DECORATION_STATES = [
  'applied',
  'approved',
  'in_progress',
  'acceptance',
  'accepted',
  'refunded',
  'rejected',
  'cancelled',
] as const;
export type DecorationState = (typeof DECORATION_STATES)[number];
export const DECORATION_ACTIONS = [
  'approve',
  'reject',
  'cancel',
  'start',
  'request_acceptance',
  'accept',
  'fail_acceptance',
  'refund',
] as const;
export type DecorationAction = (typeof DECORATION_ACTIONS)[number];
export const WATER_TEST_RESULTS = ['pass', 'fail'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-06');
export const decorationWorkerInput = z.object({
  name: z.string().trim().min(1).max(30),
  idNumber: z.string().trim().max(30).default(''),
  phone: z.string().trim().max(30).default(''),
  trade: z.string().trim().max(20).default(''),
});

export const decorationBody = z
  .object({
    unitId: z.number().int().positive(),
    applicantName: z.string().trim().min(1).max(30),
    applicantPhone: z.string().trim().min(3).max(30),
    company: z.string().trim().max(60).default(''),
    companyLicence: z.string().trim().max(60).default(''),
    foreman: z.string().trim().max(30).default(''),
    foremanPhone: z.string().trim().max(30).default(''),
    scope: z.string().trim().min(1).max(1000),
    startsOn: day,
    endsOn: day,
    planUploadIds: z.array(z.number().int().positive()).max(20).default([]),
    workers: z.array(decorationWorkerInput).max(50).default([]),
  })
  .refine((d) => d.endsOn >= d.startsOn, { message: 'the end must be after the start', path: ['endsOn'] });
export type DecorationBody = z.infer<typeof decorationBody>;

export const decorationActionBody = z.object({
  action: z.enum(DECORATION_ACTIONS),
  note: z.string().trim().max(500).default(''),
  version: z.number().int().positive(),
});
export type DecorationActionBody = z.infer<typeof decorationActionBody>;
export const agreementBody = z.object({
  signedBy: z.string().trim().min(1).max(30),
  version: z.number().int().positive(),
});
export const depositBody = z.object({
  amountFen: z.number().int().min(0).max(100_000_000),
  method: z.enum(['cash', 'card', 'transfer', 'wechat', 'alipay']).default('transfer'),
  version: z.number().int().positive(),
});
export const seepageTestBody = z.object({
  passed: z.boolean(),
  ownerSigned: z.boolean(),
  note: z.string().trim().max(500).default(''),
  version: z.number().int().positive(),
});
export const waterTestStartBody = z.object({ version: z.number().int().positive() });
export const waterTestEndBody = z.object({
  result: z.enum(WATER_TEST_RESULTS),
  note: z.string().trim().max(500).default(''),
  version: z.number().int().positive(),
});
export const inspectionFindingInput = z.object({
  title: z.string().trim().min(1).max(100),
  detail: z.string().trim().max(500).default(''),
  photoIds: z.array(z.number().int().positive()).max(9).default([]),
});
export const inspectionDoneBody = z.object({
  ok: z.boolean(),
  note: z.string().trim().max(500).default(''),
  findings: z.array(inspectionFindingInput).max(20).default([]),
});
export type InspectionDoneBody = z.infer<typeof inspectionDoneBody>;

export const decorationWorkerSchema = z.object({
  id: z.number(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  trade: z.string(),
  passCode: z.string(),
  revoked: z.boolean(),
});
export const decorationInspectionSchema = z.object({
  id: z.number(),
  day: z.string(),
  state: z.enum(['open', 'done', 'missed']),
  ok: z.boolean().nullable(),
  note: z.string(),
  rectificationIds: z.array(z.number()),
  doneAt: nullableTime,
});
export const decorationSchema = z.object({
  id: z.number(),
  number: z.string(),
  projectId: z.number(),
  unitId: z.number(),
  unitLabel: z.string(),
  applicantName: z.string(),
  applicantPhone: z.string(),
  company: z.string(),
  companyLicence: z.string(),
  foreman: z.string(),
  foremanPhone: z.string(),
  scope: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  planUploadIds: z.array(z.number()),
  state: z.enum(DECORATION_STATES),
  agreementSignedAt: nullableTime,
  agreementSignedBy: z.string().nullable(),
  depositFen: z.number(),
  depositPaidAt: nullableTime,
  depositRefundedAt: nullableTime,
  depositPaymentId: z.number().nullable(),
  depositBillId: z.number().nullable(),
  depositRefundId: z.number().nullable(),
  seepageTestAt: nullableTime,
  seepagePassed: z.boolean().nullable(),
  waterTestStartedAt: nullableTime,
  waterTestEndedAt: nullableTime,
  waterTestResult: z.enum(WATER_TEST_RESULTS).nullable(),
  waterTestNote: z.string(),
  source: z.enum(['desk', 'portal']),
  createdAt: isoTime,
  version: z.number(),
  workers: z.array(decorationWorkerSchema),
  inspections: z.array(decorationInspectionSchema),
  actions: z.array(z.enum(DECORATION_ACTIONS)),
});
export type Decoration = z.infer<typeof decorationSchema>;
export const decorationSummarySchema = decorationSchema.omit({ workers: true, inspections: true });
export const decorationPageSchema = page(decorationSummarySchema);
export const decorationListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  state: z.enum(DECORATION_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type DecorationListQuery = z.infer<typeof decorationListQuery>;
export const workerPassCheckBody = z.object({ code: z.string().trim().min(1).max(100) });
export const workerPassVerdictSchema = z.object({
  valid: z.boolean(),
  reason: z.enum(['ok', 'expired', 'revoked', 'not_active', 'unknown']),
  workerName: z.string().nullable(),
  unitLabel: z.string().nullable(),
  validUntil: z.string().nullable(),
});
export type WorkerPassVerdict = z.infer<typeof workerPassVerdictSchema>;
export const portalDecorationsSchema = z.object({ items: z.array(decorationSummarySchema) });
